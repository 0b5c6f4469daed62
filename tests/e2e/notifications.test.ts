/**
 * Being told what concerns you: a delegate mentions another in a comment, and the other's bell shows
 * it at once — in Spanish for a Spanish-speaking delegate — with the notification grouped under its
 * negotiation, leading to the clause; marking it read clears the count; mail preferences are saved.
 */
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { signIn as signInBrowser, type Person as BrowserPerson } from './support/workspace-page';
import { AXE_CONTEXT, seriousViolations } from './support/axe';
import { DEMO_EMAILS, signIn as signInApi, type Person } from '../utils/people';
import { clauseItems } from '../../shared/src/yjs-layout';
import { numberClauses } from '../../shared/src/numbering';

describeBrowser('notifications', () => {
  const stage = browserStage();
  let gt: BrowserPerson;
  let us: Person;
  let documentId: string;
  let clauseId: string;
  let article: number;
  let errors: string[];
  let title: string;

  beforeAll(async () => {
    const pool = stage.server.concordia.db.pool;
    await pool.query(`UPDATE users SET ui_language = 'es' WHERE email = $1`, [DEMO_EMAILS.gt]);
    documentId = stage.server.concordia.demo!.documentId;
    // An article of the text, not a heading or the preamble: the notification names it "el artículo N".
    const items = clauseItems((await stage.server.concordia.collab.registry.open(documentId)).doc);
    clauseId = items.filter((item) => item.kind === 'clause')[2].id;
    article = numberClauses(items).get(clauseId)!.article!;
    const { rows } = await pool.query<{ title: { es: string } }>('SELECT title FROM documents WHERE id = $1', [documentId]);
    title = rows[0].title.es;
    us = await signInApi(stage.server, DEMO_EMAILS.us);
    gt = await signInBrowser(stage.browser, stage.server.url, DEMO_EMAILS.gt, 'es-ES', AXE_CONTEXT, 30_000);
    errors = collectPageErrors(gt.page);
  });
  afterAll(() => gt?.context.close());

  const bell = () => gt.page.locator('.app-header .bell-button');

  it('shows a mention on the other delegate’s bell as it happens, in Spanish', async () => {
    await bell().waitFor();
    expect(await bell().getAttribute('aria-label')).toBe('Notificaciones');
    expect(await gt.page.getByTestId('notification-count').count()).toBe(0);

    const gtName = (await gt.page.evaluate(async () => (await (await fetch('/api/me')).json()).user.displayName)) as string;
    const posted = await us.request('POST', `/api/documents/${documentId}/comments`, {
      clauseId,
      body: `@${gtName} ¿puede Guatemala revisar esta redacción?`,
      visibility: 'all',
    });
    expect(posted.status).toBe(201);

    await gt.page.getByRole('button', { name: 'Notificaciones, 1 sin leer' }).waitFor();
    expect(await gt.page.getByTestId('notification-count').textContent()).toBe('1');
  });

  it('lists it under its negotiation, readable by everyone, with a link to the clause', async () => {
    await bell().click();
    const panel = gt.page.getByRole('dialog', { name: 'Notificaciones' });
    await panel.waitFor();
    const group = panel.getByRole('region', { name: title });
    await group.waitFor();
    const link = group.getByRole('link', { name: new RegExp(`^Sin leer: ${us.displayName} le mencionó en el artículo ${article}`) });
    await link.waitFor();
    expect(await link.textContent()).toContain('¿puede Guatemala revisar esta redacción?');
    expect(await link.getAttribute('href')).toBe(`/documents/${documentId}/clauses/${clauseId}`);
    expect(await seriousViolations(gt.page, 'notifications panel (es)')).toEqual([]);
    await screenshot(gt.page, 'notifications-panel', 'es');
  });

  it('clears the count when it is marked read, and Escape gives the focus back to the bell', async () => {
    const panel = gt.page.getByRole('dialog', { name: 'Notificaciones' });
    await panel.getByRole('button', { name: 'Marcar como leída' }).click();
    await gt.page.getByRole('button', { name: 'Notificaciones', exact: true }).waitFor();
    expect(await gt.page.getByTestId('notification-count').count()).toBe(0);
    await panel.getByRole('button', { name: 'Marcar como leída' }).waitFor({ state: 'detached' });
    await gt.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await bell().evaluate((el) => el === document.activeElement)).toBe(true);
    // Read elsewhere too: the count stays clear after a reload.
    await gt.page.reload();
    await bell().waitFor();
    expect(await bell().getAttribute('aria-label')).toBe('Notificaciones');
  });

  it('opens the workspace at the clause from the notification', async () => {
    await bell().click();
    const panel = gt.page.getByRole('dialog', { name: 'Notificaciones' });
    await panel.getByRole('link', { name: new RegExp(`${us.displayName} le mencionó`) }).click();
    await gt.page.waitForURL(`${stage.server.url}/documents/${documentId}/clauses/${clauseId}`);
    await panel.waitFor({ state: 'detached' });
    await gt.page.locator(`.clause-row[data-clause-id="${clauseId}"]`).waitFor();
  });

  it('saves which kinds also come by mail', async () => {
    await bell().click();
    const panel = gt.page.getByRole('dialog', { name: 'Notificaciones' });
    await panel.getByRole('button', { name: 'Preferencias de correo' }).click();
    await gt.page.getByRole('dialog', { name: 'Preferencias de correo' }).waitFor();
    const mention = gt.page.getByRole('checkbox', { name: 'alguien me mencione en un comentario' });
    await mention.waitFor();
    expect(await mention.isChecked()).toBe(true);
    await gt.page.getByRole('checkbox', { name: 'alguien dé nombre a una versión' }).check();
    await mention.uncheck();
    await gt.page.getByRole('button', { name: 'Guardar' }).click();
    await gt.page.getByText('Sus preferencias de correo se guardaron.').waitFor();
    expect(await seriousViolations(gt.page, 'mail preferences (es)')).toEqual([]);
    const saved = (await gt.page.evaluate(async () => (await fetch('/api/notifications/preferences')).json())) as { mail: Record<string, boolean> };
    expect(saved.mail).toMatchObject({ mention: false, version_named: true });
    expect(errors).toEqual([]);
  });
});
