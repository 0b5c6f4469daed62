/**
 * How agreement is really reached and signed (issue 16), one journey in a real browser, in Spanish and
 * English: Guatemala's delegate approves Article 3 ad referendum and her head of delegation confirms it
 * for the capital; Honduras makes its approval of Article 8 conditional on a package of Articles 8 and
 * 12, which holds it — and the freeze — until Honduras approves Article 12; the secretariat then enters
 * four originals, freezes, and downloads the four originals, each of which verifies as itself.
 *
 * Everything else is approved through the API first, as delegations do (approveEverything), so that
 * these three steps are all that stands between the text and the freeze.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, describeBrowser, ensureClientBuilt, launchBrowser, screenshot } from '../utils/browser';
import { DEMO_EMAILS } from '../utils/people';
import { HEAD_EMAIL, addGuatemalasHeadOfDelegation } from './support/head-of-delegation';
import { approveEverything, liveDoc, startWorld, type World } from '../integration/versions/support';
import { clauseRow, openNegotiation, signIn, switchLanguageTo } from './support/workspace-page';
import { verifyFile } from '../../server/src/exports/verify-file';
import { numberClauses } from '../../shared/src/numbering';
import { clauseItems } from '../../shared/src/yjs-layout';

const PACKAGE = 'Information-sharing package';
/** The machine is shared with other browser tests: waits are generous, and no assertion is about time. */
const WAIT_MS = 30_000;

