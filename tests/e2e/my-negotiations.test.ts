/**
 * "My negotiations" in Chromium: each negotiation's progress (clauses approved by every Participant,
 * open threads the reader may see), "New negotiation" for the secretariat and not for an observer,
 * and the secretariat's actions — import, duplicate, archive, the signed version of a frozen text.
 */
import type { Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { signIn } from './support/workspace-page';
import { currentState, demo, signIn as apiSignIn, type Demo } from '../integration/approvals/approvals-helpers';

const SECRETARIAT = 'secretariat@demo.test';
const OBSERVER = 'observer@demo.test';

describeBrowser('my negotiations', () => {
  const stage = browserStage();
  let d: Demo;

  beforeAll(async () => {
    d = await demo(stage.server);
    // The first clause approved by all four Participants; one public thread, and a Guatemalan internal note nobody else counts.
    const [clause] = d.clauseIds;
    const { fingerprint } = await currentState(stage.server, d.documentId, clause);
    for (const code of ['US', 'SV', 'GT', 'HN']) {
      const delegate = await apiSignIn(stage.server, `${code.toLowerCase()}.delegate@demo.test`);
      const answer = await delegate.request('POST', `/api/documents/${d.documentId}/clauses/${clause}/approvals`, {
        participantId: d.participants[code],
        fingerprint,
        acknowledgeConcordance: true,
      });
      expect(answer.status).toBe(201);
    }
    const gt = await apiSignIn(stage.server, 'gt.delegate@demo.test');
    for (const visibility of ['all', 'delegation']) {
      const answer = await gt.request('POST', `/api/documents/${d.documentId}/comments`, { clauseId: clause, visibility, body: `A ${visibility} thread` });
      expect(answer.status).toBe(201);
    }
  }, 180_000);

  const card = (page: Page, title: RegExp | string) => page.locator('.document-card').filter({ has: page.getByRole('link', { name: title }) });

  it('shows the secretariat the progress of each negotiation, what it may do, and New negotiation', async () => {
    const secretariat = await signIn(stage.browser, stage.server.url, SECRETARIAT, 'en-US');
    const { page } = secretariat;
    const errors = collectPageErrors(page);
    const memorandum = card(page, /Memorandum of Cooperation/);
    await memorandum.waitFor();
    await expect(memorandum.getByText(`1 of ${d.clauseIds.length} clauses approved`).isVisible()).resolves.toBe(true);
    await expect(memorandum.getByText('1 open thread', { exact: true }).isVisible()).resolves.toBe(true);
    const create = page.getByRole('link', { name: 'New negotiation' });
    expect(await create.getAttribute('href')).toBe('/documents/new');
    expect(await memorandum.getByRole('link', { name: 'Import drafts' }).getAttribute('href')).toBe(`/documents/${d.documentId}/import`);
    await expect(memorandum.getByRole('button', { name: 'Duplicate' }).isVisible()).resolves.toBe(true);
    await expect(memorandum.getByRole('button', { name: 'Archive this negotiation' }).isVisible()).resolves.toBe(true);
    await expect(memorandum.getByRole('link', { name: 'Signed version' }).count()).resolves.toBe(0);

    // Everything fits at 1280×800: no horizontal scrolling, the facts inside their card.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const [box, facts] = await Promise.all([memorandum.boundingBox(), memorandum.locator('.document-card-facts').boundingBox()]);
    expect(box && facts && facts.x >= box.x && facts.x + facts.width <= box.x + box.width).toBe(true);
    await screenshot(page, 'my-negotiations-secretariat', 'en');

    await create.click();
    await page.waitForURL(`${stage.server.url}/documents/new`);
    expect(errors).toEqual([]);
    await secretariat.context.close();
  });

  it('shows an observer the same progress, without what only the secretariat may do', async () => {
    const observer = await signIn(stage.browser, stage.server.url, OBSERVER, 'en-US');
    const { page } = observer;
    const memorandum = card(page, /Memorandum of Cooperation/);
    await memorandum.waitFor();
    await expect(memorandum.getByText(`1 of ${d.clauseIds.length} clauses approved`).isVisible()).resolves.toBe(true);
    // The Guatemalan internal note is not theirs to see, nor to count.
    await expect(memorandum.getByText('1 open thread', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'New negotiation' }).count()).resolves.toBe(0);
    await expect(memorandum.getByRole('link', { name: 'Import drafts' }).count()).resolves.toBe(0);
    await expect(memorandum.getByRole('button', { name: 'Duplicate' }).count()).resolves.toBe(0);
    await expect(memorandum.getByRole('button', { name: 'Archive this negotiation' }).count()).resolves.toBe(0);
    await screenshot(page, 'my-negotiations-observer', 'en');
    await observer.context.close();
  });

  it('duplicates a negotiation into a new workspace, links a frozen text to its signed version, and archives', async () => {
    const secretariat = await signIn(stage.browser, stage.server.url, SECRETARIAT, 'en-US');
    const { page } = secretariat;
    const memorandum = card(page, /Memorandum of Cooperation/);
    await memorandum.getByRole('button', { name: 'Duplicate' }).click();
    const region = page.getByRole('region', { name: /^Duplicate “Memorandum of Cooperation/ });
    await region.getByLabel('Title in English').fill('Action Plan');
    await region.getByLabel('Title in Spanish').fill('Plan de Acción');
    await screenshot(page, 'my-negotiations-duplicate', 'en');
    await region.getByRole('button', { name: 'Create and open' }).click();
    await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    const planId = page.url().split('/').pop()!;

    await stage.server.concordia.db.pool.query(`UPDATE documents SET status = 'frozen' WHERE id = $1`, [planId]);
    await page.goto(`${stage.server.url}/`);
    const plan = card(page, 'Action Plan');
    await plan.waitFor();
    await expect(plan.getByText('No text yet').isVisible()).resolves.toBe(true);
    await expect(plan.getByText('No open threads').isVisible()).resolves.toBe(true);
    expect(await plan.getByRole('link', { name: 'Signed version' }).getAttribute('href')).toBe(`/documents/${planId}/signed`);
    await expect(plan.getByRole('link', { name: 'Import drafts' }).count()).resolves.toBe(0);

    page.once('dialog', (dialog) => {
      void dialog.accept();
    });
    await plan.getByRole('button', { name: 'Archive this negotiation' }).click();
    await plan.locator('.status-archived').waitFor();
    await expect(plan.getByRole('button', { name: 'Archive this negotiation' }).count()).resolves.toBe(0);
    await secretariat.context.close();
  });

  it('says all of it in Spanish, numbers included', async () => {
    const secretariat = await signIn(stage.browser, stage.server.url, SECRETARIAT, 'es-ES');
    const { page } = secretariat;
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Mis negociaciones' }).waitFor();
    const memorandum = card(page, /Memorando de Cooperación/);
    await expect(memorandum.getByText(`1 de ${d.clauseIds.length} cláusulas aprobadas`).isVisible()).resolves.toBe(true);
    await expect(memorandum.getByText('1 hilo abierto', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Nueva negociación' }).isVisible()).resolves.toBe(true);
    await expect(memorandum.getByRole('button', { name: 'Duplicar' }).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'my-negotiations-secretariat', 'es');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'My negotiations' }).waitFor();
    await secretariat.context.close();
  });
});
