/**
 * Versions and the freeze in a real browser: the secretariat takes a named version, reads the redline
 * against the text now (words and who changed them), sees the blockers before the freeze button (which
 * stays disabled), enters the signature record, freezes once everything is approved, downloads the
 * signed PDF, and anyone checks it on the verification page — genuine, and not once a byte changed.
 *
 * The page is the versions harness (client/src/versions on one real document) until the workspace
 * wires the components in.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH, collectPageErrors, describeBrowser, ROOT, screenshot } from '../utils/browser';
import { approveEverything, editAs, replaceWords, startWorld, currentPlainText, type World } from '../integration/versions/support';

const HARNESS_DIR = path.join(ROOT, 'dist/versions-harness');
const HARNESS_PREFIX = '/__versions-harness/';

function launchHarnessBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-quic', '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights'],
  });
}

function buildHarness(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'tests/e2e/support/versions-harness/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
}

async function serveHarness(context: BrowserContext, baseUrl: string): Promise<void> {
  await context.route(`${baseUrl}${HARNESS_PREFIX}**`, async (route) => {
    const url = new URL(route.request().url());
    const file = path.join(HARNESS_DIR, url.pathname.slice(HARNESS_PREFIX.length) || 'index.html');
    if (!file.startsWith(HARNESS_DIR) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    await route.fulfill({ status: 200, contentType: `${type}; charset=utf-8`, body: fs.readFileSync(file) });
  });
}

describeBrowser('versions and the freeze in the browser', () => {
  let world: World;
  let browser: Browser;
  let clauseId: string;

  async function openAs(email: string | null, locale: string, query = ''): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 1300, height: 1000 }, acceptDownloads: true });
    await serveHarness(context, world.server.url);
    if (email) {
      const login = await context.request.post(`${world.server.url}/api/auth/login`, { data: { email, password: 'demo' }, headers: { Origin: world.server.url } });
      expect(login.status()).toBe(200);
    }
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${world.server.url}${HARNESS_PREFIX}index.html?doc=${world.d.documentId}${query}`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 20_000 });
    return { context, page, errors };
  }

  beforeAll(async () => {
    buildHarness();
    world = await startWorld();
    browser = await launchHarnessBrowser();
    for (const id of world.d.clauseIds) if ((await currentPlainText(world.server, world.d.documentId, id, 'en')).includes(' intend to ')) { clauseId = id; break; }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await world?.server.stop();
  });

  it('takes a named version and shows the redline against the text now, with who changed what', async () => {
    const { context, page, errors } = await openAs('secretariat@demo.test', 'en-US');
    await page.getByLabel('Name of the version').fill('Text circulated to capitals, 1 March');
    await page.getByRole('button', { name: 'Take version' }).click();
    await page.getByRole('rowheader', { name: /Text circulated to capitals, 1 March/ }).waitFor();
    await editAs(world.server, world.d.documentId, world.delegates.GT.userId, clauseId, 'en', replaceWords(' intend to ', ' will '));
    await page.getByRole('button', { name: 'Compare with the text now' }).click();
    const redline = page.locator('.redline');
    await redline.getByText('1 changed, 0 added, 0 removed, 0 moved').waitFor();
    await expect(redline.locator('del', { hasText: 'intend to' }).isVisible()).resolves.toBe(true);
    await expect(redline.locator('ins', { hasText: 'will' }).isVisible()).resolves.toBe(true);
    await expect(redline.getByText(`Edited by ${world.delegates.GT.displayName}`).isVisible()).resolves.toBe(true);
    await redline.scrollIntoViewIfNeeded();
    await screenshot(page, 'versions-redline', 'en');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists what blocks the freeze before the button, in Spanish, and keeps the button disabled', async () => {
    const { context, page, errors } = await openAs('secretariat@demo.test', 'es-ES', '&lang=es');
    const panel = page.locator('.freeze-panel');
    await panel.getByText(/Todavía no se puede congelar el texto/).waitFor();
    await expect(panel.locator('.freeze-blocker').first().textContent()).resolves.toMatch(/nadie ha confirmado que las versiones lingüísticas concuerdan/);
    expect(await panel.locator('.freeze-blocker').count()).toBe(world.d.clauseIds.length * 5);
    expect(await panel.getByRole('button', { name: 'Congelar el texto' }).isDisabled()).toBe(true);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'freeze-blockers', 'es');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('freezes once everything is approved, then offers the signed text for download, which the verification page accepts', async () => {
    await approveEverything(world);
    const { context, page, errors } = await openAs('secretariat@demo.test', 'en-US');
    const form = page.locator('.signature-form');
    await form.getByLabel('Place (English)').fill('San Salvador');
    await form.getByLabel('Place (Spanish)').fill('San Salvador');
    await form.getByLabel('Date of signature').fill('2026-03-01');
    await form.getByRole('button', { name: 'Save the signature record' }).click();
    await page.getByText('Signature record saved.').waitFor();

    const panel = page.locator('.freeze-panel');
    await panel.getByText(/the text can be frozen/).waitFor();
    await panel.getByRole('button', { name: 'Freeze the text' }).click();
    await panel.getByRole('button', { name: 'Yes, freeze the text' }).click();
    await page.locator('.signed-version .signed-fingerprint').waitFor();
    const fingerprint = (await page.locator('.signed-version .signed-fingerprint').textContent())!;
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await page.locator('.signed-version').getByLabel('One after the other (in duplicate)').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.signed-version').getByRole('link', { name: 'PDF' }).click()]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-e2e-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/-frozen-duplicate-[0-9a-f]{12}\.pdf$/);
    await page.locator('.signed-version').scrollIntoViewIfNeeded();
    await screenshot(page, 'signed-text', 'en');
    expect(errors).toEqual([]);
    await context.close();

    const visitor = await openAs(null, 'es-ES', '&view=verify&lang=es');
    await visitor.page.getByLabel('Archivo que desea verificar').setInputFiles(file);
    await visitor.page.getByRole('button', { name: 'Verificar', exact: true }).click();
    await visitor.page.locator('.verify-result.is-genuine').waitFor();
    await expect(visitor.page.locator('.verify-verdict').textContent()).resolves.toMatch(/^Auténtico: este archivo es exactamente la exportación de Texto congelado para la firma de «Memorando/);
    await screenshot(visitor.page, 'verify-genuine', 'es');

    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    const tampered = file.replace(/\.pdf$/, '-tampered.pdf');
    fs.writeFileSync(tampered, bytes);
    await visitor.page.getByLabel('Archivo que desea verificar').setInputFiles(tampered);
    await visitor.page.getByRole('button', { name: 'Verificar', exact: true }).click();
    await visitor.page.locator('.verify-result.is-not-genuine').waitFor();
    await expect(visitor.page.locator('.verify-verdict').textContent()).resolves.toMatch(/^No auténtico/);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
  });

  it('shows the frozen text in the activity feed', async () => {
    const { context, page } = await openAs('observer@demo.test', 'en-US');
    await page.locator('.activity-feed').getByText(/froze the text for signature/).waitFor();
    await page.locator('.freeze-panel').getByText(/This text was frozen on/).waitFor();
    await context.close();
  });
});
