/**
 * Comment bodies, display names and quoted clause text are shown as text, in a real browser: HTML and
 * script payloads in them appear as the characters typed and run nothing — whether they arrive with
 * the first load or live over socket.io. The page is the comments harness (client/src/comments around
 * one clause editor), served on the test server's own origin and WITHOUT a Content-Security-Policy, so
 * that only our rendering stands between a payload and the page.
 *
 * Also in the browser: Ctrl+Alt+M on a selection opens a thread on it, and its range is highlighted.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../utils/test-server';
import { CHROMIUM_PATH, collectPageErrors, describeBrowser, ROOT, screenshot } from '../utils/browser';
import { anchorOn, demoFacts, DEMO_EMAILS, signIn, type DemoFacts, type Person } from '../integration/comments/support';
import { clauseFragment } from '../../shared/src/yjs-layout';
import { connectionOrigin } from '../../server/src/collab/origins';

const HARNESS_DIR = path.join(ROOT, 'dist/comments-harness');
const HARNESS_PREFIX = '/__comments-harness/';

/** Every payload sets window.__xss (or opens a dialog) if it ever runs. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=(window.__xss||[]).concat(\'img\')">',
  '<script>window.__xss=(window.__xss||[]).concat("script")</script>',
  '"><svg onload="window.__xss=(window.__xss||[]).concat(\'svg\')"></svg>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  'javascript:alert(1)',
];
const NAME_PAYLOAD = 'Ixcot<img src=x onerror="window.__xss=(window.__xss||[]).concat(\'name\')"><script>window.__xss=1</script>';
const CLAUSE_PAYLOAD = '<img src=y onerror="window.__xss=(window.__xss||[]).concat(\'quote\')">';

/**
 * Chromium treats a response fulfilled by the test (page.route) as coming from the public internet, and
 * its Local Network Access checks then block the page's websockets to 127.0.0.1; the app itself,
 * served by the server, is not affected.
 */
function launchHarnessBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-quic', '--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights'],
  });
}

function buildHarness(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'tests/e2e/support/comments-harness/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
}

/** Serves the harness files from dist on the server's origin (same origin for the API, cookies and sockets). */
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

