/**
 * Single sign-on in the browser (issue 21), in Spanish: an administrator registers the Guatemalan
 * ministry's provider on the Administration page; the Guatemalan delegate types their address, is
 * offered "Iniciar sesión con el Ministerio…", goes through the provider (a real oidc-provider) and
 * arrives signed in; signing out sends the browser on to the provider's end_session_endpoint. A refused
 * sign-in comes back to the sign-in page with its reason in Spanish; a disabled provider is no longer offered.
 */
import type { Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { startTestProvider, type TestProvider } from '../utils/oidc-test-provider';
import { insertUser } from '../integration/identity/support/world';
import { startSession } from '../../server/src/auth/sessions';
import { resources } from '../../shared/locales';
import { AXE_CONTEXT, seriousViolations } from './support/axe';

const KEY = 'c5'.repeat(32);
const GT = 'gt.delegate@demo.test';
const HN = 'hn.delegate@demo.test';
const BUTTON = 'Iniciar sesión con el Ministerio de Relaciones Exteriores de Guatemala';

/** axe's serious violations on a screen (the header included: its two lines fit since the Security link sits beside the name). */
const violations = (page: Page, screen: string) => seriousViolations(page, screen);

describeBrowser('single sign-on', () => {
  const stage = browserStage({ DEMO: '1', IDENTITY_SECRET_KEY: KEY });
  let idp: TestProvider;
  let adminPage: Page;
  let errors: string[];

  beforeAll(async () => {
    idp = await startTestProvider([
      {
        client_id: 'concordia',
        client_secret: 'browser-test-client-secret',
        redirect_uris: [`${stage.server.url}/api/auth/sso/callback`],
        post_logout_redirect_uris: [`${stage.server.url}/signin`],
      },
    ]);
    await idp.account(GT, { sub: 'minex-gt-delegate', email_verified: true });
    await idp.account(HN, { sub: 'minex-hn-delegate', email_verified: false });
    const pool = stage.server.concordia.db.pool;
    const adminId = await insertUser(pool, 'admin@browser.test', { admin: true, lang: 'es', name: 'Administración' });
    const session = await startSession(pool, adminId, stage.server.concordia.env);
    const context = await stage.browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 }, ...AXE_CONTEXT });
    await context.addCookies([{ name: 'concordia_session', value: session.token, url: stage.server.url }]);
    adminPage = await context.newPage();
    errors = collectPageErrors(adminPage);
  }, 180_000);
  afterAll(async () => {
    await adminPage?.context().close();
    await idp?.stop();
  });

  it('lets an administrator register the ministry’s provider on the Administration page', async () => {
    const page = adminPage;
    await page.goto(`${stage.server.url}/`);
    await page.getByRole('link', { name: 'Administración', exact: true }).click();
    await page.getByRole('heading', { name: 'Proveedores de identidad' }).waitFor();
    await page.getByRole('button', { name: 'Agregar un proveedor' }).click();
    await page.getByLabel('Nombre en el botón, en inglés').fill('the Ministry of Foreign Affairs of Guatemala');
    await page.getByLabel('Nombre en el botón, en español').fill('el Ministerio de Relaciones Exteriores de Guatemala');
    await page.getByLabel('Dirección del emisor').fill(idp.issuer);
    await page.getByLabel('ID de cliente').fill('concordia');
    await page.getByLabel('Secreto de cliente').fill('browser-test-client-secret');
    await page.getByLabel('Dominios de correo que avala').fill('demo.test');
    await page.getByLabel('Código del Participante (opcional)').fill('GT');
    expect(await violations(page, 'identity provider form (es)')).toEqual([]);
    await page.getByRole('button', { name: 'Agregar un proveedor' }).last().click();
    await page.locator('.data-table').getByText('el Ministerio de Relaciones Exteriores de Guatemala').waitFor();
    await screenshot(page, 'identity-providers', 'es');
    expect(await violations(page, 'identity providers (es)')).toEqual([]);
    expect(await page.content()).not.toContain('browser-test-client-secret');
  });

  it('offers the ministry for the address typed, and signs the delegate in through it', async () => {
    const context = await stage.browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 }, ...AXE_CONTEXT });
    const page = await context.newPage();
    await page.goto(`${stage.server.url}/signin`);
    await page.locator('#signin-email').fill(GT);
    await page.getByRole('link', { name: BUTTON }).waitFor();
    await screenshot(page, 'single-sign-on-offered', 'es');
    expect(await violations(page, 'sign-in with a provider (es)')).toEqual([]);
    await page.getByRole('link', { name: BUTTON }).click();
    await page.locator('.document-list').waitFor();
    // Signed in: the page reloads what it shows without a refusal (GET /api/me answered 401 only before).
    const pageErrors = collectPageErrors(page);
    await page.reload();
    await page.locator('.document-list').waitFor();
    expect(pageErrors).toEqual([]);

    // Signing out goes on to the provider's end_session_endpoint (its own page asks to confirm).
    await page.getByRole('button', { name: 'Cerrar sesión' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${idp.issuer}/session/end`));
    await context.close();
  });

  it('comes back to the sign-in page with the reason in Spanish when the provider has not verified the address', async () => {
    const context = await stage.browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${stage.server.url}/signin`);
    await page.locator('#signin-email').fill(HN);
    await page.getByRole('link', { name: BUTTON }).click();
    await page.waitForURL(/\/signin\?sso_error=sso_email_unverified$/);
    await page.getByRole('alert').getByText(resources.es.errors.sso_email_unverified).waitFor();
    await screenshot(page, 'single-sign-on-refused', 'es');
    await context.close();
  });

  it('no longer offers a provider once the administrator disables it', async () => {
    await adminPage.getByRole('button', { name: 'Desactivar' }).click();
    await adminPage.locator('.data-table').getByText('Desactivado').waitFor();
    const context = await stage.browser.newContext({ locale: 'es-ES' });
    const page = await context.newPage();
    await page.goto(`${stage.server.url}/signin`);
    await page.locator('#signin-email').fill(GT);
    await page.waitForTimeout(800);
    await expect(page.getByRole('link', { name: BUTTON }).count()).resolves.toBe(0);
    await context.close();
    expect(errors).toEqual([]);
  });
});
