/**
 * `npm run bench:browser`: the 300-clause agreement of tests/e2e/large-document.test.ts in Chromium,
 * timed — what that test checks for behaviour, this measures for speed (docs/performance.md).
 *
 *   BENCH_DATABASE_URL  PostgreSQL to use (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test);
 *                       the server works in a schema of its own and drops it at the end
 *   BENCH_OPENS         how many times to open the document (default 5)
 *   BENCH_KEYS          keys typed one at a time, and again in one burst (default 50)
 *   BENCH_KEY_GAP_MS    pause after each key of the one-at-a-time phase (default 60)
 *
 * One Concordia in this process (tests/utils/test-server.ts, DEMO users), one Chromium
 * (tests/utils/browser.ts), signed in as the United States delegate, as the test does. Then:
 *
 *   open     a new page per open, after the server unloaded the document (so it loads it from
 *            PostgreSQL, as the first person to open it does); the browser's HTTP cache is warm from
 *            sign-in. Timed until the connection is up and the last of the 300 rows is attached:
 *            by the driver (goto → condition seen, the test's old measure) and in the page
 *            (performance.now() from navigation start at the first frame where it held).
 *   per key  one key at a time at the end of the last article's Spanish text: from sending the key
 *            to the driver seeing it in the editor's DOM, and to the server's Y.Doc holding it.
 *   burst    the same number of keys typed in one keyboard.type() (the test's old measure: total
 *            time until the DOM holds all of them, divided by the number of keys).
 *   Event Timing in both typing phases: durations of key and input events (from the event to the
 *            next paint after it was handled, what INP is made of), 16 ms and up (the API's floor).
 *
 * CPU, in % of one core over each phase: this Node process (server and driver), Chromium (every
 * process below this one), PostgreSQL (every process named postgres, whoever's), and the whole machine
 * (/proc/stat): what the machine did beyond those is other people's work on it. Results print as
 * tables and JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import * as Y from 'yjs';
import type { Browser, Page } from 'playwright-core';
import { CLOCK_TICKS, cpuByName, cpuDelta, cpuSeconds } from '../collab/process-usage';
import { startTestServer, type TestServer } from '../../tests/utils/test-server';
import { ensureClientBuilt, launchBrowser } from '../../tests/utils/browser';
import { LARGE_AGREEMENT_CLAUSES, LAST_ARTICLE, LAST_CLAUSE_ID, seedLargeAgreement } from '../../tests/utils/large-agreement';
import { signIn } from '../../tests/e2e/support/workspace-page';
import { clauseFragment } from '../../shared/src/yjs-layout';

const DELEGATE = 'us.delegate@demo.test';
const EDITOR_LABEL = `${LAST_ARTICLE}, Spanish text`;
/** Only characters on a US keyboard, so that every one is a real key press (others are inserted as text). */
const TYPED = ' Los Participantes informaran cada ano sobre el estado de este asunto y de sus resultados.';
const EVENT_TIMING_FLOOR_MS = 16;

const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Nearest-rank quantile of the values (q in 0..1). */
function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
const median = (values: number[]) => quantile(values, 0.5);

// ---- CPU of this process, of Chromium below it, of PostgreSQL ----

/** pid → CPU seconds of every process descending from `root` (Chromium's browser, zygotes, renderers, GPU…). */
function descendantsCpu(root: number): Map<number, number> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const usage = new Map<number, number>();
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const seconds = cpuSeconds(pid);
    if (seconds !== null) usage.set(pid, seconds);
    queue.push(...(children.get(pid) ?? []));
  }
  return usage;
}

/** CPU seconds the whole machine spent busy so far (every core; /proc/stat). */
function machineBusySeconds(): number {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS;
}

interface UsageMark {
  at: number;
  node: NodeJS.CpuUsage;
  chromium: Map<number, number>;
  postgres: Map<number, number>;
  machine: number;
}
interface Usage {
  nodePercent: number;
  chromiumPercent: number;
  postgresPercent: number;
  machinePercent: number;
}

