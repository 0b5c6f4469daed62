/**
 * Issue 19, as a delegate used to Word or Google Docs sees the demo Memorandum: a formatting toolbar on
 * the clause being edited (with its shortcuts, what applies, and what cannot be done and why), the
 * keyboard shortcuts dialog ("?"), a paste from Word that keeps its lists and tables readable, and
 * colleagues' name tags that no longer hide the line above their caret. In English and in Spanish.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { AXE_CONTEXT, seriousViolations } from './support/axe';
import { openFirstNegotiation, signIn, waitForText, type Person } from './support/workspace-page';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

function textbox(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

/** Puts the caret at the end of a clause text. */
async function caretAtEnd(page: Page, name: string): Promise<void> {
  const editor = textbox(page, name);
  await editor.scrollIntoViewIfNeeded();
  await editor.click();
  await page.keyboard.press('Control+End');
}

/** Puts the caret at the start of a clause text. */
async function caretAtStart(page: Page, name: string): Promise<void> {
  const editor = textbox(page, name);
  await editor.scrollIntoViewIfNeeded();
  await editor.click();
  await page.keyboard.press('Control+Home');
}

/** What Word puts on the clipboard, pasted where the caret is: a paste event carrying a DataTransfer. */
async function pasteHTML(page: Page, name: string, html: string): Promise<void> {
  await textbox(page, name).evaluate((element, markup) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', 'plain text that must not be used');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

describeBrowser('editing like a word processor', () => {
  const stage = browserStage();
  let us: Person;
  let gt: Person;
  const errors: string[][] = [];

  beforeAll(async () => {
    us = await signIn(stage.browser, stage.server.url, 'us.delegate@demo.test', 'en-US', AXE_CONTEXT);
    gt = await signIn(stage.browser, stage.server.url, 'gt.delegate@demo.test', 'es-ES', AXE_CONTEXT);
    errors.push(collectPageErrors(us.page), collectPageErrors(gt.page));
    await Promise.all([openFirstNegotiation(us.page), openFirstNegotiation(gt.page)]);
  }, 180_000);

  describe('the formatting toolbar', () => {
    it('formats the words selected in the focused clause, shows each shortcut and what applies (en)', async () => {
      const page = us.page;
      const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
      const bold = toolbar.getByRole('button', { name: 'Bold', exact: true });
      const italic = toolbar.getByRole('button', { name: 'Italic', exact: true });
      const bullets = toolbar.getByRole('button', { name: 'Bulleted list', exact: true });
      const numbers = toolbar.getByRole('button', { name: 'Numbered list', exact: true });
      expect(await bold.getAttribute('title')).toBe('Bold (Ctrl+B) — put the caret in a clause text first');
      expect(await bold.getAttribute('aria-keyshortcuts')).toBe('Control+B');
      expect(await toolbar.getByRole('button', { name: 'Underline', exact: true }).getAttribute('title')).toContain('(Ctrl+U)');
      expect(await bullets.getAttribute('title')).toContain('(Ctrl+Shift+8)');

      await caretAtStart(page, 'Article 2, English text');
      await page.keyboard.press('Shift+Control+ArrowRight');
      expect(await bold.getAttribute('title')).toBe('Bold (Ctrl+B)');
      expect(await bold.getAttribute('aria-pressed')).toBe('false');
      await bold.click();
      const editor = textbox(page, 'Article 2, English text');
      await editor.locator('strong', { hasText: 'The' }).waitFor();
      expect(await bold.getAttribute('aria-pressed')).toBe('true');
      // The caret stayed in the text: the shortcut works on the same words, and the toolbar follows it.
      await page.keyboard.press('Control+i');
      await editor.locator('em', { hasText: 'The' }).waitFor();
      expect(await italic.getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('End');
      await page.waitForFunction(() => document.querySelector('[aria-label="Bold"]')?.getAttribute('aria-pressed') === 'false');

      await bullets.click();
      await editor.locator('ul > li').waitFor();
      expect(await bullets.getAttribute('aria-pressed')).toBe('true');
      await numbers.click();
      await editor.locator('ol > li').waitFor();
      expect(await editor.locator('ul').count()).toBe(0);
      expect(await numbers.getAttribute('aria-pressed')).toBe('true');
      await numbers.click();
      await page.waitForFunction(() => !document.querySelector('[aria-label="Article 2, English text"] ol'));
      expect(await numbers.getAttribute('aria-pressed')).toBe('false');
      await screenshot(page, 'formatting-toolbar', 'en');
    });

    it('speaks Spanish, and in propose mode disables the lists saying why (es)', async () => {
      const page = gt.page;
      const toolbar = page.getByRole('toolbar', { name: 'Formato' });
      const bold = toolbar.getByRole('button', { name: 'Negrita', exact: true });
      const bullets = toolbar.getByRole('button', { name: 'Lista con viñetas', exact: true });
      await caretAtStart(page, 'Artículo 3, texto en español');
      expect(await bold.getAttribute('title')).toBe('Negrita (Ctrl+B)');
      expect(await bullets.getAttribute('aria-disabled')).toBeNull();

      // Propose mode has its shortcut, as Google Docs' suggesting mode does.
      await page.keyboard.press('Control+Alt+Shift+X');
      await page.waitForFunction(() => (document.querySelector('.propose-toggle input') as HTMLInputElement | null)?.checked === true);
      try {
        await page.waitForFunction(() => document.querySelector('[aria-label="Lista con viñetas"]')?.getAttribute('aria-disabled') === 'true');
        expect(await bullets.getAttribute('title')).toBe(
          'Lista con viñetas (Ctrl+Mayús+8) — una lista no se puede proponer: en el modo de propuesta solo cambian las palabras y su formato',
        );
        expect(await toolbar.getByRole('button', { name: 'Lista numerada', exact: true }).getAttribute('aria-disabled')).toBe('true');
        // Formatting can be proposed: bold stays available.
        expect(await bold.getAttribute('aria-disabled')).toBeNull();
        await bullets.click({ force: true });
        await page.waitForTimeout(300);
        expect(await textbox(page, 'Artículo 3, texto en español').locator('ul').count()).toBe(0);
        await screenshot(page, 'formatting-toolbar-propose-mode', 'es');
        expect(await seriousViolations(page, 'formatting toolbar in propose mode')).toEqual([]);
      } finally {
        await page.keyboard.press('Control+Alt+Shift+X');
        await page.waitForFunction(() => (document.querySelector('.propose-toggle input') as HTMLInputElement | null)?.checked === false);
      }
      await page.waitForFunction(() => document.querySelector('[aria-label="Lista con viñetas"]')?.getAttribute('aria-disabled') === null);
    });

    it('is disabled for someone who may not edit the text, saying why (en)', async () => {
      const observer = await signIn(stage.browser, stage.server.url, 'observer@demo.test', 'en-US');
      try {
        await openFirstNegotiation(observer.page);
        await textbox(observer.page, 'Article 6, English text').click();
        const bold = observer.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold', exact: true });
        expect(await bold.getAttribute('aria-disabled')).toBe('true');
        expect(await bold.getAttribute('title')).toBe('Bold (Ctrl+B) — you cannot edit this text');
        await bold.click({ force: true });
        expect(await textbox(observer.page, 'Article 6, English text').locator('strong').count()).toBe(0);
      } finally {
        await observer.context.close();
      }
    });
  });

  describe('the keyboard shortcuts dialog', () => {
    it('opens with "?" outside a text and lists every shortcut of the workspace (en)', async () => {
      const page = us.page;
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      const text = (await dialog.textContent()) ?? '';
      for (const expected of [
        'Bold',
        'Ctrl+B',
        'Ctrl+I',
        'Ctrl+U',
        'Ctrl+Shift+7',
        'Ctrl+Z',
        'Ctrl+Y',
        'Ctrl+Shift+Z',
        'Comment on the selected words',
        'Ctrl+Alt+M',
        'Ctrl+Alt+Shift+X',
        'Search the agreement',
        'Ctrl+F',
        'Go to an article',
        'Ctrl+G',
      ]) {
        expect(text).toContain(expected);
      }
      await screenshot(page, 'shortcuts-dialog', 'en');
      expect(await seriousViolations(page, 'shortcuts dialog')).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // In a text, "?" is a question mark.
      const editor = textbox(page, 'Article 3, English text');
      await editor.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('?');
      await editor.filter({ hasText: '?' }).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.keyboard.press('Backspace');

      await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });
    });

    it('lists them in Spanish (es)', async () => {
      const page = gt.page;
      await page.getByRole('toolbar', { name: 'Formato' }).getByRole('button', { name: 'Atajos de teclado' }).click();
      const dialog = page.getByRole('dialog', { name: 'Atajos de teclado' });
      await dialog.waitFor();
      const text = (await dialog.textContent()) ?? '';
      for (const expected of [
        'Negrita',
        'Comentar las palabras seleccionadas',
        'Ctrl+Alt+M',
        'Deshacer su último cambio',
        'Activar o desactivar el modo de propuesta',
        'Buscar en el acuerdo',
        'Ir a un artículo',
        'Ctrl+G',
      ]) {
        expect(text).toContain(expected);
      }
      await screenshot(page, 'shortcuts-dialog', 'es');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    });
  });

  describe('a paste from Word', () => {
    async function expectWordPasted(page: Page, name: string, texts: { bullets: string[]; nested: string; steps: string[]; cells: string[]; links: string[] }) {
      const editor = textbox(page, name);
      await editor.locator('ul').first().waitFor();
      const bullets = await editor.locator(':scope > ul > li > p').allTextContents();
      expect(bullets).toEqual(texts.bullets);
      expect(await editor.locator(':scope > ul > li > ul > li').allTextContents()).toEqual([texts.nested]);
      expect(await editor.locator(':scope > ul > li > p > strong').first().textContent()).toBe(texts.bullets[0].split(' ')[0]);
      const steps = editor.locator(':scope > ol');
      expect(await steps.getAttribute('start')).toBe('3');
      expect(await steps.locator('li').allTextContents()).toEqual(texts.steps);
      const paragraphs = await editor.locator(':scope > p').allTextContents();
      for (const cell of texts.cells) expect(paragraphs).toContain(cell);
      const all = (await editor.textContent()) ?? '';
      for (const link of texts.links) expect(all).toContain(link);
      expect(all).not.toMatch(/[·§]/);
      expect(all).not.toContain('plain text that must not be used');
      const html = await editor.innerHTML();
      expect(html).not.toContain('<a');
      expect(html).not.toContain('javascript:');
      expect(html).not.toContain('mso-');
    }

    it('keeps its lists as lists, its table as one paragraph per cell and its links as text (en)', async () => {
      await caretAtEnd(us.page, 'Article 4, English text');
      await pasteHTML(us.page, 'Article 4, English text', fixture('word-clipboard-en.html'));
      await expectWordPasted(us.page, 'Article 4, English text', {
        bullets: ['Border security;', 'Information sharing;', 'Training.'],
        nested: 'criminal records;',
        steps: ['Consult the Participants;', 'Report to the Secretariat.'],
        cells: ['Participant', 'Contact point', 'Guatemala', 'Ministry of Government'],
        links: ['the annex', 'the compact site'],
      });
      await waitForText(gt.page, 'Artículo 4, texto en inglés', 'Ministry of Government');
      await screenshot(us.page, 'paste-from-word', 'en');
    });

    it('does the same with a Spanish document (es)', async () => {
      await caretAtEnd(gt.page, 'Artículo 5, texto en español');
      await pasteHTML(gt.page, 'Artículo 5, texto en español', fixture('word-clipboard-es.html'));
      await expectWordPasted(gt.page, 'Artículo 5, texto en español', {
        bullets: ['Seguridad fronteriza;', 'Intercambio de información;', 'Capacitación.'],
        nested: 'antecedentes penales;',
        steps: ['Consultar a los Participantes;', 'Informar a la Secretaría.'],
        cells: ['Participante', 'Punto de contacto', 'Guatemala', 'Ministerio de Gobernación'],
        links: ['el anexo', 'el sitio del pacto'],
      });
      await waitForText(us.page, 'Article 5, Spanish text', 'Ministerio de Gobernación');
    });
  });

  describe("a colleague's caret", () => {
    /** The name tag of the caret someone else has in this text: whether it shows now. */
    async function tagShows(page: Page, name: string): Promise<boolean> {
      return textbox(page, name).evaluate((editor) => {
        const label = editor.querySelector('.remote-caret-label');
        return !!label && getComputedStyle(label).opacity === '1';
      });
    }

    async function expectTagFor(watcher: Page, mover: Page, watched: string, moved: string, who: string) {
      // Only a text near the viewport is a live editor with carets: the watcher looks at it.
      await textbox(watcher, watched).scrollIntoViewIfNeeded();
      await caretAtStart(mover, moved);
      await mover.keyboard.press('ArrowRight');
      const caret = textbox(watcher, watched).locator('.remote-caret');
      await caret.waitFor({ state: 'attached' });
      expect(await caret.locator('.remote-caret-label').textContent()).toContain(who);
      await watcher.waitForFunction((n) => {
        const label = document.querySelector(`[aria-label="${n}"] .remote-caret-label`);
        return !!label && getComputedStyle(label).opacity === '1';
      }, watched);
      const shownAt = Date.now();
      // Two seconds after the move the tag steps aside, so the line above can be read.
      await watcher.waitForFunction(
        (n) => {
          const label = document.querySelector(`[aria-label="${n}"] .remote-caret-label`);
          return !!label && getComputedStyle(label).opacity === '0';
        },
        watched,
        { timeout: 10_000 },
      );
      expect(Date.now() - shownAt).toBeGreaterThan(1_000);
      // On the caret, the mouse brings it back.
      await caret.hover();
      await watcher.waitForFunction((n) => {
        const label = document.querySelector(`[aria-label="${n}"] .remote-caret-label`);
        return !!label && getComputedStyle(label).opacity === '1';
      }, watched);
      await watcher.mouse.move(5, 5);
      await watcher.waitForFunction((n) => getComputedStyle(document.querySelector(`[aria-label="${n}"] .remote-caret-label`)!).opacity === '0', watched);
      // And its person moving again shows it again.
      await mover.keyboard.press('ArrowRight');
      await watcher.waitForFunction((n) => {
        const label = document.querySelector(`[aria-label="${n}"] .remote-caret-label`);
        return !!label && getComputedStyle(label).opacity === '1';
      }, watched);
      expect(await tagShows(watcher, watched)).toBe(true);
    }

    it('shows the name of a Guatemalan colleague for two seconds after they move, then on hover (en)', async () => {
      await expectTagFor(us.page, gt.page, 'Article 9, English text', 'Artículo 9, texto en inglés', '(GT)');
    });

    it('shows the name of a United States colleague the same way (es)', async () => {
      await expectTagFor(gt.page, us.page, 'Artículo 10, texto en español', 'Article 10, Spanish text', '(US)');
    });
  });

  it('meets no error in any page along the way', () => {
    expect(errors.flat()).toEqual([]);
  });
});
