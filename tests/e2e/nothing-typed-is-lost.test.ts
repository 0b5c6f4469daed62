/**
 * Issue 19, "Nothing typed is ever lost": what a delegate types while disconnected is kept in the
 * browser (y-indexeddb) through a closed tab and sent on the next open; the workspace says how many
 * changes are not yet saved, the browser asks before closing a tab that holds them, and the browser's
 * copies go with the session on sign-out.
 */
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { browserStage, describeBrowser, screenshot } from '../utils/browser';
import { editorText, openFirstNegotiation, signIn, typeAtEnd, waitForText, type Person } from './support/workspace-page';

const localCopies = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('concordia:')));

/** Closes the tab as a person would, and answers the browser's "leave the page?" question if it asks. */
async function closeTab(page: Page): Promise<string[]> {
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  const closed = new Promise((resolve) => page.once('close', resolve));
  await page.close({ runBeforeUnload: true });
  await closed;
  return asked;
}

/**
 * The collab connection of a browser profile through a switch: cut, the server is unreachable (the open
 * socket closes and every new one is refused). Chromium's offline emulation is no substitute here: it
 * holds a socket's frames and delivers them when the tab closes.
 */
async function collabSwitch(context: BrowserContext): Promise<{ cut(): Promise<void>; restore(): void }> {
  let up = true;
  const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  await context.routeWebSocket(/\/collab\//, (ws) => {
    if (!up) {
      void ws.close();
      return;
    }
    const pair = { page: ws, server: ws.connectToServer() };
    open.add(pair);
    ws.onClose(() => open.delete(pair));
  });
  return {
    async cut() {
      up = false;
      for (const pair of [...open]) {
        await pair.server.close();
        await pair.page.close();
      }
    },
    restore() {
      up = true;
    },
  };
}

