/**
 * The whole negotiation in Chromium, with six people at once in browsers of their own: the secretariat
 * opens the Memorandum; the U.S. and Honduran delegates type into Article 3 — one in English, one in
 * Spanish — and each sees the other's words and caret; the Honduran legal reviewer comments on words he
 * selected (and cannot change the text); the four Participants approve the clause, an edit turns their
 * approvals "changed since approval" and they approve again; the secretariat confirms the concordance,
 * enters the signature record and freezes the text once the other clauses are approved too (through the
 * API: only Article 3 is the journey's); every open workspace turns read-only without a reload; the
 * signed PDF is downloaded and the verification page calls it genuine.
 *
 * Run twice: with every interface in English (browsers in en-US), then in Spanish (es-ES). The demo
 * people keep a saved interface language, which wins over the browser's: whoever's differs switches
 * with the header's language button first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { editorText, switchLanguageTo, typeAtEnd, waitForText } from './support/workspace-page';
import { currentPlainText, demo, type Demo } from '../integration/approvals/approvals-helpers';
import { approveEverything, DELEGATES, demoWorld } from '../integration/versions/support';
import { DEMO_EMAILS } from '../utils/people';
import { clauseIdFromKey } from '../../shared/src/yjs-layout';

type Lang = 'en' | 'es';

/** What the interface says, in each language, where the journey reads or clicks. */
const UI = {
  en: {
    locale: 'en-US',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    negotiations: 'My negotiations',
    memorandum: /Memorandum of Cooperation on Regional Security/,
    article3: 'Article 3',
    text: (label: string, language: Lang) => `${label}, ${language === 'en' ? 'English' : 'Spanish'} text`,
    readOnly: 'Read only',
    tab: { comments: 'Comments', approvals: 'Approvals', versions: 'Versions' },
    showPanel: 'Comments, approvals and versions',
    matrixReady: 'Ready: every clause is approved by every Participant. This document is frozen: approvals can no longer change.',
    newComment: 'New comment on Article 3',
    commentsOn: 'Comments on Article 3',
    submitComment: 'Comment',
    openThreads: '1 open comment thread on Article 3',
    approvalsOf: 'Approvals of Article 3',
    approve: 'Approve',
    editAnyway: 'Edit anyway',
    approveDialog: /^Approve Article 3 for /,
    acknowledge: 'I have compared the language versions myself and approve this text anyway.',
    approveAll: 'Approve all versions',
    approved: /: Approved \(approved by /,
    outdated: /: Changed since approval \(approved by .*; the text changed since\)$/,
    concordance: /^Concordance: /,
    concordant: /^Concordance: Language versions agree — Confirmed by Ana Secretariat/,
    concordanceOf: 'Concordance of Article 3: the language versions side by side',
    confirmConcordance: 'Confirm that the versions say the same thing',
    close: 'Close',
    signature: 'Signature record',
    place: (language: Lang) => `Place (${language === 'en' ? 'English' : 'Spanish'})`,
    date: 'Date of signature',
    saveSignature: 'Save the signature record',
    signatureSaved: 'Signature record saved.',
    freezePanel: 'Freeze the text for signature',
    notReady: /^The text cannot be frozen yet\. \d+ item\(s\) remain:$/,
    ready: 'Every clause is approved by every Participant and its concordance is confirmed: the text can be frozen.',
    freeze: 'Freeze the text',
    confirmFreeze: 'Yes, freeze the text',
    frozenChip: 'Frozen',
    frozenBanner: 'This text is frozen for signature: nothing in it can change any more.',
    signedLink: 'Open the signed version and its exports',
    signedTitle: 'The signed text',
    checkFileLink: 'Check a file against this text',
    fileToCheck: 'File to check',
    check: 'Check',
    genuine: /^Genuine: this file is exactly the export of Text frozen for signature of “Memorandum of Cooperation on Regional Security/,
  },
  es: {
    locale: 'es-ES',
    email: 'Correo electrónico',
    password: 'Contraseña',
    signIn: 'Iniciar sesión',
    negotiations: 'Mis negociaciones',
    memorandum: /Memorando de Cooperación sobre Seguridad Regional/,
    article3: 'Artículo 3',
    text: (label: string, language: Lang) => `${label}, texto en ${language === 'en' ? 'inglés' : 'español'}`,
    readOnly: 'Solo lectura',
    tab: { comments: 'Comentarios', approvals: 'Aprobaciones', versions: 'Versiones' },
    showPanel: 'Comentarios, aprobaciones y versiones',
    matrixReady:
      'Lista: todas las cláusulas están aprobadas por todos los Participantes. Este documento está congelado: las aprobaciones ya no pueden cambiar.',
    newComment: 'Nuevo comentario sobre Artículo 3',
    commentsOn: 'Comentarios sobre Artículo 3',
    submitComment: 'Comentar',
    openThreads: '1 hilo de comentarios abierto sobre Artículo 3',
    approvalsOf: 'Aprobaciones de Artículo 3',
    approve: 'Aprobar',
    editAnyway: 'Editar de todos modos',
    approveDialog: /^Aprobar Artículo 3 en nombre del Participante /,
    acknowledge: 'He comparado yo mismo las versiones lingüísticas y apruebo este texto de todos modos.',
    approveAll: 'Aprobar todas las versiones',
    approved: /: Aprobada \(aprobada por /,
    outdated: /: Cambió desde la aprobación \(aprobada por .*; el texto cambió desde entonces\)$/,
    concordance: /^Concordancia: /,
    concordant: /^Concordancia: Las versiones concuerdan — Confirmada por Ana Secretariat/,
    concordanceOf: 'Concordancia de Artículo 3: las versiones lingüísticas lado a lado',
    confirmConcordance: 'Confirmar que las versiones dicen lo mismo',
    close: 'Cerrar',
    signature: 'Datos de la firma',
    place: (language: Lang) => `Lugar (${language === 'en' ? 'inglés' : 'español'})`,
    date: 'Fecha de la firma',
    saveSignature: 'Guardar los datos de la firma',
    signatureSaved: 'Datos de la firma guardados.',
    freezePanel: 'Congelar el texto para la firma',
    notReady: /^Todavía no se puede congelar el texto\. Quedan \d+ elemento\(s\):$/,
    ready: 'Todas las cláusulas están aprobadas por todos los Participantes y su concordancia está confirmada: el texto puede congelarse.',
    freeze: 'Congelar el texto',
    confirmFreeze: 'Sí, congelar el texto',
    frozenChip: 'Congelado',
    frozenBanner: 'Este texto está congelado para la firma: ya no se puede modificar.',
    signedLink: 'Abrir la versión firmada y sus exportaciones',
    signedTitle: 'El texto firmado',
    checkFileLink: 'Verificar un archivo con este texto',
    fileToCheck: 'Archivo que desea verificar',
    check: 'Verificar',
    genuine: /^Auténtico: este archivo es exactamente la exportación de Texto congelado para la firma de «Memorando de Cooperación sobre Seguridad Regional/,
  },
} as const;

const EMAILS = {
  secretariat: DEMO_EMAILS.secretariat,
  US: DEMO_EMAILS.us,
  SV: DEMO_EMAILS.sv,
  GT: DEMO_EMAILS.gt,
  HN: DEMO_EMAILS.hn,
  legal: DEMO_EMAILS.hnLegal,
} as const;
type Who = keyof typeof EMAILS;

const NAMES = { US: 'Michael Reyes', HN: 'María Fernanda Zelaya' } as const;

/** Words typed during the journey; none holds a square bracket, which would block the freeze [F2]. */
const TYPED = {
  us: ' The Participants will report on these operations every year.',
  hn: ' Los Participantes informarán cada año sobre estas operaciones.',
  legal: ' texto no autorizado',
  amendment: ' Progress will be reviewed at the annual meetings.',
};
/** How long to wait for something another person did to show up. */
const LIVE_WAIT = 90_000;

const QUOTED = 'tráfico ilícito de migrantes';
const COMMENT = 'Propongo «tráfico de migrantes», como en la Declaración Conjunta.';

interface Person {
  who: Who;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * Selects words of a clause text with the mouse, from before their first letter to after their last.
 * The text must be the live editor (a row near the viewport swaps its static text for one).
 */
async function selectWithMouse(page: Page, editor: Locator, words: string): Promise<void> {
  await editor.scrollIntoViewIfNeeded();
  await editor.and(page.locator('.ProseMirror:not(.clause-static)')).waitFor();
  const points = await editor.evaluate((element, target) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(target) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + target.length - 1);
      range.setEnd(node, at + target.length);
      const last = range.getBoundingClientRect();
      return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
    }
    return null;
  }, words);
  if (!points) throw new Error(`"${words}" is not in the editor`);
  await page.mouse.move(points.from.x, points.from.y);
  await page.mouse.down();
  await page.mouse.move(points.to.x, points.to.y, { steps: 8 });
  await page.mouse.up();
  await page
    .waitForFunction((target) => window.getSelection()?.toString() === target, words, { timeout: 30_000 })
    .catch(async (error: unknown) => {
      const selected = await page.evaluate(() => window.getSelection()?.toString());
      throw new Error(`Dragging the mouse over "${words}" selected ${JSON.stringify(selected)}`, { cause: error });
    });
}