describeBrowser('comments in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let d: DemoFacts;
  let gt: Person;
  let secretariat: Person;
  let clauseId: string;

  const harnessUrl = () => `${server.url}${HARNESS_PREFIX}index.html?doc=${d.documentId}&clause=${clauseId}&lang=en`;

  async function openAs(email: string, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page; dialogs: string[]; errors: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 1400, height: 1000 } });
    await serveHarness(context, server.url);
    const login = await context.request.post(`${server.url}/api/auth/login`, { data: { email, password: 'demo' }, headers: { Origin: server.url } });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    const errors = collectPageErrors(page);
    await page.goto(harnessUrl());
    try {
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 20_000 });
    } catch (error) {
      throw new Error(`The harness did not get ready: ${(error as Error).message}\nPage errors: ${errors.join('\n')}\nBody: ${(await page.content()).slice(0, 2000)}`, { cause: error });
    }
    return { context, page, dialogs, errors };
  }

  async function noScriptRan(page: Page, dialogs: string[]): Promise<void> {
    await page.waitForTimeout(300); // let any onerror/onload fire
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
    const injected = await page.evaluate(() => [...document.querySelectorAll('.comment-sidebar, .comment-list')]
      .flatMap((root) => [...root.querySelectorAll('img, script, iframe, object, embed, svg')]).map((el) => el.outerHTML));
    expect(injected).toEqual([]);
  }

  beforeAll(async () => {
    buildHarness();
    server = await startTestServer({ DEMO: '1' });
    browser = await launchHarnessBrowser();
    d = await demoFacts(server);
    clauseId = d.traffickingClause;
    [gt, secretariat] = await Promise.all([signIn(server, DEMO_EMAILS.gt), signIn(server, DEMO_EMAILS.secretariat)]);
    // A display name anyone may give themselves, and clause text anyone who edits may type.
    expect((await gt.request('PATCH', '/api/me', { displayName: NAME_PAYLOAD })).status).toBe(200);
    const live = await server.concordia.collab.registry.open(d.documentId);
    live.doc.transact(() => {
      const paragraph = clauseFragment(live.doc, clauseId, 'en').get(0) as Y.XmlElement;
      const text = paragraph.get(0) as Y.XmlText;
      text.insert(text.length, ` ${CLAUSE_PAYLOAD}`);
    }, connectionOrigin('xss-test', gt.userId));
    await live.flushed();
    const anchored = await gt.request('POST', `/api/documents/${d.documentId}/comments`, {
      clauseId, language: 'en', anchor: anchorOn(live.doc, clauseId, 'en', CLAUSE_PAYLOAD), body: PAYLOADS[0],
    });
    expect(anchored.status).toBe(201);
    for (const body of PAYLOADS.slice(1)) {
      expect((await gt.request('POST', `/api/documents/${d.documentId}/comments`, { clauseId, body: `${body}\nsecond line @${DEMO_EMAILS.hn}` })).status).toBe(201);
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows payloads in bodies, names and quotes as the characters typed, and runs none of them', async () => {
    const { context, page, dialogs, errors } = await openAs(DEMO_EMAILS.hn, 'es-ES');
    const sidebar = page.locator('.comment-sidebar');
    for (const payload of PAYLOADS) {
      await expect(sidebar.locator('.comment-body', { hasText: payload }).first().isVisible()).resolves.toBe(true);
    }
    const bodies = await sidebar.locator('.comment-body').allTextContents();
    expect(bodies).toContain(PAYLOADS[0]);
    expect(bodies).toContain(`${PAYLOADS[1]}\nsecond line @${DEMO_EMAILS.hn}`);
    await expect(sidebar.locator('.comment-author').first().textContent()).resolves.toBe(NAME_PAYLOAD);
    await expect(sidebar.locator('.comment-quote').first().textContent()).resolves.toBe(CLAUSE_PAYLOAD);
    await expect(page.locator('.comment-list .comment-author').first().textContent()).resolves.toBe(NAME_PAYLOAD);
    // Line breaks are kept (pre-wrap), not turned into markup.
    expect(await sidebar.locator('.comment-body').nth(1).evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    await noScriptRan(page, dialogs);
    await screenshot(page, 'comments-xss', 'es');
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await context.close();
  });

  it('shows a payload that arrives live over socket.io as text', async () => {
    const { context, page, dialogs } = await openAs(DEMO_EMAILS.us);
    const [first] = (await gt.request('GET', `/api/documents/${d.documentId}/comments?clauseId=${clauseId}&limit=1`)).body.threads;
    // Live means over the open socket: the page is neither reloaded nor asks the API for the comments again.
    await page.evaluate(() => { (window as unknown as { __sameLoad?: boolean }).__sameLoad = true; });
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });
    const fetches: string[] = [];
    page.on('request', (request) => { if (request.method() === 'GET' && /\/api\/.*comments/.test(request.url())) fetches.push(request.url()); });
    const live = '<img src=z onerror="window.__xss=(window.__xss||[]).concat(\'live\')"> live reply';
    expect((await secretariat.request('POST', `/api/comments/${first.id}/replies`, { body: live })).status).toBe(201);
    await page.locator('.comment-sidebar .comment-body', { hasText: live }).first().waitFor();
    expect(navigations).toEqual([]);
    expect(fetches).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
    await noScriptRan(page, dialogs);
    await context.close();
  });

  it('opens a thread on the selected words with Ctrl+Alt+M and highlights its range', async () => {
    const { context, page, dialogs } = await openAs(DEMO_EMAILS.us);
    const words = 'dismantle';
    // Select the word in the editor, as a person would with the mouse.
    await page.locator('.harness-editor .ProseMirror').click();
    await page.evaluate((target) => {
      const editor = document.querySelector('.harness-editor .ProseMirror')!;
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(target);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`${target} is not in the editor`);
    }, words);
    await page.waitForTimeout(100);
    await page.keyboard.press('Control+Alt+m');
    const composer = page.locator('.comment-new textarea');
    await composer.waitFor();
    await expect(page.locator('.comment-new .comment-quote').textContent()).resolves.toBe(words);
    await composer.fill('<b>not bold</b> — keep “dismantle”');
    await page.keyboard.press('Control+Enter');
    await page.locator('.harness-editor .comment-range', { hasText: words }).waitFor({ timeout: 5000 });
    await expect(page.locator('.harness-editor .comment-range', { hasText: words }).first().textContent()).resolves.toBe(words);
    const threads = (await gt.request('GET', `/api/documents/${d.documentId}/comments?clauseId=${clauseId}&limit=1`)).body.threads;
    expect(threads[0]).toMatchObject({ anchor: { quote: words, state: 'present' }, comments: [{ body: '<b>not bold</b> — keep “dismantle”' }] });
    await expect(page.locator('.comment-sidebar b').count()).resolves.toBe(0);
    await noScriptRan(page, dialogs);
    await screenshot(page, 'comments-shortcut', 'en');
    await context.close();
  });
});
