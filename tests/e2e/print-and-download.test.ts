/**
 * Issue 19, "Print and download any draft", in a real browser.
 *
 * Printing the workspace prints the agreement as the draft PDF export lays it out — the titles, one
 * column per language, the article numbers in each column's language, every clause (also those far
 * down, whose editors are not mounted), nothing of the workspace around it — in at most twice the
 * export's pages. Pages are counted in Chromium's own PDF of the page (`page.pdf()`, the print
 * pipeline) and in the server's draft PDF, both read with pdf-parse (tests/integration/versions/pdf-text.cjs).
 *
 * Download ▾ in the document bar gives the text now as PDF or Word, side by side or one language
 * after the other, to every role that may read the document; each version downloads the same way from
 * the versions panel. A download that fails says why in the person's language. A frozen text offers
 * the signed page instead of drafts. The versions table fits the side panel at 1280×800 and 1440×900.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { collectPageErrors, describeBrowser, ensureClientBuilt, launchBrowser, ROOT, screenshot } from '../utils/browser';
import { DEMO_EMAILS } from '../utils/people';
import { LAST_ARTICLE, LAST_CLAUSE_ID, seedLargeAgreement } from '../utils/large-agreement';
import { approveEverything, freeze, startWorld, type World } from '../integration/versions/support';
import { clauseRow, openNegotiation, signIn, switchLanguageTo } from './support/workspace-page';
import { connectClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { clauseFragment } from '../../shared/src/yjs-layout';
import { newProposalId } from '../../shared/src/proposals';

/** The machine is shared with other browser tests: waits are generous, and no assertion is about time. */
const WAIT_MS = 60_000;
const TEST_MS = 240_000;
const LIVE_EDITORS = '.clause-text:not(.clause-static)';
const testOrigin = { kind: 'test' };
const PDF_TEXT = path.join(__dirname, '../integration/versions/pdf-text.cjs');
const PRINT_DIR = path.join(ROOT, 'test-results/print');

/** What the workspace shows around the text, in English: none of it may be printed. */
const WORKSPACE_WORDS = ['Download', 'Print', 'Comments', 'Approvals', 'Versions', 'Activity', 'Hide the side panel', 'Connected', 'Clause'];

interface PdfText {
  pages: string[];
}

