import { browserStage, describeBrowser, screenshot } from '../utils/browser';
import { openFirstNegotiation, signIn, type Person } from './support/workspace-page';

describeBrowser('the secretariat manages Participants and members', () => {
  const stage = browserStage();
  let secretariat: Person;

  beforeAll(async () => {
    secretariat = await signIn(stage.browser, stage.server.url, 'secretariat@demo.test', 'en-US');
    await secretariat.page.getByRole('link', { name: 'Members and Participants' }).click();
    await secretariat.page.getByRole('heading', { name: 'Members and Participants', level: 1 }).waitFor();
  }, 180_000);

  it('adds a Participant with its name in each language and a color readable under white text', async () => {
    const { page } = secretariat;
    await page.getByRole('button', { name: 'Add a Participant' }).click();
    await page.getByLabel('Code').fill('MX');
    await page.getByLabel('Name in English').fill('Secretariat of Security and Citizen Protection of Mexico');
    await page.getByLabel('Name in Spanish').fill('Secretaría de Seguridad y Protección Ciudadana de México');
    await page.getByLabel('Color').fill('#f5e663');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('This color is too light for white text').waitFor();

    await page.getByLabel('Color').fill('#006847');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Participant MX added.').waitFor();
    const row = page.locator('tr', { hasText: 'Secretaría de Seguridad y Protección Ciudadana de México' });
    await expect(row.locator('.participant-badge').textContent()).resolves.toBe('MX');
    await screenshot(page, 'participants', 'en');
  });

  it('creates a one-time invitation link that a new person accepts in Spanish', async () => {
    const { page } = secretariat;
    await page.locator('#add-email').fill('mx.delegate@demo.test');
    await page.locator('#add-role').selectOption('delegate');
    await page.locator('#add-participant').selectOption({ label: 'MX — Secretariat of Security and Citizen Protection of Mexico' });
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await page.locator('#invitation-link').inputValue();
    expect(link).toMatch(new RegExp(`^${stage.server.url}/invite/`));
    await screenshot(page, 'invitation-link', 'en');

    const context = await stage.browser.newContext({ locale: 'es-ES' });
    const guest = await context.newPage();
    await guest.goto(link);
    await guest.getByRole('heading', { name: 'Ha recibido una invitación' }).waitFor();
    await guest.getByText('como Delegado. Delegación: Secretaría de Seguridad y Protección Ciudadana de México.').waitFor();
    await guest.getByLabel('Su nombre, tal como lo verán los demás').fill('Lucía Hernández');
    await guest.getByLabel('Elija una contraseña').fill('una-clave-larga');
    await guest.getByLabel('Repita la contraseña').fill('una-clave-larga');
    await guest.getByRole('button', { name: 'Aceptar e iniciar sesión' }).click();
    // Straight into the negotiation just joined, its visit recorded: the list then says nothing is new.
    await guest.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
    await guest.locator('.clause-row').first().waitFor();
    await screenshot(guest, 'invitation-accepted', 'es');
    await guest.goto(`${stage.server.url}/`);
    await guest.getByRole('heading', { name: 'Mis negociaciones' }).waitFor();
    await guest.getByRole('link', { name: /Memorando de Cooperación/ }).waitFor();
    await guest.getByText(/^Nada nuevo desde su última visita/).waitFor();
    await context.close();

    await page.reload();
    await page.locator('tr', { hasText: 'Lucía Hernández' }).waitFor();
  });

  it("changes a member's role, and the open workspace of that member follows at once", async () => {
    const legal = await signIn(stage.browser, stage.server.url, 'hn.legal@demo.test', 'es-ES');
    await openFirstNegotiation(legal.page);
    await legal.page.getByText('Solo lectura').waitFor();

    const { page } = secretariat;
    const row = page.locator('tr', { hasText: 'Ramón Núñez' });
    await row.getByRole('combobox', { name: 'Role of Ramón Núñez' }).selectOption('delegate');
    await row.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Changes for Ramón Núñez saved.').waitFor();

    const editor = legal.page.getByRole('textbox', { name: 'Artículo 1, texto en español', exact: true });
    await legal.page.waitForFunction(() => document.querySelector('[aria-label="Artículo 1, texto en español"]')?.getAttribute('contenteditable') === 'true');
    await expect(editor.getAttribute('aria-readonly')).resolves.toBe('false');
    expect(await legal.page.getByText('Solo lectura').count()).toBe(0);

    await row.getByRole('button', { name: 'Remove Ramón Núñez' }).click();
    await row.getByRole('button', { name: 'Remove Ramón Núñez' }).click();
    await page.getByText('Ramón Núñez removed from this negotiation.').waitFor();
    await legal.page.getByRole('heading', { name: 'No encontrado' }).waitFor();
    await legal.context.close();
  });
});