describeBrowser('nothing typed is ever lost', () => {
  const stage = browserStage();
  let us: Person;
  let gt: Person;
  let documentPath: string;
  let gtNetwork: Awaited<ReturnType<typeof collabSwitch>>;

  beforeAll(async () => {
    us = await signIn(stage.browser, stage.server.url, 'us.delegate@demo.test', 'en-US');
    gt = await signIn(stage.browser, stage.server.url, 'gt.delegate@demo.test', 'es-ES');
    gtNetwork = await collabSwitch(gt.context);
    await Promise.all([openFirstNegotiation(us.page), openFirstNegotiation(gt.page)]);
    documentPath = new URL(gt.page.url()).pathname;
  }, 180_000);

  it('keeps text typed without a connection through a closed tab, says how much is unsaved, asks before closing, and sends it on the next open', async () => {
    await gtNetwork.cut();
    await gt.page.locator('.connection-reconnecting').waitFor();
    await typeAtEnd(gt.page, 'Artículo 7, texto en español', ' [guardado en el navegador]');
    const badge = gt.page.locator('.unsaved-badge');
    await badge.waitFor();
    // One word typed is one change, unless the machine was so slow that a second passed between two keys.
    expect(await badge.textContent()).toMatch(/^(1 cambio|[2-9] cambios) sin guardar todavía$/);
    await screenshot(gt.page, 'unsaved-offline', 'es');

    expect(await closeTab(gt.page)).toEqual(['beforeunload']);
    await us.page.waitForTimeout(1_000);
    expect(await editorText(us.page, 'Article 7, Spanish text')).not.toContain('[guardado en el navegador]');

    // The server is reachable again and the same browser opens the document: the kept change reaches everyone.
    gtNetwork.restore();
    gt.page = await gt.context.newPage();
    await gt.page.goto(`${stage.server.url}${documentPath}`);
    await waitForText(us.page, 'Article 7, Spanish text', '[guardado en el navegador]', 30_000);
    await gt.page.locator('.connection[data-unsaved="0"]').waitFor({ timeout: 30_000 });
    expect(await gt.page.locator('.unsaved-badge').count()).toBe(0);
    expect(await editorText(gt.page, 'Artículo 7, texto en español')).toContain('[guardado en el navegador]');
    // Saved: closing asks nothing.
    expect(await closeTab(gt.page)).toEqual([]);
  });

  it('counts changes while connected only until the server confirms them, in English too', async () => {
    await typeAtEnd(us.page, 'Article 8, English text', ' [confirmed]');
    await us.page.locator('.connection[data-unsaved="0"]').waitFor({ timeout: 30_000 });
    await us.context.setOffline(true);
    await us.page.locator('.connection-offline').waitFor();
    await typeAtEnd(us.page, 'Article 8, English text', ' one');
    await us.page.waitForTimeout(1_100);
    await typeAtEnd(us.page, 'Article 8, Spanish text', ' dos');
    const badge = us.page.locator('.unsaved-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toMatch(/^([2-9]|\d\d) changes not yet saved$/);
    await us.context.setOffline(false);
    await us.page.locator('.connection[data-unsaved="0"]').waitFor({ timeout: 30_000 });
    expect(await us.page.locator('.unsaved-badge').count()).toBe(0);
  });

  it('keeps a comment written while the server cannot be reached, shows it waiting, and sends it once when it answers again; approving waits, saying why', async () => {
    gt.page = await gt.context.newPage();
    await gt.page.goto(`${stage.server.url}${documentPath}`);
    await gt.page.locator('.connection-connected').waitFor();
    await gtNetwork.cut();
    await gt.context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await gt.page.locator('.connection-reconnecting').waitFor();

    await gt.page.getByRole('textbox', { name: 'Artículo 9, texto en español', exact: true }).click();
    await gt.page.getByRole('button', { name: 'Nuevo comentario sobre Artículo 9', exact: true }).click();
    const form = gt.page.getByRole('region', { name: 'Nuevo comentario sobre Artículo 9', exact: true });
    await form.getByRole('combobox', { name: 'Nuevo comentario sobre Artículo 9', exact: true }).fill('Escrito sin conexión: ¿plazo de 30 días?');
    await form.getByRole('button', { name: 'Comentar', exact: true }).click();
    const queued = () => gt.page.locator('.comment-queued', { hasText: 'Escrito sin conexión: ¿plazo de 30 días?' });
    await queued().locator('.comment-queued-state', { hasText: 'Pendiente de envío' }).waitFor();
    expect(await gt.page.locator('.comment-error').count()).toBe(0);
    await screenshot(gt.page, 'comment-waiting', 'es');

    // Approving needs the server's answer: the dialog says so and does not submit.
    const approve = gt.page
      .locator('.clause-row', { has: gt.page.getByRole('textbox', { name: 'Artículo 9, texto en español', exact: true }) })
      .getByRole('button', { name: 'Aprobar', exact: true });
    await approve.click();
    await gt.page.getByText('Sin conexión con el servidor: aprobar, revocar y confirmar necesitan su respuesta', { exact: false }).first().waitFor();
    expect(await gt.page.getByRole('button', { name: 'Aprobar todas las versiones', exact: true }).isDisabled()).toBe(true);
    await gt.page.keyboard.press('Escape');

    // The tab is closed before the server answers again: the comment waits in the browser.
    await closeTab(gt.page);
    await gt.context.unroute('**/api/**');
    gtNetwork.restore();
    gt.page = await gt.context.newPage();
    await gt.page.goto(`${stage.server.url}${documentPath}`);
    await gt.page.getByRole('textbox', { name: 'Artículo 9, texto en español', exact: true }).click();
    const sidebar = gt.page.getByRole('complementary', { name: 'Comentarios sobre Artículo 9', exact: true });
    await queued().waitFor({ state: 'detached', timeout: 30_000 });
    await sidebar.locator('.comment-body', { hasText: 'Escrito sin conexión: ¿plazo de 30 días?' }).waitFor();
    // Guatemala's colleague-in-negotiation sees it once.
    await us.page.getByRole('textbox', { name: 'Article 9, Spanish text', exact: true }).click();
    const usSidebar = us.page.getByRole('complementary', { name: 'Comments on Article 9', exact: true });
    await usSidebar.locator('.comment-body', { hasText: 'Escrito sin conexión: ¿plazo de 30 días?' }).waitFor({ timeout: 20_000 });
    expect(await usSidebar.locator('.comment-body', { hasText: 'Escrito sin conexión: ¿plazo de 30 días?' }).count()).toBe(1);
    await gt.page.close();
  });

  it("deletes the browser's copies of a person's documents when they sign out", async () => {
    const page = await gt.context.newPage();
    await page.goto(`${stage.server.url}${documentPath}`);
    await page.locator('.connection-connected').waitFor();
    expect((await localCopies(page)).length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.locator('#signin-email').waitFor();
    await page.waitForFunction(async () => (await indexedDB.databases()).every((db) => !db.name?.startsWith('concordia:')));
    expect(await localCopies(page)).toEqual([]);
  });

  it('keeps no copy in the browser of someone who only reads', async () => {
    const observer = await signIn(stage.browser, stage.server.url, 'observer@demo.test', 'en-US');
    await openFirstNegotiation(observer.page);
    expect(await localCopies(observer.page)).toEqual([]);
    await observer.context.close();
  });
});
