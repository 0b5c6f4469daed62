/**
 * A second factor in the browser (issue 21): a passkey added in the "Second factor" section with a
 * virtual authenticator (Chromium's WebAuthn domain, through Playwright's CDP session), then signing in
 * with password and passkey; and an authenticator app set up and used in Spanish with computed codes.
 */
import { authenticator } from 'otplib';
import type { Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';

const US = 'us.delegate@demo.test';
const HN = 'hn.delegate@demo.test';

describeBrowser('a second factor after the password', () => {
  const stage = browserStage();
  // WebAuthn needs a domain for its relying party: localhost, not 127.0.0.1.
  const base = () => stage.server.url.replace('127.0.0.1', 'localhost');
  const pool = () => stage.server.concordia.db.pool;

  async function passwordStep(page: Page, email: string) {
    await page.goto(`${base()}/signin`);
    await page.locator('#signin-email').fill(email);
    await page.locator('#signin-password').fill('demo');
    await page.locator('form button[type="submit"]').click();
  }

  it('adds a passkey in the settings, signs out, and signs in with password and passkey', async () => {
    const context = await stage.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
    });

    await passwordStep(page, US);
    await page.locator('.document-list').waitFor();
    // The section lives on the Security page, reached from the person's menu.
    await page.getByRole('link', { name: 'Security', exact: true }).click();
    await page.getByRole('heading', { name: 'Second factor', level: 2 }).waitFor();
    await page.getByText('Off: your password alone signs you in.').waitFor();
    await page.getByLabel('Name for this passkey (optional)').fill('Test laptop');
    await page.getByRole('button', { name: 'Add a passkey or security key' }).click();
    await page.getByText('On: signing in asks for a second factor after your password.').waitFor();
    await expect(page.locator('.recovery-code-list li').count()).resolves.toBe(10);
    await page.locator('.passkey-list').getByText('Test laptop', { exact: true }).waitFor();
    await screenshot(page, 'second-factor-passkey-added', 'en');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    const { rows: stored } = await pool().query(
      `SELECT w.counter::int AS counter, w.last_used_at FROM webauthn_credentials w JOIN users u ON u.id = w.user_id WHERE u.email = $1`,
      [US],
    );
    expect(stored).toEqual([{ counter: expect.any(Number), last_used_at: null }]);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.locator('#signin-email').waitFor();
    await passwordStep(page, US);
    await page.getByRole('heading', { name: 'Confirm it is you' }).waitFor();
    await screenshot(page, 'second-factor-step', 'en');
    // No session yet: the password alone opened none.
    await expect(page.evaluate(async () => (await fetch('/api/me')).status)).resolves.toBe(401);
    await page.getByRole('button', { name: 'Use your passkey or security key' }).click();
    await page.locator('.document-list').waitFor();
    await expect(page.evaluate(async () => (await (await fetch('/api/me')).json()).user.email)).resolves.toBe(US);
    const { rows: used } = await pool().query(
      `SELECT w.counter::int AS counter, w.last_used_at FROM webauthn_credentials w JOIN users u ON u.id = w.user_id WHERE u.email = $1`,
      [US],
    );
    expect(used[0].last_used_at).not.toBeNull();
    expect(used[0].counter).toBeGreaterThan(stored[0].counter);
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });

  it('lets the secretariat require a second factor, and tells a delegate without one what to do', async () => {
    const secret = authenticator.generateSecret(20);
    await pool().query(`INSERT INTO totp_factors (user_id, secret_sealed, confirmed_at) SELECT id, $2, now() FROM users WHERE email = $1`, [
      'secretariat@demo.test',
      `plain:${secret}`,
    ]);
    // The demo negotiation: the secretariat and the Guatemalan delegate are both members.
    const { rows } = await pool().query<{ id: string }>(
      `SELECT m.document_id AS id FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE u.email = 'gt.delegate@demo.test' AND m.document_id IN (SELECT document_id FROM memberships s JOIN users su ON su.id = s.user_id WHERE su.email = 'secretariat@demo.test')
        LIMIT 1`,
    );
    const context = await stage.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await passwordStep(page, 'secretariat@demo.test');
    await page.getByLabel('Code from your authenticator app').fill(authenticator.generate(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.locator('.document-list').waitFor();
    await page.goto(`${base()}/documents/${rows[0].id}/members`);
    const requirement = page.getByRole('checkbox', { name: 'Require a second factor of every member' });
    await requirement.click(); // checked once the server has saved it
    await page.getByText('Saved.').waitFor();
    await expect(requirement.isChecked()).resolves.toBe(true);
    await screenshot(page, 'second-factor-requirement', 'en');
    await context.close();

    const gt = await stage.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const gtPage = await gt.newPage();
    await passwordStep(gtPage, 'gt.delegate@demo.test');
    await gtPage.locator('.document-list').waitFor();
    await gtPage.goto(`${base()}/documents/${rows[0].id}`);
    await gtPage.getByRole('alert').waitFor();
    // José Ixcot (Guatemala) chose Spanish: the refusal says what to do, in his language.
    await expect(gtPage.getByRole('alert').textContent()).resolves.toContain('Esta negociación exige un segundo factor.');
    await screenshot(gtPage, 'second-factor-required', 'es');
    await gt.close();
    await pool().query('UPDATE documents SET require_second_factor = false');
  });

  it('sets up an authenticator app in Spanish and signs in with a computed code; a used code is refused', async () => {
    const context = await stage.browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await passwordStep(page, HN);
    await page.locator('.document-list').waitFor();
    await page.getByRole('link', { name: 'Seguridad', exact: true }).click();
    await page.getByRole('heading', { name: 'Segundo factor', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Configurar una aplicación de autenticación' }).click();
    const secret = (await page.locator('.totp-secret').getAttribute('aria-label')) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(page.getByRole('link', { name: 'Abrir en una aplicación de autenticación de este dispositivo' }).getAttribute('href')).resolves.toMatch(
      /^otpauth:\/\/totp\/Concordia:/,
    );
    const firstCode = authenticator.generate(secret);
    await page.getByLabel('Ingrese el código de seis dígitos que muestra ahora la aplicación, para confirmar').fill(firstCode);
    await page.getByRole('button', { name: 'Confirmar y activar' }).click();
    await page.getByText('Activado: al iniciar sesión se le pide un segundo factor después de la contraseña.').waitFor();
    await expect(page.locator('.recovery-code-list li').count()).resolves.toBe(10);
    await screenshot(page, 'second-factor-totp', 'es');
    await page.getByRole('button', { name: 'Ya los guardé' }).click();

    await page.getByRole('button', { name: 'Cerrar sesión', exact: true }).click();
    await page.locator('#signin-email').waitFor();
    await passwordStep(page, HN);
    await page.getByRole('heading', { name: 'Confirme que es usted' }).waitFor();
    // The code that confirmed the app is used: refused, in Spanish.
    const { rows } = await pool().query<{ step: string }>(
      `SELECT t.last_step::text AS step FROM totp_factors t JOIN users u ON u.id = t.user_id WHERE u.email = $1`,
      [HN],
    );
    const used = authenticator.clone({ epoch: Number(rows[0].step) * 30_000 + 1_000 }).generate(secret);
    await page.getByLabel('Código de su aplicación de autenticación').fill(used);
    await page.getByRole('button', { name: 'Verificar' }).click();
    await page.getByRole('alert').getByText('Este código ya se utilizó').waitFor();
    const next = authenticator.clone({ epoch: (Number(rows[0].step) + 1) * 30_000 + 1_000 }).generate(secret);
    await page.getByLabel('Código de su aplicación de autenticación').fill(next);
    await page.getByRole('button', { name: 'Verificar' }).click();
    await page.locator('.document-list').waitFor();
    await page.getByRole('heading', { name: 'Mis negociaciones' }).waitFor();
    await context.close();
  });
});
