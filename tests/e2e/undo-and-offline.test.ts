import { browserStage, describeBrowser, screenshot } from '../utils/browser';
import { editorText, openFirstNegotiation, signIn, typeAtEnd, waitForText, type Person } from './support/workspace-page';

describeBrowser('undo and working offline', () => {
  const stage = browserStage();
  let us: Person;
  let gt: Person;

  beforeAll(async () => {
    us = await signIn(stage.browser, stage.server.url, 'us.delegate@demo.test', 'en-US');
    gt = await signIn(stage.browser, stage.server.url, 'gt.delegate@demo.test', 'es-ES');
    await Promise.all([openFirstNegotiation(us.page), openFirstNegotiation(gt.page)]);
  }, 180_000);

  it("undoes only the person's own typing, never a colleague's", async () => {
    await typeAtEnd(us.page, 'Article 5, English text', ' [US words]');
    await waitForText(gt.page, 'Artículo 5, texto en inglés', '[US words]');
    await typeAtEnd(gt.page, 'Artículo 5, texto en inglés', ' [GT words]');
    await waitForText(us.page, 'Article 5, English text', '[GT words]');

    await us.page.getByRole('textbox', { name: 'Article 5, English text', exact: true }).click();
    await us.page.keyboard.press('Control+z');
    await gt.page.waitForFunction(() => !document.querySelector('[aria-label="Artículo 5, texto en inglés"]')?.textContent?.includes('[US words]'));
    const text = await editorText(us.page, 'Article 5, English text');
    expect(text).toContain('[GT words]');
    expect(text).not.toContain('[US words]');

    await us.page.keyboard.press('Control+Shift+z');
    await waitForText(gt.page, 'Artículo 5, texto en inglés', '[US words]');
  });

  it('keeps typing while offline, says so, and delivers the edits on reconnection', async () => {
    await gt.context.setOffline(true);
    await gt.page.locator('.connection-offline').waitFor();
    expect(await gt.page.locator('.connection').textContent()).toBe('Sin conexión');
    await typeAtEnd(gt.page, 'Artículo 6, texto en español', ' [escrito sin conexión]');
    await screenshot(gt.page, 'offline', 'es');
    await us.page.waitForTimeout(1000);
    expect(await editorText(us.page, 'Article 6, Spanish text')).not.toContain('[escrito sin conexión]');

    await gt.context.setOffline(false);
    await waitForText(us.page, 'Article 6, Spanish text', '[escrito sin conexión]', 20_000);
    await gt.page.locator('.connection-connected').waitFor({ timeout: 20_000 });
  });
});
