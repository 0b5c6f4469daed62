/**
 * The Security page (issue 21), in Spanish: a person signed in from two browsers sees both sessions,
 * signs out everywhere else (the other browser is sent to sign in), is told as they type that a
 * common password will not do, changes the password, and finds it all in the account's recent activity.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';
import { signIn } from './support/workspace-page';
import { requestAs } from '../utils/people';
import { AXE_CONTEXT, seriousViolations } from './support/axe';

const EMAIL = 'hn.legal@demo.test';
const OTHER_BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1';
const NEW_PASSWORD = 'huerto linterna terciopelo';

describeBrowser('the Security page', () => {
  const stage = browserStage();
  let laptop: { context: BrowserContext; page: Page };
  let phone: { context: BrowserContext; page: Page };
  let errors: string[];

  beforeAll(async () => {
    phone = await signIn(stage.browser, stage.server.url, EMAIL, 'en-US', { userAgent: OTHER_BROWSER });
    laptop = await signIn(stage.browser, stage.server.url, EMAIL, 'es-ES', AXE_CONTEXT);
    errors = collectPageErrors(laptop.page);
  }, 180_000);
  afterAll(async () => {
    await laptop?.context.close();
    await phone?.context.close();
  });

  it('is reached from the header and lists both sessions, this one marked', async () => {
    const { page } = laptop;
    await page.getByRole('link', { name: 'Seguridad', exact: true }).click();
    await page.waitForURL(/\/account\/security$/);
    await page.getByRole('heading', { name: 'Seguridad', level: 1 }).waitFor();
    const rows = page.locator('.security-sessions tbody tr');
    await expect(rows.count()).resolves.toBe(2);
    await page.locator('tr[data-session="current"]').getByText('Esta sesión').waitFor();
    await page.locator('tr[data-session="other"]').getByText('Safari · iOS').waitFor();
    expect(await seriousViolations(page, 'security page')).toEqual([]);
    await screenshot(page, 'security-page', 'es');
  });

  it('signs out everywhere else: the other browser is signed out, this one stays', async () => {
    const { page } = laptop;
    await page.getByRole('button', { name: 'Cerrar la sesión en todos los demás lugares' }).click();
    await page.getByText('Se cerró 1 sesión más.').waitFor();
    await page.locator('tr[data-session="other"]').waitFor({ state: 'detached' });
    await phone.page.reload();
    await phone.page.waitForURL(/\/signin/);
  });

  it('says as one types why a password will not do, then changes it; the new one signs in', async () => {
    const { page } = laptop;
    await page.getByLabel('Contraseña actual').fill('demo');
    await page.getByLabel('Contraseña nueva', { exact: true }).fill('password1234');
    await page.getByText('Demasiado común o fácil de adivinar').waitFor();
    await page.getByLabel('Contraseña nueva', { exact: true }).fill('corta');
    await page.getByText('Demasiado corta: al menos 12 caracteres.').waitFor();
    await page.getByLabel('Contraseña nueva', { exact: true }).fill(NEW_PASSWORD);
    await page.getByText('Esta contraseña cumple las reglas.').waitFor();
    await page.getByLabel('Repita la contraseña nueva').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Cambiar la contraseña' }).click();
    await page.getByText('Se cambió su contraseña. Se terminaron 0 sesiones más.').waitFor();
    await page.locator('.security-events').getByText('Contraseña cambiada').waitFor();
    await page.locator('.security-events').getByText('Sesión cerrada en todos los demás lugares').waitFor();
    await screenshot(page, 'security-password-changed', 'es');

    const withNew = await requestAs(stage.server, { cookie: null, csrfToken: null }, 'POST', '/api/auth/login', { email: EMAIL, password: NEW_PASSWORD });
    expect(withNew.status).toBe(200);
    const withOld = await requestAs(stage.server, { cookie: null, csrfToken: null }, 'POST', '/api/auth/login', { email: EMAIL, password: 'demo' });
    expect(withOld.status).toBe(401);
    expect(errors).toEqual([]);
  });

  it('lets the secretariat send a member a reset link, which the member uses once to choose a new password', async () => {
    const secretariat = await signIn(stage.browser, stage.server.url, 'secretariat@demo.test', 'en-US');
    try {
      const { page } = secretariat;
      page.on('dialog', (dialog) => void dialog.accept());
      await page.getByRole('link', { name: 'Members and Participants' }).click();
      await page.getByRole('heading', { name: 'Members and Participants', level: 1 }).waitFor();
      const observerRow = page.locator('tr', { hasText: 'observer@demo.test' });
      await observerRow.getByRole('button', { name: /^Send a password reset link to / }).click();
      const link = await observerRow.locator('.invitation-result input').inputValue();
      expect(link).toMatch(new RegExp(`^${stage.server.url}/reset-password/[A-Za-z0-9_-]{43}$`));

      const context = await stage.browser.newContext({ locale: 'en-US', ...AXE_CONTEXT });
      const member = await context.newPage();
      await member.goto(link);
      await member.getByRole('heading', { name: 'Choose a new password' }).waitFor();
      await member.getByLabel('New password', { exact: true }).fill('observer observes 2026');
      await member.getByText('It contains your email address or your name.').waitFor();
      expect(await seriousViolations(member, 'reset password screen')).toEqual([]);
      await member.getByLabel('New password', { exact: true }).fill('quiet harbour lamplight');
      await member.getByLabel('New password again').fill('quiet harbour lamplight');
      await member.getByRole('button', { name: 'Save the new password' }).click();
      await member.getByText('Your new password is saved').waitFor();
      await screenshot(member, 'reset-password-done', 'en');
      await member.goto(link);
      await member.getByText('This password reset link is not valid any more').waitFor();
      await context.close();
      const signedIn = await requestAs(stage.server, { cookie: null, csrfToken: null }, 'POST', '/api/auth/login', {
        email: 'observer@demo.test',
        password: 'quiet harbour lamplight',
      });
      expect(signedIn.status).toBe(200);
    } finally {
      await secretariat.context.close();
    }
  });
});
