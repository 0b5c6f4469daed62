/**
 * Browser tests: Debian's Chromium driven by playwright-core, against a whole Concordia on port 0
 * serving the built client.
 *
 *   describeBrowser('signs in', () => { ... })   skips, saying why, where /usr/bin/chromium is absent
 *   const stage = browserStage()                  in its body: the built client, a demo server and Chromium
 *   await ensureClientBuilt()                     builds dist/client once if missing or stale
 *   const browser = await launchBrowser()         each newContext() is a fresh profile
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sleep } from './wait';
import { startTestServer, type TestServer } from './test-server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = path.resolve(__dirname, '../..');
export const CLIENT_INDEX = path.join(ROOT, 'dist/client/index.html');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results/screenshots');

const CLIENT_SOURCES = ['client', 'shared/locales', 'shared/src'].map((dir) => path.join(ROOT, dir));
const BUILD_LOCK = path.join(ROOT, 'dist/.client-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

export function hasChromium(): boolean {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `describe` when Chromium is installed; otherwise a skipped suite and one clear line on the console. */
export function describeBrowser(name: string, fn: () => void): void {
  if (hasChromium()) {
    describe(name, fn);
    return;
  }
  describe.skip(name, () => {
    it.skip(`needs Chromium at ${CHROMIUM_PATH}`, () => undefined);
  });
  console.warn(`[browser tests] SKIPPED "${name}": no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function clientIsStale(): boolean {
  if (!fs.existsSync(CLIENT_INDEX)) return true;
  const built = fs.statSync(CLIENT_INDEX).mtimeMs;
  return CLIENT_SOURCES.some((dir) => newestMtime(dir) > built);
}

/**
 * Builds the client when dist/client is missing or older than its sources. Parallel jest workers
 * take a lock file (O_EXCL), so only one builds; the others wait for it and then see a fresh build.
 */
export async function ensureClientBuilt(): Promise<void> {
  if (!clientIsStale()) return;
  fs.mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    let fd: number | null = null;
    try {
      fd = fs.openSync(BUILD_LOCK, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (fd !== null) {
      try {
        fs.writeSync(fd, String(process.pid));
        if (clientIsStale()) {
          execFileSync(
            process.execPath,
            [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'],
            {
              // Jest sets NODE_ENV=test, which would make Vite bundle React's development build.
              cwd: ROOT,
              stdio: 'pipe',
              env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
            },
          );
        }
        return;
      } finally {
        fs.closeSync(fd);
        fs.rmSync(BUILD_LOCK, { force: true });
      }
    }
    // Someone else is building; a lock older than a build could ever take is left over from a crash.
    try {
      if (Date.now() - fs.statSync(BUILD_LOCK).mtimeMs > STALE_LOCK_MS) fs.rmSync(BUILD_LOCK, { force: true });
    } catch {
      /* the lock went away between the calls */
    }
    await sleep(250);
    if (!fs.existsSync(BUILD_LOCK) && !clientIsStale()) return;
  }
}

/** What a browser suite works against: a whole Concordia serving the built client, and Chromium. */
export interface BrowserStage {
  server: TestServer;
  browser: Browser;
}

/**
 * Call in a describeBrowser body: before its tests, builds the client if it is stale and starts a
 * server (`env`; by default with the demo negotiation) and Chromium; after them, stops both. The
 * fields are there from the suite's first beforeAll on.
 */
export function browserStage(env: Record<string, string> = { DEMO: '1' }, timeoutMs = 180_000): BrowserStage {
  const stage = {} as BrowserStage;
  beforeAll(async () => {
    await ensureClientBuilt();
    stage.server = await startTestServer(env);
    stage.browser = await launchBrowser();
  }, timeoutMs);
  afterAll(async () => {
    await stage.browser?.close();
    await stage.server?.stop();
  });
  return stage;
}

/** Saves test-results/screenshots/<name>-<lang>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string, lang: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}-${lang}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

/** Collects what the page logged as errors (uncaught exceptions and console.error), to assert none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}