/** The text of each page, extracted with pdf-parse in a child process (Jest refuses pdf.js's dynamic import). */
function pdfText(bytes: Buffer): PdfText {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-print-'));
  const file = path.join(dir, 'file.pdf');
  fs.writeFileSync(file, bytes);
  const run = spawnSync(process.execPath, [PDF_TEXT, file], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  fs.rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`pdf-text.cjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as PdfText;
}

const flat = (text: PdfText) => text.pages.join(' ').replace(/\s+/g, ' ');

/** A download from the page, by the session of the person signed in there (a plain GET, as the menu sends it). */
async function fetchInPage(page: Page, url: string): Promise<{ status: number; bytes: Buffer }> {
  const answer = await page.evaluate(async (target) => {
    const response = await fetch(target, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { status: response.status, base64: btoa(binary) };
  }, url);
  return { status: answer.status, bytes: Buffer.from(answer.base64, 'base64') };
}

/** What Chromium prints of the page now, as a PDF (A4 from print.css's @page), kept as test-results/print/<name>.pdf. */
async function printed(page: Page, name: string): Promise<{ bytes: Buffer; text: PdfText }> {
  await page.emulateMedia({ media: 'print' });
  await page.locator('.print-view').waitFor({ state: 'attached', timeout: WAIT_MS });
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  fs.mkdirSync(PRINT_DIR, { recursive: true });
  fs.writeFileSync(path.join(PRINT_DIR, `${name}.pdf`), bytes);
  return { bytes, text: pdfText(bytes) };
}

async function savedBytes(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file);
}

describeBrowser('printing and downloading drafts', () => {
  let world: World;
  let browser: Browser;
  let largeId: string;
  const open: BrowserContext[] = [];

  async function openAs(email: string, lang: 'en' | 'es', documentId: string, viewport = { width: 1280, height: 800 }) {
    const { context, page } = await signIn(browser, world.server.url, email, lang === 'en' ? 'en-US' : 'es-ES', { viewport, acceptDownloads: true }, WAIT_MS);
    open.push(context);
    await switchLanguageTo(page, lang);
    const errors = collectPageErrors(page);
    await openNegotiation(page, world.server.url, documentId);
    return { context, page, errors };
  }

  /** The named version the versions panel lists, taken once by the secretariat through the API. */
  let namedVersion: Promise<void> | null = null;
  function ensureNamedVersion(): Promise<void> {
    namedVersion ??= world.secretariat
      .request('POST', `/api/documents/${world.d.documentId}/versions`, { name: 'Text circulated to capitals' })
      .then((taken) => expect(taken.status).toBe(201));
    return namedVersion;
  }

  beforeAll(async () => {
    await ensureClientBuilt();
    world = await startWorld();
    browser = await launchBrowser();
    largeId = await seedLargeAgreement(world.server.concordia.db.pool, DEMO_EMAILS.us);
  }, 240_000);

  afterEach(async () => {
    for (const context of open.splice(0)) await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await world?.server.stop();
  });

  it(
    'prints all 300 clauses of a long agreement in two language columns, far-away ones too, within twice the draft PDF’s pages',
    async () => {
      // The United States proposes "jointly " in the second clause: the print marks it and names its sponsor.
      const proposal = newProposalId();
      const us = connectClient(world.server.wsUrl, largeId, { headers: { cookie: world.delegates.US.cookie } });
      await us.synced();
      us.doc.transact(() => {
        const text = (clauseFragment(us.doc, 'big_1', 'en').get(0) as Y.XmlElement).get(0) as Y.XmlText;
        text.insert(text.toString().indexOf('cooperate'), 'jointly ', { insertion: { id: proposal } });
      }, testOrigin);
      const proposals = () => world.delegates.US.request<{ proposals: Array<{ id: string }> }>('GET', `/api/documents/${largeId}/proposals`);
      await waitFor(async () => (await proposals()).body.proposals.some((p) => p.id === proposal), 'the proposal to be recorded');
      us.destroy();

      const { page, errors } = await openAs(DEMO_EMAILS.us, 'en', largeId);
      // The last clause is far below the viewport: its row holds no editor, only a placeholder.
      await expect(clauseRow(page, LAST_CLAUSE_ID).locator(LIVE_EDITORS).count()).resolves.toBe(0);

      await page.emulateMedia({ media: 'print' });
      const view = page.locator('.print-view');
      await view.waitFor({ state: 'attached', timeout: WAIT_MS });
      // Two columns: the English and the Spanish text of a clause side by side, on one line.
      const row = view.locator(`[data-clause-id="${LAST_CLAUSE_ID}"] .print-text`).first();
      const [en, es] = await Promise.all([row.locator('[lang="en"]').boundingBox(), row.locator('[lang="es"]').boundingBox()]);
      expect(en && es).toBeTruthy();
      expect(Math.abs(en!.y - es!.y)).toBeLessThan(1);
      expect(es!.x).toBeGreaterThan(en!.x + en!.width);
      await expect(view.locator('.print-clause').count()).resolves.toBe(300);
      await expect(view.locator('button, input, select, textarea, [contenteditable]').count()).resolves.toBe(0);
      await expect(view.locator(`ins.proposal-insertion[data-proposal="${proposal}"]`).textContent()).resolves.toBe('jointly ');
      await expect(view.locator('.print-legend li').allTextContents()).resolves.toEqual(['United States (US)']);
      await page.emulateMedia({ media: 'screen' });

      const print = await printed(page, 'large-agreement');
      const exported = await fetchInPage(page, `/api/documents/${largeId}/draft-export?format=pdf&layout=parallel`);
      expect(exported.status).toBe(200);
      const exportPages = pdfText(exported.bytes).pages.length;
      fs.writeFileSync(path.join(PRINT_DIR, 'large-agreement-export.pdf'), exported.bytes);
      expect(print.text.pages.length).toBeGreaterThan(1);
      expect(print.text.pages.length).toBeLessThanOrEqual(2 * exportPages);

      const text = flat(print.text);
      expect(text).toContain('Large agreement');
      expect(text).toContain('intend to jointly cooperate on matter 10 ');
      expect(text).toContain(`${LAST_ARTICLE} `);
      expect(text).toContain(`Artículo ${LAST_ARTICLE.split(' ')[1]}`);
      // The last sentence of the last clause, in both languages.
      expect(text).toContain('matter 2990 within their respective legal frameworks');
      expect(text).toContain('asunto 2990 dentro de sus respectivos marcos');
      for (const word of WORKSPACE_WORDS) expect(text).not.toContain(word);
      // Printing is over: the view is gone and the workspace is as it was.
      await view.waitFor({ state: 'detached', timeout: WAIT_MS });
      expect(errors).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'prints the demo Memorandum from the Print button with the side panel open, as the export lays it out, in Spanish',
    async () => {
      const { page, errors } = await openAs(DEMO_EMAILS.gt, 'es', world.d.documentId);
      await page.getByRole('tablist').waitFor();
      // What the print dialog would print, captured when it opens (the dialog itself is the browser's);
      // like the browser's, the stand-in announces printing before and after.
      await page.evaluate(() => {
        const w = window as unknown as { __printed: string[]; print: () => void };
        w.__printed = [];
        w.print = () => {
          window.dispatchEvent(new Event('beforeprint'));
          const view = document.querySelector('body > .print-view');
          w.__printed.push(view ? `${view.querySelectorAll('.print-clause').length}|${view.textContent ?? ''}` : '');
          window.dispatchEvent(new Event('afterprint'));
        };
      });
      await page.getByRole('button', { name: 'Imprimir', exact: true }).click();
      const captured = await page.evaluate(() => (window as unknown as { __printed: string[] }).__printed);
      expect(captured).toHaveLength(1);
      const [count, text] = captured[0].split(/\|(.*)/s);
      expect(Number(count)).toBe(world.d.clauseIds.length);
      expect(text).toContain('Artículo 1');
      expect(text).toContain('Article 1');
      expect(text).toContain('Borrador tal como estaba el');
      await expect(page.locator('.print-view').count()).resolves.toBe(0);

      const print = await printed(page, 'memorandum-es');
      const exported = await fetchInPage(page, `/api/documents/${world.d.documentId}/draft-export?format=pdf&layout=parallel`);
      expect(exported.status).toBe(200);
      const exportPages = pdfText(exported.bytes).pages.length;
      fs.writeFileSync(path.join(PRINT_DIR, 'memorandum-export.pdf'), exported.bytes);
      expect(print.text.pages.length).toBeLessThanOrEqual(2 * exportPages);
      const printedText = flat(print.text);
      expect(printedText).toContain('Artículo 1');
      for (const word of ['Imprimir', 'Descargar', 'Comentarios', 'Aprobaciones', 'Versiones', 'Actividad', 'Propuestas'])
        expect(printedText).not.toContain(word);
      expect(errors).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'downloads the text now as PDF and Word, side by side or one language after the other, by mouse and by keyboard',
    async () => {
      const { page, errors } = await openAs(DEMO_EMAILS.secretariat, 'en', world.d.documentId);
      const menuButton = page.getByRole('button', { name: 'Download the text now as a draft', exact: true });
      await expect(menuButton.getAttribute('aria-haspopup')).resolves.toBe('menu');

      await menuButton.click();
      const menu = page.getByRole('menu', { name: 'Download the text now as a draft' });
      await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual([
        'PDF — languages side by side',
        'PDF — one language after the other',
        'Word (.docx) — languages side by side, proposals as tracked changes',
        'Word (.docx) — one language after the other, proposals as tracked changes',
      ]);
      await screenshot(page, 'download-menu', 'en');
      const [pdf] = await Promise.all([page.waitForEvent('download'), menu.getByRole('menuitem', { name: 'PDF — languages side by side' }).click()]);
      expect(pdf.suggestedFilename()).toMatch(/-draft-parallel-\d{8}-\d{6}\.pdf$/);
      expect((await savedBytes(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
      await expect(menu.count()).resolves.toBe(0);

      // By keyboard: ArrowDown opens the menu on its first choice, End goes to the last, Enter takes it.
      await menuButton.focus();
      await page.keyboard.press('ArrowDown');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('PDF — languages side by side');
      await page.keyboard.press('End');
      const [docx] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(docx.suggestedFilename()).toMatch(/-draft-duplicate-\d{8}-\d{6}\.docx$/);
      expect((await savedBytes(docx)).subarray(0, 2).toString()).toBe('PK');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).resolves.toBe('menu');

      // Escape closes the menu back onto its button.
      await page.keyboard.press('Enter');
      await menu.waitFor();
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
      await expect(menuButton.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
      expect(errors).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'lets every role that may read the document download the text now and a version',
    async () => {
      await ensureNamedVersion();
      for (const email of [DEMO_EMAILS.gt, DEMO_EMAILS.hnLegal, DEMO_EMAILS.observer]) {
        const { context, page, errors } = await openAs(email, 'en', world.d.documentId);
        await page.getByRole('button', { name: 'Download the text now as a draft', exact: true }).click();
        const [now] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'PDF — one language after the other' }).click()]);
        expect((await savedBytes(now)).subarray(0, 5).toString()).toBe('%PDF-');

        await page.getByRole('tab', { name: 'Versions', exact: true }).click();
        await page.getByRole('button', { name: 'Download Text circulated to capitals as a draft', exact: true }).click();
        const [version] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('menuitem', { name: 'Word (.docx) — languages side by side, proposals as tracked changes' }).click(),
        ]);
        expect(version.suggestedFilename()).toMatch(/-draft-parallel-\d{8}-\d{6}\.docx$/);
        expect((await savedBytes(version)).subarray(0, 2).toString()).toBe('PK');
        expect(errors).toEqual([]);
        await context.close();
      }
    },
    TEST_MS,
  );

  it(
    'says in the person’s language why a download failed, never “Failed to fetch”',
    async () => {
      const { page } = await openAs(DEMO_EMAILS.us, 'es', world.d.documentId);
      await page.route('**/draft-export?**', (route) => route.abort('internetdisconnected'));
      await page.getByRole('button', { name: 'Descargar el texto actual como borrador', exact: true }).click();
      await page.getByRole('menuitem', { name: 'PDF — idiomas en paralelo' }).click();
      const alert = page.locator('.document-output [role="alert"]');
      await alert.waitFor();
      const message = await alert.textContent();
      expect(message).toContain('La descarga no se realizó.');
      expect(message).toContain('No se puede');
      expect(message).not.toMatch(/failed to fetch/i);
      // The button is usable again, and the next attempt clears the message.
      await page.unroute('**/draft-export?**');
      await page.getByRole('button', { name: 'Descargar el texto actual como borrador', exact: true }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'PDF — idiomas en paralelo' }).click()]);
      expect((await savedBytes(download)).subarray(0, 5).toString()).toBe('%PDF-');
      await expect(alert.count()).resolves.toBe(0);

      // A refusal from the server is told in its own translated words.
      await page.route('**/draft-export?**', (route) =>
        route.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'forbidden', message: 'No tiene acceso a este documento.' } }),
        }),
      );
      await page.getByRole('tab', { name: 'Versiones', exact: true }).click();
      await page
        .locator('.versions-panel')
        .getByRole('button', { name: /^Descargar .* como borrador$/ })
        .first()
        .click();
      await page.getByRole('menuitem', { name: 'PDF — un idioma tras otro' }).click();
      await expect(page.locator('.versions-panel [role="alert"]').textContent({ timeout: WAIT_MS })).resolves.toBe(
        'La descarga no se realizó. No tiene acceso a este documento.',
      );
    },
    TEST_MS,
  );

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1440, height: 900 },
  ]) {
    it(
      `fits the versions table in the side panel at ${viewport.width}×${viewport.height}, in English and Spanish`,
      async () => {
        await ensureNamedVersion();
        for (const lang of ['en', 'es'] as const) {
          const { context, page } = await openAs(DEMO_EMAILS.secretariat, lang, world.d.documentId, viewport);
          await page.getByRole('tab', { name: lang === 'en' ? 'Versions' : 'Versiones', exact: true }).click();
          const table = page.locator('.versions-table');
          await table.waitFor();
          const body = page.locator('.panel-body');
          const panel = (await body.boundingBox())!;
          const overflow = await body.evaluate((element) => element.scrollWidth - element.clientWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          const inner = { left: panel.x, right: panel.x + (await body.evaluate((element) => element.clientWidth)) };
          const actions = table.locator('.versions-actions .button');
          const count = await actions.count();
          expect(count).toBeGreaterThanOrEqual(3);
          const names = lang === 'en' ? ['Open', 'Compare with the text now'] : ['Abrir', 'Comparar con el texto actual'];
          for (const name of names) await expect(table.getByRole('button', { name, exact: true }).count()).resolves.toBeGreaterThan(0);
          for (let i = 0; i < count; i += 1) {
            const box = (await actions.nth(i).boundingBox())!;
            expect(box.x).toBeGreaterThanOrEqual(inner.left);
            expect(box.x + box.width).toBeLessThanOrEqual(inner.right + 0.5);
          }
          await screenshot(page, `versions-panel-${viewport.width}`, lang);
          await context.close();
        }
      },
      TEST_MS,
    );
  }

  it(
    'offers the signed page instead of draft downloads once the text is frozen',
    async () => {
      await ensureNamedVersion();
      await approveEverything(world);
      const frozen = await freeze(world);
      expect(frozen.status).toBe(201);
      const { page, errors } = await openAs(DEMO_EMAILS.gt, 'en', world.d.documentId);
      await expect(page.getByRole('button', { name: 'Download the text now as a draft' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: 'Print', exact: true }).count()).resolves.toBe(1);
      await page.getByRole('tab', { name: 'Versions', exact: true }).click();
      const frozenRow = page.locator('.version-frozen');
      await frozenRow.waitFor();
      await expect(frozenRow.getByRole('button', { name: /as a draft$/ }).count()).resolves.toBe(0);
      // An earlier version is still a draft of its time.
      await expect(page.getByRole('button', { name: 'Download Text circulated to capitals as a draft', exact: true }).count()).resolves.toBe(1);
      await page.locator('.document-output').getByRole('link', { name: 'Signed text and its downloads' }).click();
      await page.waitForURL(`**/documents/${world.d.documentId}/signed`);
      await page.locator('.signed-exports a').first().waitFor();
      expect(errors).toEqual([]);
    },
    TEST_MS,
  );
});
