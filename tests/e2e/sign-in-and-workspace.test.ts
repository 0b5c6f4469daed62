import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { editorText, openFirstNegotiation, signIn, typeAtEnd, waitForText } from './support/workspace-page';

const US = 'us.delegate@demo.test';
const HN = 'hn.delegate@demo.test';
const HN_LEGAL = 'hn.legal@demo.test';

describeBrowser('signing in and working in the bilingual workspace', () => {
  const stage = browserStage();

  it('lets a delegate sign in, open the demo negotiation and read every clause in English and Spanish side by side', async () => {
    const us = await signIn(stage.browser, stage.server.url, US, 'en-US');
    const errors = collectPageErrors(us.page);
    await us.page.getByRole('heading', { name: 'My negotiations' }).waitFor();
    await us.page.getByRole('link', { name: /Memorandum of Cooperation/ }).waitFor();
    await expect(us.page.locator('.document-card').getByText('Delegate').isVisible()).resolves.toBe(true);
    await screenshot(us.page, 'negotiations', 'en');

    await openFirstNegotiation(us.page);
    expect(await us.page.locator('.clause-row').count()).toBeGreaterThan(10);
    await expect(us.page.locator('.column-header').allTextContents()).resolves.toEqual(['Clause', 'English', 'Spanish']);
    expect(await editorText(us.page, 'Article 1, English text')).toContain('The purpose of this Memorandum of Cooperation');
    expect(await editorText(us.page, 'Article 1, Spanish text')).toContain('El presente Memorando de Cooperación');
    // The two texts of a clause sit in one grid row: same top, same height.
    const [en, es] = await Promise.all(
      ['English', 'Spanish'].map((lang) =>
        us.page
          .getByRole('textbox', { name: `Article 1, ${lang} text`, exact: true })
          .locator('xpath=..')
          .boundingBox(),
      ),
    );
    expect(en && es && Math.abs(en.y - es.y) < 1 && Math.abs(en.height - es.height) < 1).toBe(true);
    await expect(us.page.getByText('Delegate · US').isVisible()).resolves.toBe(true);
    await screenshot(us.page, 'workspace', 'en');
    expect(errors).toEqual([]);
    await us.context.close();
  });

  it('switches the workspace to Spanish in one click and saves the choice to the account', async () => {
    const us = await signIn(stage.browser, stage.server.url, US, 'en-US');
    await openFirstNegotiation(us.page);
    await us.page.getByRole('button', { name: 'Español' }).click();
    await us.page.getByRole('textbox', { name: 'Artículo 1, texto en inglés', exact: true }).waitFor();
    await expect(us.page.locator('.column-header').allTextContents()).resolves.toEqual(['Cláusula', 'Inglés', 'Español']);
    expect(await us.page.getAttribute('html', 'lang')).toBe('es');
    await us.page.waitForFunction(async () => (await (await fetch('/api/me')).json()).user.uiLanguage === 'es');
    await screenshot(us.page, 'workspace', 'es');

    // Keyboard: the clause toolbar is one tab stop, arrows move in it, and focus is visible.
    await us.page.getByRole('textbox', { name: 'Artículo 1, texto en español', exact: true }).click();
    await us.page.keyboard.press('Shift+Tab');
    await us.page.keyboard.press('Shift+Tab');
    await expect(us.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Subir Artículo 1');
    await us.page.keyboard.press('ArrowRight');
    await expect(us.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('Bajar Artículo 1');
    const outline = await us.page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
    await screenshot(us.page, 'keyboard-focus', 'es');

    await us.page.getByRole('button', { name: 'English' }).click();
    await us.page.getByRole('textbox', { name: 'Article 1, English text', exact: true }).waitFor();
    await us.page.waitForFunction(async () => (await (await fetch('/api/me')).json()).user.uiLanguage === 'en');
    await us.context.close();
  });

  it("shows two delegates typing into the same clause each other's text, live, in the other language column", async () => {
    const us = await signIn(stage.browser, stage.server.url, US, 'en-US');
    // María Fernanda's saved preference is Spanish: it wins over the browser's English.
    const hn = await signIn(stage.browser, stage.server.url, HN, 'en-US');
    await hn.page.getByRole('heading', { name: 'Mis negociaciones' }).waitFor();
    expect(await hn.page.getAttribute('html', 'lang')).toBe('es');
    await Promise.all([openFirstNegotiation(us.page), openFirstNegotiation(hn.page)]);

    await typeAtEnd(us.page, 'Article 2, English text', ' The Participants shall report annually.');
    await typeAtEnd(hn.page, 'Artículo 2, texto en español', ' Los Participantes informarán anualmente.');

    await waitForText(hn.page, 'Artículo 2, texto en inglés', 'The Participants shall report annually.');
    await waitForText(us.page, 'Article 2, Spanish text', 'Los Participantes informarán anualmente.');
    // Each sees where the other is: a marker on the clause row and a named caret in the other's color.
    await us.page.locator('.remote-caret-label', { hasText: 'María Fernanda Zelaya' }).waitFor();
    await hn.page.locator('.remote-caret-label', { hasText: 'Michael Reyes' }).waitFor();
    // Rows far from the viewport unmount their editors a few seconds later; that must not clear anyone's caret.
    await hn.page.waitForTimeout(6_000);
    await us.page.locator('.remote-caret-label', { hasText: 'María Fernanda Zelaya' }).waitFor({ timeout: 1_000 });
    await hn.page.locator('.remote-caret-label', { hasText: 'Michael Reyes' }).waitFor({ timeout: 1_000 });
    await screenshot(us.page, 'two-delegates', 'en');
    await screenshot(hn.page, 'two-delegates', 'es');
    await Promise.all([us.context.close(), hn.context.close()]);
  });

  it('keeps the legal reviewer from typing: the texts are read-only for that role', async () => {
    const legal = await signIn(stage.browser, stage.server.url, HN_LEGAL, 'es-ES');
    await openFirstNegotiation(legal.page);
    await legal.page.getByText('Solo lectura').waitFor();
    const name = 'Artículo 1, texto en español';
    const editor = legal.page.getByRole('textbox', { name, exact: true });
    await expect(editor.getAttribute('aria-readonly')).resolves.toBe('true');
    await expect(editor.getAttribute('contenteditable')).resolves.toBe('false');
    const before = await editorText(legal.page, name);
    await editor.click();
    await legal.page.keyboard.press('Control+End');
    await legal.page.keyboard.type(' texto no autorizado');
    await legal.page.waitForTimeout(300);
    expect(await editorText(legal.page, name)).toBe(before);
    // No structure controls for a role that cannot change the structure.
    expect(await legal.page.locator('.row-actions').count()).toBe(0);
    await editor.scrollIntoViewIfNeeded();
    await screenshot(legal.page, 'legal-reviewer', 'es');
    await legal.context.close();
  });
});
