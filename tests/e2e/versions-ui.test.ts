/**
 * Versions and the freeze in a real browser: the secretariat takes a named version, reads the redline
 * against the text now (words and who changed them), sees the blockers before the freeze button (which
 * stays disabled), enters the signature record, freezes once everything is approved, downloads the
 * signed PDF, and anyone checks it on the verification page — genuine, and not once a byte changed.
 *
 * Each person signs in and opens the demo negotiation in the workspace of the built client (the
 * versions tab, or the activity tab). Compared "with proposals", a Honduran proposal stands in Honduras'
 * colour, and a clause deleted since the version is restored from the comparison. The signed text is its own page, reached from the frozen
 * workspace; the verification page is /verify, open to a visitor who is not signed in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, describeBrowser, ensureClientBuilt, launchBrowser, screenshot } from '../utils/browser';
import { DEMO_EMAILS } from '../utils/people';
import { approveEverything, editAs, replaceWords, startWorld, currentPlainText, type World } from '../integration/versions/support';
import { openNegotiation, signIn, switchLanguageTo } from './support/workspace-page';
import { connectClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { connectionOrigin } from '../../server/src/collab/origins';
import { clauseFragment, clauseOrder, deleteClause } from '../../shared/src/yjs-layout';
import { newProposalId } from '../../shared/src/proposals';

const testOrigin = { kind: 'test' };

const TABS = { en: { versions: 'Versions', activity: 'Activity' }, es: { versions: 'Versiones', activity: 'Actividad' } } as const;

describeBrowser('versions and the freeze in the browser', () => {
  let world: World;
  let browser: Browser;
  let clauseId: string;

  /**
   * Signs in through the form, in `lang` (switched with the header's button when the saved language
   * differs), and opens a tab of the negotiation's side panel; from then on nothing may go wrong.
   */
  async function openAs(
    email: string,
    lang: 'en' | 'es',
    tab: keyof typeof TABS.en = 'versions',
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const { context, page } = await signIn(browser, world.server.url, email, lang === 'en' ? 'en-US' : 'es-ES', {
      viewport: { width: 1300, height: 1000 },
      acceptDownloads: true,
    });
    await switchLanguageTo(page, lang);
    const errors = collectPageErrors(page);
    await openNegotiation(page, world.server.url, world.d.documentId);
    await page.getByRole('tab', { name: TABS[lang][tab], exact: true }).click();
    return { context, page, errors };
  }

  /**
   * The verification page as someone who holds a file and is not signed in. Errors count once it is
   * shown: loading it, the app learns with a 401 from /api/me that nobody is signed in.
   */
  async function openVerifyPage(locale: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 1300, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/verify`);
    await page.locator('input[type="file"]').waitFor({ state: 'attached' });
    return { context, page, errors: collectPageErrors(page) };
  }

  beforeAll(async () => {
    await ensureClientBuilt();
    world = await startWorld();
    browser = await launchBrowser();
    for (const id of world.d.clauseIds)
      if ((await currentPlainText(world.server, world.d.documentId, id, 'en')).includes(' intend to ')) {
        clauseId = id;
        break;
      }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await world?.server.stop();
  });

  it('takes a named version and shows the redline against the text now, with who changed what', async () => {
    const { context, page, errors } = await openAs(DEMO_EMAILS.secretariat, 'en');
    await page.getByLabel('Name of the version').fill('Text circulated to capitals, 1 March');
    await page.getByRole('button', { name: 'Take version' }).click();
    await page.getByRole('rowheader', { name: /Text circulated to capitals, 1 March/ }).waitFor();
    await editAs(world.server, world.d.documentId, world.delegates.GT.userId, clauseId, 'en', replaceWords(' intend to ', ' will '));
    await page.getByRole('button', { name: 'Compare with the text now' }).click();
    const redline = page.locator('.redline');
    await redline.getByText('1 changed, 0 added, 0 removed, 0 moved').waitFor();
    await expect(redline.locator('del', { hasText: 'intend to' }).isVisible()).resolves.toBe(true);
    await expect(redline.locator('ins', { hasText: 'will' }).isVisible()).resolves.toBe(true);
    await expect(redline.getByText(`Edited by ${world.delegates.GT.displayName}`).isVisible()).resolves.toBe(true);
    await redline.scrollIntoViewIfNeeded();
    await screenshot(page, 'versions-redline', 'en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('compares with proposals in the sponsor’s colour and restores a clause the version holds, in Spanish', async () => {
    // Honduras proposes "jointly " before "build" (a stock client with the delegate's session); the secretariat deletes a clause.
    const proposal = newProposalId();
    const honduras = connectClient(world.server.wsUrl, world.d.documentId, { headers: { cookie: world.delegates.HN.cookie } });
    await honduras.synced();
    honduras.doc.transact(() => {
      const text = (clauseFragment(honduras.doc, clauseId, 'en').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      const at = text.toString().indexOf('build ');
      expect(at).toBeGreaterThan(0);
      text.insert(at, 'jointly ', { insertion: { id: proposal } });
    }, testOrigin);
    const proposals = () => world.secretariat.request<{ proposals: Array<{ id: string }> }>('GET', `/api/documents/${world.d.documentId}/proposals`);
    await waitFor(async () => (await proposals()).body.proposals.some((p) => p.id === proposal), 'the Honduran proposal to be recorded');
    honduras.destroy();
    const deleted = world.d.clauseIds[world.d.clauseIds.indexOf(clauseId) + 3];
    const live = await world.server.concordia.collab.registry.open(world.d.documentId);
    deleteClause(live.doc, deleted, connectionOrigin('e2e-secretariat', world.secretariat.userId));
    await live.flushed();

    const { context, page, errors } = await openAs(DEMO_EMAILS.secretariat, 'es');
    await page.getByRole('button', { name: 'Comparar con el texto actual' }).click();
    const redline = page.locator('.redline');
    await redline.getByText('1 modificadas, 0 añadidas, 1 suprimidas, 0 desplazadas', { exact: false }).waitFor();
    await page.getByLabel('Con propuestas').check();
    const part = page.locator(`.redline-proposals ins.proposal-insertion[data-proposal="${proposal}"]`);
    await part.waitFor();
    await expect(part.textContent()).resolves.toContain('jointly');
    await expect(part.getAttribute('title')).resolves.toBe('propuesto por HN para añadir');
    const { rows } = await world.server.concordia.db.pool.query<{ color: string }>('SELECT color FROM participants WHERE id = $1', [world.d.participants.HN]);
    await expect(part.evaluate((element) => getComputedStyle(element).getPropertyValue('--proposal-color').trim())).resolves.toBe(rows[0].color);
    await expect(page.locator(`.redline-proposal-code[data-proposal="${proposal}"]`).textContent()).resolves.toBe('HN');
    await screenshot(page, 'versions-redline-with-proposals', 'es');

    await page.getByRole('button', { name: 'Restaurar esta cláusula' }).click();
    await redline.getByText('0 suprimidas', { exact: false }).waitFor();
    await expect(page.getByRole('button', { name: 'Restaurar esta cláusula' }).count()).resolves.toBe(0);
    const order = await world.server.concordia.ctx.documents.read(world.d.documentId, (doc) => clauseOrder(doc));
    expect(order.value).toEqual(world.d.clauseIds);
    expect(errors).toEqual([]);
    await context.close();

    // The freeze below needs the text without open proposals.
    expect((await world.secretariat.request('POST', `/api/documents/${world.d.documentId}/proposals/${proposal}/reject`, {})).status).toBe(200);
  });

  it('lists what blocks the freeze before the button, in Spanish, and keeps the button disabled', async () => {
    const { context, page, errors } = await openAs(DEMO_EMAILS.secretariat, 'es');
    const panel = page.locator('.freeze-panel');
    await panel.getByText(/Todavía no se puede congelar el texto/).waitFor();
    await expect(panel.locator('.freeze-blocker').first().textContent()).resolves.toMatch(/nadie ha confirmado que las versiones lingüísticas concuerdan/);
    expect(await panel.locator('.freeze-blocker').count()).toBe(world.d.clauseIds.length * 5);
    expect(await panel.getByRole('button', { name: 'Congelar el texto' }).isDisabled()).toBe(true);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'freeze-blockers', 'es');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('freezes once everything is approved, then offers the signed text for download, which the verification page accepts', async () => {
    await approveEverything(world);
    const { context, page, errors } = await openAs(DEMO_EMAILS.secretariat, 'en');
    const form = page.locator('.signature-form');
    await form.getByLabel('Place (English)').fill('San Salvador');
    await form.getByLabel('Place (Spanish)').fill('San Salvador');
    await form.getByLabel('Date of signature').fill('2026-03-01');
    await form.getByRole('button', { name: 'Save the signature record' }).click();
    await page.getByText('Signature record saved.').waitFor({ state: 'attached' }); // said to screen readers

    const panel = page.locator('.freeze-panel');
    await panel.getByText(/the text can be frozen/).waitFor();
    await panel.getByRole('button', { name: 'Freeze the text' }).click();
    await panel.getByRole('button', { name: 'Yes, freeze the text' }).click();
    await page.getByRole('link', { name: 'Open the signed version and its exports', exact: true }).click();
    await page.locator('.signed-version .signed-fingerprint').waitFor();
    const fingerprint = (await page.locator('.signed-version .signed-fingerprint').textContent())!;
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await page.locator('.signed-version').getByLabel('One after the other (in duplicate)').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.signed-version').getByRole('link', { name: 'PDF' }).click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-e2e-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/-frozen-duplicate-[0-9a-f]{12}\.pdf$/);
    await page.locator('.signed-version').scrollIntoViewIfNeeded();
    await screenshot(page, 'signed-text', 'en');
    expect(errors).toEqual([]);
    await context.close();

    const visitor = await openVerifyPage('es-ES');
    await visitor.page.getByLabel('Archivo que desea verificar').setInputFiles(file);
    await visitor.page.getByRole('button', { name: 'Verificar', exact: true }).click();
    await visitor.page.locator('.verify-result.is-genuine').waitFor();
    await expect(visitor.page.locator('.verify-verdict').textContent()).resolves.toMatch(
      /^Auténtico: este archivo es exactamente la exportación de Texto congelado para la firma de «Memorando/,
    );
    await screenshot(visitor.page, 'verify-genuine', 'es');

    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    const tampered = file.replace(/\.pdf$/, '-tampered.pdf');
    fs.writeFileSync(tampered, bytes);
    await visitor.page.getByLabel('Archivo que desea verificar').setInputFiles(tampered);
    await visitor.page.getByRole('button', { name: 'Verificar', exact: true }).click();
    await visitor.page.locator('.verify-result.is-not-genuine').waitFor();
    await expect(visitor.page.locator('.verify-verdict').textContent()).resolves.toMatch(/^No auténtico/);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('shows the frozen text in the activity feed', async () => {
    const { context, page } = await openAs(DEMO_EMAILS.observer, 'en', 'activity');
    await page
      .locator('.activity-feed')
      .getByText(/froze the text for signature/)
      .waitFor();
    await page.getByRole('tab', { name: 'Versions', exact: true }).click();
    await page
      .locator('.freeze-panel')
      .getByText(/This text was frozen on/)
      .waitFor();
    await context.close();
  });
});
