import { browserStage, collectPageErrors, describeBrowser, screenshot } from '../utils/browser';

describeBrowser('the app shell', () => {
  const stage = browserStage();

  it('shows the sign-in screen in English to an English-speaking browser', async () => {
    const context = await stage.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${stage.server.url}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(page.url()).toBe(`${stage.server.url}/signin`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Concordia');
    await expect(page.getByLabel('Email').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Password').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    // A visitor who does not know Concordia learns what it is, and where to check a signed agreement.
    const about = page.getByRole('region', { name: 'About Concordia' });
    await expect(about.getByText('Where delegations negotiate a bilingual agreement, clause by clause.').isVisible()).resolves.toBe(true);
    await about.getByRole('link', { name: 'Received a signed agreement? Check that it is genuine' }).click();
    await page.waitForURL(`${stage.server.url}/verify`);
    await page.goBack();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'sign-in', 'en');
    expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });

  it('shows the sign-in screen in Spanish to a browser set to es-ES', async () => {
    const context = await stage.browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${stage.server.url}/`);
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await expect(page.getByLabel('Correo electrónico').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('Contraseña').isVisible()).resolves.toBe(true);
    await expect(
      page
        .getByRole('region', { name: 'Acerca de Concordia' })
        .getByText(/^Donde las delegaciones negocian/)
        .isVisible(),
    ).resolves.toBe(true);
    await screenshot(page, 'sign-in', 'es');
    await context.close();
  });

  it('switches the interface language in one click and remembers it', async () => {
    const context = await stage.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${stage.server.url}/signin`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.reload();
    await page.getByRole('heading', { name: 'Iniciar sesión' }).waitFor();
    await context.close();
  });

  it('answers an unknown address inside the app with a page that leads back', async () => {
    const context = await stage.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${stage.server.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    await expect(page.getByRole('link', { name: 'Back to my negotiations' }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});
