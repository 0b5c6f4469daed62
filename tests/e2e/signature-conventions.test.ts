/**
 * The signature conventions in a real browser (issue 16): the secretariat enters the signature record
 * with four originals and Guatemala's signatory signing ad referendum, freezes, and records the
 * capital's confirmation on the signed-version page; Guatemala's head of delegation — the delegate who
 * may confirm for the capital — initials the signed text in Spanish, after checking its fingerprint,
 * and an observer's open page shows it at once; the four originals download, each under its own name.
 * axe finds nothing serious on the page with either form open.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, describeBrowser, ensureClientBuilt, launchBrowser, screenshot } from '../utils/browser';
import { DEMO_EMAILS } from '../utils/people';
import { HEAD_EMAIL, HEAD_NAME, addGuatemalasHeadOfDelegation } from './support/head-of-delegation';
import { approveEverything, startWorld, type World } from '../integration/versions/support';
import { openNegotiation, signIn, switchLanguageTo } from './support/workspace-page';
import { AXE_CONTEXT, seriousViolations } from './support/axe';

const WAIT_MS = 30_000;
const GT = { en: 'Ministry of Government of the Republic of Guatemala', es: 'Ministerio de Gobernación de la República de Guatemala' };
const US = { en: 'Department of Homeland Security of the United States of America' };

describeBrowser('signature conventions in the browser', () => {
  let world: World;
  let browser: Browser;
  let fingerprint: string;

  async function open(email: string, lang: 'en' | 'es'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const { context, page } = await signIn(browser, world.server.url, email, lang === 'en' ? 'en-US' : 'es-ES', {
      ...AXE_CONTEXT,
      viewport: { width: 1300, height: 1000 },
      acceptDownloads: true,
    });
    page.setDefaultTimeout(WAIT_MS);
    await switchLanguageTo(page, lang);
    return { context, page, errors: collectPageErrors(page) };
  }

  const signedPage = async (page: Page) => {
    await page.goto(`${world.server.url}/documents/${world.d.documentId}/signed`);
    await page.locator('.signed-version .signed-fingerprint').waitFor();
  };
  const row = (page: Page, section: string, code: string) => page.locator(`${section} li[data-participant="${code}"]`);

  beforeAll(async () => {
    await ensureClientBuilt();
    world = await startWorld();
    browser = await launchBrowser();
    await addGuatemalasHeadOfDelegation(world);
    await approveEverything(world);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await world?.server.stop();
  });

  it('enters four originals and a signatory ad referendum, freezes them into the signed text and records the capital’s confirmation', async () => {
    const { context, page, errors } = await open(DEMO_EMAILS.secretariat, 'en');
    await openNegotiation(page, world.server.url, world.d.documentId);
    await page.getByRole('tab', { name: 'Versions', exact: true }).click();
    const form = page.locator('.signature-form');
    await form.getByLabel('Place (English)').fill('Washington, D.C.');
    await form.getByLabel('Place (Spanish)').fill('Washington, D.C.');
    await form.getByLabel('Date of signature').fill('2026-03-01');
    const gt = form.getByRole('group', { name: `Signatory for ${GT.en}` });
    await gt.getByLabel('Name', { exact: true }).fill('Enrique Degenhart');
    await gt.getByLabel('Title (English)').fill('Minister of Government');
    await gt.getByLabel('Title (Spanish)').fill('Ministro de Gobernación');
    await gt.getByLabel('Signs ad referendum (subject to confirmation by the capital)').check();
    const us = form.getByRole('group', { name: `Signatory for ${US.en}` });
    await us.getByLabel('Name', { exact: true }).fill('Kirstjen Nielsen');
    await us.getByLabel('Title (English)').fill('Secretary of Homeland Security');
    await us.getByLabel('Title (Spanish)').fill('Secretaria de Seguridad Nacional');
    await form.getByLabel('Number of originals').fill('4');
    await form.getByRole('button', { name: 'Save the signature record' }).click();
    await page.getByText('Signature record saved.').waitFor({ state: 'attached' });
    const { signature } = (await world.observer.request('GET', `/api/documents/${world.d.documentId}/signature-record`)).body;
    expect(signature.originals).toEqual({ count: 4, languages: ['en', 'es'] });
    expect(signature.signatories.find((s: { participantId: string }) => s.participantId === world.d.participants.GT).adReferendum).toBe(true);

    const panel = page.locator('.freeze-panel');
    await panel.getByText(/the text can be frozen/).waitFor();
    await panel.getByRole('button', { name: 'Freeze the text' }).click();
    await panel.getByRole('button', { name: 'Yes, freeze the text' }).click();
    await page.getByRole('link', { name: 'Open the signed version and its exports', exact: true }).click();
    await page.locator('.signed-version .signed-fingerprint').waitFor();
    fingerprint = (await page.locator('.signed-version .signed-fingerprint').first().textContent())!;
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);

    await page.getByText('Done in 4 originals, in English and Spanish.').waitFor();
    const signatory = row(page, '.signed-signatories', 'GT');
    await expect(signatory.textContent()).resolves.toContain('Enrique Degenhart');
    await expect(signatory.locator('.signed-badge').textContent()).resolves.toBe('ad referendum');
    await signatory.getByText('not yet confirmed by the capital').waitFor();
    expect(await row(page, '.signed-signatories', 'US').locator('.signed-badge').count()).toBe(0);
    await signatory.getByRole('button', { name: 'Record confirmation' }).click();
    await signatory.getByLabel('Date of confirmation').fill('2026-03-05');
    expect(await seriousViolations(page, 'the signed text, recording a confirmation')).toEqual([]);
    await signatory.getByRole('button', { name: 'Record the confirmation' }).click();
    await signatory.getByText(/confirmed on March 5, 2026/).waitFor();
    expect(await page.getByRole('button', { name: 'Initial the text' }).count()).toBe(0); // the secretariat initials for nobody
    await screenshot(page, 'signature-conventions-secretariat', 'en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets Guatemala’s head of delegation initial the text, in Spanish, which an open page shows at once; four originals download', async () => {
    const observer = await open(DEMO_EMAILS.observer, 'en');
    await signedPage(observer.page);
    await row(observer.page, '.signed-initialling', 'GT').getByText('not yet initialled').waitFor();
    expect(await observer.page.getByRole('button', { name: 'Initial the text' }).count()).toBe(0);

    const { context, page, errors } = await open(HEAD_EMAIL, 'es');
    await signedPage(page);
    await page.getByText('Hecho en 4 ejemplares originales, en inglés y español.').waitFor();
    for (const code of ['US', 'SV', 'GT', 'HN']) await row(page, '.signed-initialling', code).getByText('aún no rubricado').waitFor();
    await page.getByRole('button', { name: 'Rubricar el texto' }).click();
    expect(await seriousViolations(page, 'the signed text, initialling')).toEqual([]);
    const confirm = page.getByRole('group', { name: /Usted rubrica el texto firmado en nombre de Ministerio de Gobernación/ });
    await expect(confirm.locator('code').textContent()).resolves.toBe(fingerprint);
    await expect(confirm.getByLabel('Sus iniciales').inputValue()).resolves.toBe('CM');
    await confirm.getByRole('button', { name: 'Rubricar este texto' }).click();
    await row(page, '.signed-initialling', 'GT').getByText(`rubricado CM por ${HEAD_NAME}`).waitFor();
    await row(observer.page, '.signed-initialling', 'GT').getByText(`initialled CM by ${HEAD_NAME}`).waitFor();
    expect(await page.getByRole('button', { name: 'Rubricar el texto' }).count()).toBe(0);

    const originals = page.locator('.signed-originals-downloads');
    await expect(originals.locator('li').count()).resolves.toBe(4);
    const names = new Set<string>();
    for (const code of ['US', 'SV', 'GT', 'HN']) {
      const item = originals.locator(`li[data-participant="${code}"]`);
      await expect(item.textContent()).resolves.toContain('Original para ');
      const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('link', { name: /en PDF$/ }).click()]);
      names.add(download.suggestedFilename());
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const docx = await page.request.get(`${world.server.url}${await item.getByRole('link', { name: /en Word \(DOCX\)$/ }).getAttribute('href')}`);
      expect(docx.status()).toBe(200);
      expect(docx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(docx.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.docx"$/);
      expect(docx.headers()['x-concordia-fingerprint']).toBe(fingerprint);
    }
    expect(names.size).toBe(4);
    await originals.scrollIntoViewIfNeeded();
    await screenshot(page, 'signature-conventions-initialled', 'es');
    expect(errors).toEqual([]);
    expect(observer.errors).toEqual([]);
    await context.close();
    await observer.context.close();
  });
});