for (const lang of ['en', 'es'] as const) {
  const T = UI[lang];
  const enText = T.text(T.article3, 'en');
  const esText = T.text(T.article3, 'es');

  describeBrowser(`a whole negotiation, with the interface in ${lang === 'en' ? 'English' : 'Spanish'}`, () => {
    const stage = browserStage({ DEMO: '1' }, 600_000);
    let d: Demo;
    let clauseId: string;
    const people = new Map<Who, Person>();
    const person = (who: Who): Person => {
      const found = people.get(who);
      if (!found) throw new Error(`${who} has not opened the negotiation`);
      return found;
    };

    /** Signs in through the form, sets the interface language with the header's button if the saved one differs, and opens the Memorandum. */
    async function open(who: Who): Promise<Person> {
      const context = await stage.browser.newContext({ locale: T.locale, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // Generous: the machine is shared, and six browsers and a server share its cores.
      page.setDefaultTimeout(LIVE_WAIT);
      await page.goto(`${stage.server.url}/signin`);
      await page.getByLabel(T.email, { exact: true }).fill(EMAILS[who]);
      await page.getByLabel(T.password, { exact: true }).fill('demo');
      await page.getByRole('button', { name: T.signIn, exact: true }).click();
      // The list comes in the person's saved language, which may not be this run's yet.
      await page.getByRole('heading', { name: new RegExp(`^(${UI.en.negotiations}|${UI.es.negotiations})$`) }).waitFor();
      // From here on nothing may go wrong (before, the page learnt with a 401 that nobody was signed in).
      const errors = collectPageErrors(page);
      page.on('response', (response) => {
        if (response.status() >= 400) errors.push(`response: ${response.status()} ${response.request().method()} ${response.url()}`);
      });
      // Saved to the account, so that a page loaded later (the verification page) keeps the language.
      await switchLanguageTo(page, lang);
      await page.getByRole('heading', { name: T.negotiations }).waitFor();
      await page.getByRole('link', { name: T.memorandum }).click();
      await page.getByRole('textbox', { name: enText, exact: true }).waitFor();
      await page.locator('.connection-connected').waitFor();
      const opened = { who, context, page, errors };
      people.set(who, opened);
      return opened;
    }

    const editor = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
    const badges = (page: Page) => page.getByRole('group', { name: T.approvalsOf, exact: true });

    /** Opens a tab of the side panel (showing the panel first if it was hidden). */
    async function panelTab(page: Page, tab: keyof typeof T.tab): Promise<void> {
      if ((await page.getByRole('tablist').count()) === 0) await page.getByRole('button', { name: T.showPanel }).click();
      await page.getByRole('tab', { name: T.tab[tab], exact: true }).click();
    }

    /** The delegate approves Article 3 for their Participant from its badges, acknowledging the unconfirmed concordance. */
    async function approveArticle3(page: Page): Promise<void> {
      await badges(page).getByRole('button', { name: T.approve, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: T.approveDialog });
      await dialog.waitFor();
      await expect(dialog.getByText(TYPED.us.trim()).isVisible()).resolves.toBe(true);
      await expect(dialog.getByText(TYPED.hn.trim()).isVisible()).resolves.toBe(true);
      const submit = dialog.getByRole('button', { name: T.approveAll, exact: true });
      expect(await submit.isDisabled()).toBe(true);
      await dialog.getByLabel(T.acknowledge).check();
      await submit.click();
      await dialog.waitFor({ state: 'detached' });
    }

    /** Waits until Article 3 shows `count` badges whose accessible name matches `status`. */
    async function waitForBadges(page: Page, status: RegExp, count: number): Promise<void> {
      await badges(page)
        .getByRole('button', { name: status })
        .nth(count - 1)
        .waitFor();
      expect(await badges(page).getByRole('button', { name: status }).count()).toBe(count);
    }

    /** Every control of Article 3's gutter lies in the clause column, none over the English text beside it. */
    async function expectGutterInItsColumn(page: Page): Promise<void> {
      const text = await editor(page, enText).locator('xpath=..').boundingBox();
      const controls = await badges(page).getByRole('button').all();
      expect(controls.length).toBe(7); // four Participants, the concordance, Approve, Revoke approval
      const over: string[] = [];
      for (const control of controls) {
        const box = await control.boundingBox();
        if (!box || !text || box.x + box.width > text.x)
          over.push(`${await control.textContent()} (right edge ${box && box.x + box.width}, text from ${text?.x})`);
      }
      expect(over).toEqual([]);
    }

    beforeAll(async () => {
      d = await demo(stage.server);
      clauseId = clauseIdFromKey(d.documentId, 'trafficking-operations');
      expect(d.clauseIds).toContain(clauseId);
    }, 600_000);

    it('1. the secretariat signs in and opens the Memorandum', async () => {
      const { page } = await open('secretariat');
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await page.getByRole('heading', { level: 1, name: T.memorandum }).waitFor();
      expect(await editorText(page, enText)).toContain('The Participants intend to expand operations');
      expect(await editorText(page, esText)).toContain('Los Participantes tienen la intención de ampliar las operaciones');
      await editor(page, enText).scrollIntoViewIfNeeded();
      await screenshot(page, 'journey-workspace', lang);
    }, 300_000);

    it("2. the U.S. and Honduran delegates type into Article 3, one in English and one in Spanish, and each sees the other's text and caret", async () => {
      const [us, hn] = await Promise.all([open('US'), open('HN')]);
      await Promise.all([typeAtEnd(us.page, enText, TYPED.us), typeAtEnd(hn.page, esText, TYPED.hn)]);

      await waitForText(hn.page, enText, TYPED.us.trim(), LIVE_WAIT);
      await waitForText(us.page, esText, TYPED.hn.trim(), LIVE_WAIT);
      await waitForText(person('secretariat').page, enText, TYPED.us.trim(), LIVE_WAIT);
      await waitForText(person('secretariat').page, esText, TYPED.hn.trim(), LIVE_WAIT);
      // Each typed only in their own language: the two texts did not mix.
      expect(await editorText(us.page, enText)).not.toContain(TYPED.hn.trim());
      expect(await editorText(hn.page, esText)).not.toContain(TYPED.us.trim());
      await editor(us.page, esText).locator('.remote-caret-label', { hasText: NAMES.HN }).waitFor();
      await editor(hn.page, enText).locator('.remote-caret-label', { hasText: NAMES.US }).waitFor();
      await screenshot(us.page, 'journey-two-delegates', lang);
    }, 300_000);

    it('3. the Honduran legal reviewer comments on words he selected; the thread reaches the others; he cannot change the text', async () => {
      const legal = await open('legal');
      await legal.page.getByText(T.readOnly, { exact: true }).waitFor();
      const spanish = editor(legal.page, esText);
      await waitForText(legal.page, esText, TYPED.hn.trim(), LIVE_WAIT);
      await expect(spanish.getAttribute('aria-readonly')).resolves.toBe('true');

      await selectWithMouse(legal.page, spanish, QUOTED);
      await legal.page.keyboard.press('Control+Alt+m');
      const form = legal.page.getByRole('region', { name: T.newComment, exact: true });
      await form.locator('.comment-quote', { hasText: QUOTED }).waitFor();
      await form.getByRole('combobox', { name: T.newComment, exact: true }).fill(COMMENT);
      await form.getByRole('button', { name: T.submitComment, exact: true }).click();
      const sidebar = legal.page.getByRole('complementary', { name: T.commentsOn, exact: true });
      await sidebar.locator('.comment-body', { hasText: COMMENT }).waitFor();
      await spanish.locator('.comment-range', { hasText: QUOTED }).waitFor();
      await screenshot(legal.page, 'journey-comment', lang);

      // The others see it at once: the count in the gutter, the highlighted words, the thread itself.
      for (const who of ['secretariat', 'US', 'HN'] as const) {
        const { page } = person(who);
        await page.getByRole('button', { name: T.openThreads, exact: true }).waitFor();
        await editor(page, esText).locator('.comment-range', { hasText: QUOTED }).waitFor();
      }
      const us = person('US').page;
      await us.getByRole('button', { name: T.openThreads, exact: true }).click();
      const usSidebar = us.getByRole('complementary', { name: T.commentsOn, exact: true });
      await usSidebar.locator('.comment-body', { hasText: COMMENT }).waitFor();
      await expect(usSidebar.locator('.comment-quote').first().textContent()).resolves.toBe(QUOTED);

      // Typing into the text changes nothing, here or on the server.
      const before = await editorText(legal.page, esText);
      await expect(spanish.getAttribute('contenteditable')).resolves.toBe('false');
      await spanish.click();
      await legal.page.keyboard.press('Control+End');
      await legal.page.keyboard.type(TYPED.legal);
      await legal.page.waitForTimeout(500);
      expect(await editorText(legal.page, esText)).toBe(before);
      expect(await currentPlainText(stage.server, d.documentId, clauseId, 'es')).not.toContain(TYPED.legal.trim());
      expect(await editorText(person('HN').page, esText)).not.toContain(TYPED.legal.trim());
    }, 300_000);

    it('4. the four Participants approve Article 3; an edit turns every approval "changed since approval", and they approve again', async () => {
      await Promise.all([open('SV'), open('GT')]);
      for (const who of ['US', 'SV', 'GT', 'HN'] as const) await approveArticle3(person(who).page);
      for (const who of ['secretariat', 'US', 'SV', 'GT', 'HN', 'legal'] as const) await waitForBadges(person(who).page, T.approved, 4);
      await badges(person('secretariat').page).scrollIntoViewIfNeeded();
      await screenshot(person('secretariat').page, 'journey-approved', lang);

      // The U.S. delegate adds a sentence: asked first (the clause is approved), they edit anyway, and
      // the text the four approved is no longer the text.
      const usPage = person('US').page;
      await typeAtEnd(usPage, enText, TYPED.amendment.slice(0, 1));
      await usPage.getByRole('button', { name: T.editAnyway, exact: true }).click();
      await usPage.keyboard.type(TYPED.amendment.slice(1), { delay: 5 });
      for (const who of ['secretariat', 'US', 'SV', 'GT', 'HN', 'legal'] as const) await waitForBadges(person(who).page, T.outdated, 4);
      await badges(person('HN').page).scrollIntoViewIfNeeded();
      await screenshot(person('HN').page, 'journey-outdated', lang);
      // Each delegate now has Approve and Revoke approval beside the badges, in a column of its own.
      for (const who of ['US', 'SV', 'GT', 'HN'] as const) await expectGutterInItsColumn(person(who).page);

      for (const who of ['US', 'SV', 'GT', 'HN'] as const) {
        await waitForText(person(who).page, enText, TYPED.amendment.trim(), LIVE_WAIT);
        await approveArticle3(person(who).page);
      }
      for (const who of ['secretariat', 'US', 'SV', 'GT', 'HN', 'legal'] as const) await waitForBadges(person(who).page, T.approved, 4);
    }, 600_000);

    it('5. the secretariat confirms that the English and Spanish texts of Article 3 agree', async () => {
      const { page } = person('secretariat');
      await badges(page).getByRole('button', { name: T.concordance }).click();
      // The texts side by side at once, and one click confirms (the dialog closes itself).
      const dialog = page.getByRole('dialog', { name: T.concordanceOf, exact: true });
      await dialog.getByText(TYPED.amendment.trim()).waitFor();
      await dialog.getByRole('button', { name: T.confirmConcordance, exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      for (const who of ['secretariat', 'US', 'SV', 'GT', 'HN', 'legal'] as const) {
        await badges(person(who).page).getByRole('button', { name: T.concordant }).waitFor();
      }
      // Confirming changes no text: the approvals still hold.
      await waitForBadges(page, T.approved, 4);
    }, 300_000);

    it('6. the secretariat freezes the text once every other clause is approved and confirmed too', async () => {
      const { page } = person('secretariat');
      await panelTab(page, 'versions');
      const panel = page.getByRole('region', { name: T.freezePanel, exact: true });
      await panel.getByText(T.notReady).waitFor();
      const blockers = await panel.getByRole('listitem').allTextContents();
      expect(blockers.length).toBeGreaterThan(0);
      // Article 3 is done; what remains is the rest of the text.
      expect(blockers.filter((text) => text.startsWith(`${T.article3}:`))).toEqual([]);
      expect(await panel.getByRole('button', { name: T.freeze, exact: true }).isDisabled()).toBe(true);

      const signature = page.getByRole('form', { name: T.signature, exact: true });
      await signature.getByLabel(T.place('en'), { exact: true }).fill('San Salvador');
      await signature.getByLabel(T.place('es'), { exact: true }).fill('San Salvador');
      await signature.getByLabel(T.date, { exact: true }).fill('2026-03-01');
      await signature.getByRole('button', { name: T.saveSignature, exact: true }).click();
      await page.getByText(T.signatureSaved, { exact: true }).waitFor({ state: 'attached' });

      // The other clauses, approved and confirmed as each delegate and the secretariat would, through the API.
      const world = await demoWorld(stage.server);
      const skip = new Set([`${clauseId}:concordance`, ...Object.keys(DELEGATES).map((code) => `${clauseId}:${code}`)]);
      await approveEverything(world, skip);

      await panel.getByText(T.ready, { exact: true }).waitFor({ timeout: 2 * LIVE_WAIT });
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'journey-freeze-ready', lang);
      for (const { page: open } of people.values())
        await open.evaluate(() => {
          (window as unknown as { __sameLoad?: boolean }).__sameLoad = true;
        });
      await panel.getByRole('button', { name: T.freeze, exact: true }).click();
      await panel.getByRole('button', { name: T.confirmFreeze, exact: true }).click();
      await page.locator('.status-chip', { hasText: T.frozenChip }).waitFor();
    }, 600_000);

    it('7. every open workspace turns read-only, without a reload, and links the signed version', async () => {
      for (const { page } of people.values()) {
        await page.getByRole('status').filter({ hasText: T.frozenBanner }).getByRole('link', { name: T.signedLink, exact: true }).waitFor();
        for (const name of [enText, esText]) {
          await editor(page, name).and(page.locator('[aria-readonly="true"]')).waitFor();
          await expect(editor(page, name).getAttribute('contenteditable')).resolves.toBe('false');
        }
        await page.getByText(T.readOnly, { exact: true }).waitFor();
        await expect(badges(page).getByRole('button', { name: T.approve, exact: true }).count()).resolves.toBe(0);
        expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
      }
      // The approval matrix, opened after the freeze on a page that was open before it, knows it too.
      const legal = person('legal').page;
      await panelTab(legal, 'approvals');
      await legal.getByRole('status').filter({ hasText: T.matrixReady }).waitFor();

      const us = person('US').page;
      const before = await editorText(us, enText);
      await editor(us, enText).click();
      await us.keyboard.press('Control+End');
      await us.keyboard.type(' after the freeze');
      await us.waitForTimeout(500);
      expect(await editorText(us, enText)).toBe(before);
      await screenshot(person('GT').page, 'journey-frozen', lang);
    }, 300_000);

    it('8. the signed PDF downloads from the signed version page and the verification page calls it genuine', async () => {
      const { page } = person('secretariat');
      await page.getByRole('link', { name: T.signedLink, exact: true }).click();
      await page.getByRole('heading', { name: T.signedTitle, exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/documents/${d.documentId}/signed`);
      const fingerprint = (await page.locator('.signed-fingerprint').textContent()) ?? '';
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF', exact: true }).click()]);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-journey-')), download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      await screenshot(page, 'journey-signed', lang);

      await page.getByRole('button', { name: T.checkFileLink, exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/verify');
      await page.getByLabel(T.fileToCheck, { exact: true }).setInputFiles(file);
      await page.getByRole('button', { name: T.check, exact: true }).click();
      await page.getByText(T.genuine).waitFor();
      await expect(page.getByText(fingerprint).first().isVisible()).resolves.toBe(true);
      await screenshot(page, 'journey-verified', lang);

      // Nobody's page logged an error or got a failed response, from signing in to the end.
      for (const { who, errors } of people.values()) expect({ who, errors }).toEqual({ who, errors: [] });
    }, 300_000);
  });
}
