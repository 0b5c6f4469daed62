/**
 * Approvals in a real browser: a delegate approves a clause from its badges (the dialog asks for the
 * concordance acknowledgement), every open page shows it approved at once, an edit of the English text
 * by someone else turns the badge "changed since approval" live, and the "what changed" view shows the
 * change and who made it. The matrix filters and counts. English and Spanish.
 *
 * The page is the approvals harness (client/src/approvals on one real document) until the workspace
 * wires the components in.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../utils/test-server';
import { CHROMIUM_PATH, collectPageErrors, describeBrowser, ROOT, screenshot } from '../utils/browser';
import { currentPlainText, demo, editAs, replaceWords, signIn, type Demo, type Person } from '../integration/approvals/approvals-helpers';

const HARNESS_DIR = path.join(ROOT, 'dist/approvals-harness');
const HARNESS_PREFIX = '/__approvals-harness/';

/** Responses fulfilled by the test count as public-internet ones for Chromium's Local Network Access checks: switch them off. */
function launchHarnessBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-quic', '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights'],
  });
}

function buildHarness(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'tests/e2e/support/approvals-harness/vite.config.ts', '--logLevel', 'warn'], {
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

describeBrowser('approvals in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let d: Demo;
  let gt: Person;
  let clauseId: string;

  async function openAs(email: string, locale: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1000 } });
    await serveHarness(context, server.url);
    const login = await context.request.post(`${server.url}/api/auth/login`, { data: { email, password: 'demo' }, headers: { Origin: server.url } });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}${HARNESS_PREFIX}index.html?doc=${d.documentId}&clause=${clauseId}`);
    try {
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 20_000 });
    } catch (error) {
      throw new Error(`The harness did not get ready: ${(error as Error).message}\nPage errors: ${errors.join('\n')}`, { cause: error });
    }
    return { context, page, errors };
  }

  const badge = (page: Page, code: string) => page.locator('.harness-clause .approval-badge', { hasText: code });

  beforeAll(async () => {
    buildHarness();
    server = await startTestServer({ DEMO: '1' });
    browser = await launchHarnessBrowser();
    d = await demo(server);
    gt = await signIn(server, 'gt.delegate@demo.test');
    for (const id of d.clauseIds) if ((await currentPlainText(server, d.documentId, id, 'en')).includes(' intend to ')) { clauseId = id; break; }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets the Honduran delegate approve, in Spanish, after acknowledging the unconfirmed concordance; other pages see it at once', async () => {
    const honduras = await openAs('hn.delegate@demo.test', 'es-ES');
    const us = await openAs('us.delegate@demo.test', 'en-US');
    expect(await badge(honduras.page, 'HN').getAttribute('class')).toContain('status-not_approved');
    expect(await us.page.locator('.harness-clause .concordance-badge').getAttribute('aria-label')).toContain('Concordance not confirmed');

    await honduras.page.locator('.harness-clause').getByRole('button', { name: 'Aprobar', exact: true }).click();
    const dialog = honduras.page.getByRole('dialog', { name: /Aprobar Article 3 en nombre del Participante Secretaría de Seguridad/ });
    await dialog.waitFor();
    await expect(dialog.getByText('Nadie ha confirmado todavía').isVisible()).resolves.toBe(true);
    await expect(dialog.getByText('The Participants intend to', { exact: false }).first().isVisible()).resolves.toBe(true);
    const submit = dialog.getByRole('button', { name: 'Aprobar todas las versiones' });
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByLabel('He comparado yo mismo las versiones lingüísticas').check();
    await screenshot(honduras.page, 'approve-dialog', 'es');
    await submit.click();
    await dialog.waitFor({ state: 'detached' });

    await honduras.page.waitForSelector('.harness-clause .approval-badge.status-approved');
    await us.page.waitForSelector('.harness-clause .approval-badge.status-approved');
    expect(await badge(us.page, 'HN').getAttribute('aria-label')).toMatch(/Secretariat of Security .*: Approved \(approved by María Fernanda Zelaya/);
    expect(honduras.errors).toEqual([]);
    expect(us.errors).toEqual([]);
    await honduras.context.close();
    await us.context.close();
  });

  it('turns the badge "changed since approval" the moment the English text changes, and shows what changed and who changed it', async () => {
    const { context, page, errors } = await openAs('us.delegate@demo.test', 'en-US');
    expect(await badge(page, 'HN').getAttribute('class')).toContain('status-approved');
    await editAs(server, d.documentId, gt.userId, clauseId, 'en', replaceWords(' intend to ', ' will '));
    await page.waitForSelector('.harness-clause .approval-badge.status-outdated');

    await badge(page, 'HN').click();
    const view = page.getByRole('dialog', { name: 'What changed in Article 3' });
    await view.waitFor();
    await view.locator('ins', { hasText: 'will' }).waitFor();
    await expect(view.locator('del', { hasText: 'intend to' }).isVisible()).resolves.toBe(true);
    await expect(view.getByText(`Edited the document since: ${gt.displayName}`).isVisible()).resolves.toBe(true);
    await expect(view.getByText(/Spanish · Unchanged/).isVisible()).resolves.toBe(true);
    await screenshot(page, 'changed-since', 'en');
    await view.getByRole('button', { name: 'Close' }).first().click();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('counts progress and filters the matrix: changed since approval, missing Guatemala', async () => {
    const { context, page } = await openAs('observer@demo.test', 'en-US');
    const matrix = page.locator('.approval-matrix');
    await expect(matrix.getByText(`0 of ${d.clauseIds.length * 4} approvals in place.`).isVisible()).resolves.toBe(true);
    await matrix.getByLabel('Show').selectOption('outdated');
    await expect(matrix.getByText('1 clause shown').isVisible()).resolves.toBe(true);
    await matrix.getByLabel('Show').selectOption('');
    await matrix.getByLabel('Missing the approval of').selectOption({ label: 'Ministry of Government of the Republic of Guatemala' });
    await expect(matrix.getByText(`${d.clauseIds.length} clauses shown`).isVisible()).resolves.toBe(true);
    await screenshot(page, 'approval-matrix', 'en');
    await context.close();
  });
});