describeBrowser('an agreement is reached ad referendum and in a package, then signed in four originals', () => {
  let world: World;
  let browser: Browser;
  const article: Record<number, string> = {};

  async function open(email: string, lang: 'en' | 'es', clauseId: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const { context, page } = await signIn(browser, world.server.url, email, lang === 'en' ? 'en-US' : 'es-ES', {
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    page.setDefaultTimeout(WAIT_MS);
    await switchLanguageTo(page, lang);
    const errors = collectPageErrors(page);
    await openNegotiation(page, world.server.url, world.d.documentId);
    await clauseRow(page, clauseId).locator('.approval-badge').first().waitFor();
    return { context, page, errors };
  }

  const badge = (page: Page, clauseId: string, code: string) => clauseRow(page, clauseId).locator('.approval-badge', { hasText: code });

  /** Approves a clause from its gutter; `choose` picks ad referendum or a package in the dialog. */
  async function approve(
    page: Page,
    clauseId: string,
    dialogName: RegExp,
    button: string,
    choose?: (dialog: ReturnType<Page['getByRole']>) => Promise<unknown>,
  ) {
    await clauseRow(page, clauseId)
      .getByRole('button', { name: /^(Approve|Aprobar)$/ })
      .click();
    const dialog = page.getByRole('dialog', { name: dialogName });
    await dialog.waitFor();
    await choose?.(dialog);
    const acknowledge = dialog.getByLabel(/^(I have compared the language versions myself|He comparado yo mismo las versiones lingüísticas)/);
    if (await acknowledge.count()) await acknowledge.check();
    await dialog.getByRole('button', { name: button }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    await ensureClientBuilt();
    world = await startWorld();
    browser = await launchBrowser();
    const numbers = numberClauses(clauseItems(await liveDoc(world.server, world.d.documentId)));
    for (const n of [3, 8, 12]) article[n] = [...numbers].find(([, number]) => number.article === n)![0];
    await addGuatemalasHeadOfDelegation(world);
    await approveEverything(world, new Set([`${article[3]}:GT`, `${article[8]}:HN`, `${article[12]}:HN`]));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await world?.server.stop();
  });

  it('takes Guatemala’s approval ad referendum to final, through its head of delegation, in Spanish', async () => {
    const gt = await open(DEMO_EMAILS.gt, 'es', article[3]);
    await approve(gt.page, article[3], /^Aprobar Artículo 3 en nombre del Participante/, 'Aprobar ad referéndum', (dialog) =>
      dialog.getByRole('radio', { name: 'Aprobar ad referéndum (sujeto a confirmación por mi capital)' }).check(),
    );
    await clauseRow(gt.page, article[3]).locator('.approval-badge.is-ad-referendum', { hasText: 'GT' }).waitFor();
    expect(await badge(gt.page, article[3], 'GT').textContent()).toBe('GT✓ᵃʳ');

    const head = await open(HEAD_EMAIL, 'es', article[3]);
    await clauseRow(head.page, article[3])
      .getByRole('button', { name: /^Confirmar en nombre de la capital/ })
      .click();
    const confirm = head.page.getByRole('dialog', { name: /^Confirmar Artículo 3 en nombre de la capital de/ });
    await confirm.getByRole('button', { name: 'Confirmar en nombre de la capital' }).click();
    await confirm.waitFor({ state: 'detached' });
    for (const page of [gt.page, head.page]) {
      await clauseRow(page, article[3]).locator('.approval-badge.status-approved:not(.is-ad-referendum)', { hasText: 'GT' }).waitFor();
    }
    expect(gt.errors).toEqual([]);
    expect(head.errors).toEqual([]);
    await Promise.all([gt.context.close(), head.context.close()]);
  });

  it('holds Honduras’ approval of Article 8 in a package, and the freeze with it, until Honduras approves Article 12 — in English', async () => {
    const hn = await open(DEMO_EMAILS.hn, 'en', article[8]);
    const desk = await open(DEMO_EMAILS.secretariat, 'es', article[8]);

    await hn.page.getByRole('tab', { name: 'Packages', exact: true }).click();
    await hn.page.getByRole('button', { name: 'New package', exact: true }).click();
    const form = hn.page.getByRole('dialog', { name: 'New package' });
    await form.getByLabel('Name', { exact: true }).fill(PACKAGE);
    await form.getByRole('checkbox', { name: 'Article 8', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Article 12', exact: true }).check();
    await form.getByRole('button', { name: 'Save the package' }).click();
    await form.waitFor({ state: 'detached' });

    await approve(hn.page, article[8], /^Approve Article 8 for /, 'Approve all versions', (dialog) =>
      dialog.getByLabel('Package', { exact: true }).selectOption({ label: PACKAGE }),
    );
    await clauseRow(hn.page, article[8]).locator('.approval-badge.status-held', { hasText: 'HN' }).waitFor();
    expect(await badge(hn.page, article[8], 'HN').getAttribute('aria-label')).toMatch(/: Held: package not settled \(.*; missing Article 12\)$/);
    // The secretariat's freeze panel, in Spanish, names the package and what it misses; the button stays disabled.
    await desk.page.getByRole('tab', { name: 'Versiones', exact: true }).click();
    const panel = desk.page.locator('.freeze-panel');
    await panel
      .locator('.freeze-blocker', { hasText: `Paquete «${PACKAGE}»` })
      .first()
      .waitFor();
    await expect(
      panel
        .locator('.freeze-blocker', { hasText: `Paquete «${PACKAGE}»` })
        .first()
        .textContent(),
    ).resolves.toMatch(/Artículo 12/);
    expect(await panel.getByRole('button', { name: 'Congelar el texto' }).isDisabled()).toBe(true);

    await approve(hn.page, article[12], /^Approve Article 12 for /, 'Approve all versions');
    await clauseRow(hn.page, article[8]).locator('.approval-badge.status-approved.is-conditional', { hasText: 'HN' }).waitFor();
    expect(await badge(hn.page, article[8], 'HN').textContent()).toBe('HN✓ᵖ');
    await panel.locator('.freeze-blocker').first().waitFor({ state: 'detached' });
    await panel.getByText(/el texto puede congelarse/i).waitFor();
    await screenshot(desk.page, 'agreement-ready-to-freeze', 'es');
    expect(hn.errors).toEqual([]);
    expect(desk.errors).toEqual([]);
    await Promise.all([hn.context.close(), desk.context.close()]);
  });

  it('freezes the text with four originals and downloads the four, each verified as the original of its Participant', async () => {
    const { context, page, errors } = await open(DEMO_EMAILS.secretariat, 'en', article[8]);
    await page.getByRole('tab', { name: 'Versions', exact: true }).click();
    const form = page.locator('.signature-form');
    await form.getByLabel('Place (English)').fill('Washington, D.C.');
    await form.getByLabel('Place (Spanish)').fill('Washington, D.C.');
    await form.getByLabel('Date of signature').fill('2026-03-01');
    await form.getByLabel('Number of originals').fill('4');
    await form.getByRole('button', { name: 'Save the signature record' }).click();
    await page.getByText('Signature record saved.').waitFor({ state: 'attached' });

    const panel = page.locator('.freeze-panel');
    await panel.getByText(/the text can be frozen/).waitFor();
    await panel.getByRole('button', { name: 'Freeze the text' }).click();
    await panel.getByRole('button', { name: 'Yes, freeze the text' }).click();
    await page.getByRole('link', { name: 'Open the signed version and its exports', exact: true }).click();
    await page.locator('.signed-version .signed-fingerprint').waitFor();
    const fingerprint = (await page.locator('.signed-version .signed-fingerprint').first().textContent())!;

    const originals = page.locator('.signed-originals-downloads');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-originals-'));
    const seen: string[] = [];
    for (const [number, code] of ['US', 'SV', 'GT', 'HN'].entries()) {
      const item = originals.locator(`li[data-participant="${code}"]`);
      await expect(item.textContent()).resolves.toContain('Original for ');
      const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('link', { name: /as PDF$/ }).click()]);
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const verification = await verifyFile(fs.readFileSync(file));
      expect(verification).toMatchObject({ genuine: true, fingerprint, original: { code, number: number + 1, of: 4 } });
      seen.push(download.suggestedFilename());
    }
    expect(new Set(seen).size).toBe(4);
    fs.rmSync(dir, { recursive: true, force: true });
    // The record the originals carry names Honduras' approval of Article 8 like every other: the package was settled.
    const { body } = await world.observer.request('GET', `/api/documents/${world.d.documentId}/approvals`);
    expect(body.documentStatus).toBe('frozen');
    expect(body.clauses.find((c: { clauseId: string }) => c.clauseId === article[8]).statuses[world.d.participants.HN]).toBe('approved');
    await screenshot(page, 'agreement-signed-originals', 'en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