function usageMark(): UsageMark {
  return {
    at: performance.now(),
    node: process.cpuUsage(),
    chromium: descendantsCpu(process.pid),
    postgres: cpuByName('postgres'),
    machine: machineBusySeconds(),
  };
}

/** CPU since the mark, in % of one core (processes that ended meanwhile are not counted). */
function usageSince(mark: UsageMark): Usage {
  const seconds = (performance.now() - mark.at) / 1000;
  const node = process.cpuUsage(mark.node);
  return {
    nodePercent: ((node.user + node.system) / 1e6 / seconds) * 100,
    chromiumPercent: (cpuDelta(mark.chromium, descendantsCpu(process.pid)) / seconds) * 100,
    postgresPercent: (cpuDelta(mark.postgres, cpuByName('postgres')) / seconds) * 100,
    machinePercent: ((machineBusySeconds() - mark.machine) / seconds) * 100,
  };
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---- Opening the document ----

interface OpenResult {
  /** goto → connected and last row attached, as the driver saw it (the test's old measure). */
  driverMs: number;
  /** In the page, from navigation start: DOMContentLoaded done, first row, connection up, all rows attached. */
  domContentLoadedMs: number;
  firstRowMs: number;
  connectedMs: number;
  allRowsMs: number;
  serverLoaded: boolean;
  liveEditors: number;
}

/** Runs in the page from its first script on: the first frame each condition held, from navigation start. */
const OPEN_PROBE = `(() => {
  const rows = document.getElementsByClassName('clause-row');
  const connected = document.getElementsByClassName('connection-connected');
  const marks = {};
  const tick = () => {
    const now = performance.now();
    if (marks.firstRow === undefined && rows.length > 0) marks.firstRow = now;
    if (marks.connected === undefined && connected.length > 0) marks.connected = now;
    if (marks.allRows === undefined && rows.length >= ${LARGE_AGREEMENT_CLAUSES}) marks.allRows = now;
    if (marks.connected !== undefined && marks.allRows !== undefined) window.__open = marks;
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

async function waitUntilUnloaded(server: TestServer): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (server.concordia.collab.registry.openCount > 0) {
    if (Date.now() > deadline) throw new Error('The server kept the document open after its last page closed');
    await sleep(50);
  }
}

async function openOnce(server: TestServer, page: Page, documentId: string): Promise<OpenResult> {
  const loadsBefore = server.concordia.collab.registry.stats.loads;
  await page.addInitScript(OPEN_PROBE);
  const started = performance.now();
  await page.goto(`${server.url}/documents/${documentId}`);
  await page.waitForFunction(() => (window as unknown as { __open?: unknown }).__open !== undefined, null, { timeout: 60_000 });
  const driverMs = performance.now() - started;
  const marks = (await page.evaluate('window.__open')) as { firstRow: number; connected: number; allRows: number };
  const navigation = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
  return {
    driverMs,
    domContentLoadedMs: navigation,
    firstRowMs: marks.firstRow,
    connectedMs: marks.connected,
    allRowsMs: marks.allRows,
    serverLoaded: server.concordia.collab.registry.stats.loads > loadsBefore,
    liveEditors: await page.locator('.clause-text:not(.clause-static)').count(),
  };
}

// ---- Typing ----

interface EventTimingEntry {
  name: string;
  duration: number;
  interactionId: number;
}

const START_EVENT_TIMING = `(() => {
  window.__events = [];
  window.__eventObserver?.disconnect();
  window.__eventObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (/^key|input/.test(e.name)) window.__events.push({ name: e.name, duration: e.duration, interactionId: e.interactionId ?? 0 });
    }
  });
  window.__eventObserver.observe({ type: 'event', durationThreshold: ${EVENT_TIMING_FLOOR_MS}, buffered: false });
})()`;

interface EventTimingResult {
  /** Key and input events reported (those of 16 ms and more). */
  reported: number;
  /** The longest of them (the test's old "slow key events < 120 ms"). */
  maxMs: number;
  /** Per key press (an interaction: its longest event); keys with nothing reported count as under 16 ms. */
  interactionP95Ms: number | null;
  /** INP's rule over these key presses: the longest, ignoring one per 50 presses. null = under 16 ms. */
  inpLikeMs: number | null;
}

async function readEventTiming(page: Page, keys: number): Promise<EventTimingResult> {
  await page.waitForTimeout(500); // entries are delivered after the paint that ends them
  const entries = (await page.evaluate('window.__events')) as EventTimingEntry[];
  const byInteraction = new Map<number, number>();
  for (const e of entries) if (e.interactionId > 0) byInteraction.set(e.interactionId, Math.max(e.duration, byInteraction.get(e.interactionId) ?? 0));
  const slowest = [...byInteraction.values()].sort((a, b) => b - a);
  // Nearest-rank p95 over all presses: counted from the slow end, it is the k-th slowest.
  const fromTop = keys - Math.ceil(0.95 * keys);
  const inpIndex = Math.floor(keys / 50);
  return {
    reported: entries.length,
    maxMs: Math.max(0, ...entries.map((e) => e.duration)),
    interactionP95Ms: fromTop < slowest.length ? slowest[fromTop] : null,
    inpLikeMs: inpIndex < slowest.length ? slowest[inpIndex] : null,
  };
}

/** Characters in a Yjs text tree. */
function textLength(node: Y.XmlFragment | Y.XmlElement): number {
  let length = 0;
  for (const child of node.toArray()) length += child instanceof Y.XmlText ? child.length : child instanceof Y.XmlElement ? textLength(child) : 0;
  return length;
}

/** When the server's copy of a text first reached each length (performance.now() of this process). */
function watchServerText(fragment: Y.XmlFragment) {
  const reached: number[] = [];
  const waiting = new Set<{ length: number; resolve: (at: number) => void }>();
  let last = textLength(fragment);
  const observer = () => {
    const at = performance.now();
    const length = textLength(fragment);
    for (let l = last + 1; l <= length; l += 1) reached[l] = at;
    last = Math.max(last, length);
    for (const w of waiting)
      if (reached[w.length] !== undefined) {
        waiting.delete(w);
        w.resolve(reached[w.length]);
      }
  };
  fragment.observeDeep(observer);
  return {
    length: () => last,
    /** The moment the server held `length` characters (already past, or still to come). */
    reach(length: number, timeoutMs = 15_000): Promise<number> {
      if (reached[length] !== undefined) return Promise.resolve(reached[length]);
      return new Promise((resolve, reject) => {
        const w = {
          length,
          resolve: (at: number) => {
            clearTimeout(timer);
            resolve(at);
          },
        };
        const timer = setTimeout(() => {
          waiting.delete(w);
          reject(new Error(`The server never held ${length} characters`));
        }, timeoutMs);
        waiting.add(w);
      });
    },
    stop: () => fragment.unobserveDeep(observer),
  };
}

const EDITOR = `.clause-text:not(.clause-static)[aria-label="${EDITOR_LABEL}"]`;
/** Page functions are passed as functions: the app's Content-Security-Policy forbids evaluating strings. */
const domLength = (page: Page) => page.evaluate((selector) => (document.querySelector(selector)?.textContent ?? '').length, EDITOR);

async function waitForDomLength(page: Page, length: number): Promise<void> {
  await page.waitForFunction(([selector, expected]) => (document.querySelector(selector)?.textContent ?? '').length >= expected, [EDITOR, length] as const, {
    polling: 'raf',
    timeout: 15_000,
  });
}

interface PerKeyResult {
  keys: number;
  typedMs: number[];
  toDomMs: number[];
  toServerMs: number[];
  events: EventTimingResult;
  usage: Usage;
}
interface BurstResult {
  keys: number;
  toDomMs: number;
  toServerMs: number;
  events: EventTimingResult;
  usage: Usage;
}

async function typePerKey(page: Page, server: ReturnType<typeof watchServerText>, keys: number, gapMs: number): Promise<PerKeyResult> {
  const domStart = await domLength(page);
  const serverStart = server.length();
  await page.evaluate(START_EVENT_TIMING);
  const mark = usageMark();
  const typedMs: number[] = [];
  const toDomMs: number[] = [];
  const toServerMs: number[] = [];
  for (let i = 0; i < keys; i += 1) {
    const started = performance.now();
    const atServer = server.reach(serverStart + i + 1);
    await page.keyboard.type(TYPED[i % TYPED.length]);
    typedMs.push(performance.now() - started);
    await waitForDomLength(page, domStart + i + 1);
    toDomMs.push(performance.now() - started);
    toServerMs.push((await atServer) - started);
    await sleep(gapMs);
  }
  const usage = usageSince(mark);
  return { keys, typedMs, toDomMs, toServerMs, events: await readEventTiming(page, keys), usage };
}

async function typeBurst(page: Page, server: ReturnType<typeof watchServerText>, keys: number): Promise<BurstResult> {
  const text = Array.from({ length: keys }, (_, i) => TYPED[i % TYPED.length]).join('');
  const domStart = await domLength(page);
  const atServer = server.reach(server.length() + keys);
  await page.evaluate(START_EVENT_TIMING);
  const mark = usageMark();
  const started = performance.now();
  await page.keyboard.type(text);
  await waitForDomLength(page, domStart + keys);
  const toDomMs = performance.now() - started;
  const toServerMs = (await atServer) - started;
  const usage = usageSince(mark);
  return { keys, toDomMs, toServerMs, events: await readEventTiming(page, keys), usage };
}

// ---- The run ----

const cpu = (u: Usage) =>
  `Node ${fixed(u.nodePercent)} %, Chromium ${fixed(u.chromiumPercent)} %, PostgreSQL ${fixed(u.postgresPercent)} %; machine ${fixed(u.machinePercent)} %`;
const underFloor = (ms: number | null) => (ms === null ? `< ${EVENT_TIMING_FLOOR_MS}` : fixed(ms));

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  process.env.TEST_DATABASE_URL = url; // what startTestServer connects to
  const opens = number('BENCH_OPENS', 5);
  const keys = number('BENCH_KEYS', 50);
  const gapMs = number('BENCH_KEY_GAP_MS', 60);

  await ensureClientBuilt();
  let server: TestServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await startTestServer({ DEMO: '1' });
    const pool = server.concordia.db.pool;
    const postgres = (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    const documentId = await seedLargeAgreement(pool, DELEGATE);
    browser = await launchBrowser();
    console.log(`Concordia browser benchmark: a ${LARGE_AGREEMENT_CLAUSES}-clause agreement — ${new Date().toISOString()}`);
    console.log(
      `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${fixed(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}, Chromium ${browser.version()} (headless), PostgreSQL ${postgres}`,
    );
    console.log(
      `Server in this process (tests/utils/test-server.ts); CPU % is of one core (${os.cpus().length} cores = ${os.cpus().length * 100} %); load average ${loadAverage()}\n`,
    );

    const us = await signIn(browser, server.url, DELEGATE, 'en-US');
    await us.page.close();

    // Open
    const openResults: OpenResult[] = [];
    const openMark = usageMark();
    let page: Page | null = null;
    for (let i = 0; i < opens; i += 1) {
      if (page) await page.close();
      await waitUntilUnloaded(server);
      page = await us.context.newPage();
      openResults.push(await openOnce(server, page, documentId));
    }
    const openUsage = usageSince(openMark);
    if (!page) throw new Error('BENCH_OPENS must be at least 1');
    console.log(
      '| open | driver: goto → connected and last row attached (ms) | in page from navigation start: DOMContentLoaded / first row / connected / all rows (ms) | server loaded it from PostgreSQL | live editors |',
    );
    console.log('|---|---|---|---|---|');
    openResults.forEach((r, i) =>
      console.log(
        `| ${i + 1} | ${fixed(r.driverMs)} | ${fixed(r.domContentLoadedMs)} / ${fixed(r.firstRowMs)} / ${fixed(r.connectedMs)} / ${fixed(r.allRowsMs)} | ${r.serverLoaded ? 'yes' : 'no'} | ${r.liveEditors} |`,
      ),
    );
    console.log(
      `| median | ${fixed(median(openResults.map((r) => r.driverMs)))} | ${fixed(median(openResults.map((r) => r.domContentLoadedMs)))} / ${fixed(median(openResults.map((r) => r.firstRowMs)))} / ${fixed(median(openResults.map((r) => r.connectedMs)))} / ${fixed(median(openResults.map((r) => r.allRowsMs)))} |  |  |`,
    );
    console.log(`CPU over the opens: ${cpu(openUsage)}\n`);

    // Type at the end of the last article's Spanish text, as the test does.
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    const editor = page.locator(EDITOR);
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.waitForTimeout(1_000); // let the rows around mount and the page settle
    const live = await server.concordia.collab.registry.peek(documentId);
    if (!live) throw new Error('The document is not open on the server while a page has it');
    const serverText = watchServerText(clauseFragment(live.doc, LAST_CLAUSE_ID, 'es'));
    let perKey: PerKeyResult;
    let burst: BurstResult;
    try {
      perKey = await typePerKey(page, serverText, keys, gapMs);
      await page.waitForTimeout(1_000);
      burst = await typeBurst(page, serverText, keys);
    } finally {
      serverText.stop();
    }
    const p = (values: number[], q: number) => fixed(quantile(values, q));
    console.log(`Typing at the end of "${EDITOR_LABEL}" — ${keys} keys one at a time (${gapMs} ms apart), then ${keys} in one burst`);
    console.log(
      "| phase | keyboard.type() returned (ms): median / p95 | key → in the editor's DOM, seen by the driver (ms): median / p95 / max | key → in the server's Y.Doc (ms): median / p95 / max | Event Timing, key and input events: reported ≥ 16 ms / max / p95 per key press / INP-like (ms) | CPU |",
    );
    console.log('|---|---|---|---|---|---|');
    const ev = (e: EventTimingResult) =>
      `${e.reported} / ${e.reported === 0 ? `< ${EVENT_TIMING_FLOOR_MS}` : fixed(e.maxMs)} / ${underFloor(e.interactionP95Ms)} / ${underFloor(e.inpLikeMs)}`;
    console.log(
      `| one at a time | ${p(perKey.typedMs, 0.5)} / ${p(perKey.typedMs, 0.95)} | ${p(perKey.toDomMs, 0.5)} / ${p(perKey.toDomMs, 0.95)} / ${p(perKey.toDomMs, 1)} | ${p(perKey.toServerMs, 0.5)} / ${p(perKey.toServerMs, 0.95)} / ${p(perKey.toServerMs, 1)} | ${ev(perKey.events)} | ${cpu(perKey.usage)} |`,
    );
    console.log(
      `| burst, per key (total / ${keys}) |  | ${fixed(burst.toDomMs / keys, 1)} (total ${fixed(burst.toDomMs)}) | ${fixed(burst.toServerMs / keys, 1)} (total ${fixed(burst.toServerMs)}) | ${ev(burst.events)} | ${cpu(burst.usage)} |`,
    );
    console.log(`\nLoad average after: ${loadAverage()}`);
    console.log(
      `\nJSON ${JSON.stringify({
        at: new Date().toISOString(),
        cpus: os.cpus().length,
        chromium: browser.version(),
        postgres,
        loadAverage: os.loadavg(),
        opens: openResults,
        openUsage,
        perKey,
        burst,
      })}`,
    );
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
