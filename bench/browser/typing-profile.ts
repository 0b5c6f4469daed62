/**
 * `npx tsx bench/browser/typing-profile.ts`: where Chromium spends a key press at the end of the
 * 300-clause agreement (issue 18), and the issue's client targets, alone and with 5 other people typing.
 *
 *   BENCH_DATABASE_URL  PostgreSQL to use (default TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_OPENS         opens per scenario (default 5)
 *   BENCH_KEYS          keys per typing phase (default 40), typed at BENCH_KEY_RATE per second (default 5)
 *   BENCH_REMOTES       remote stock y-websocket clients of the second scenario (default 5; 0 = skip it),
 *                       each typing BENCH_REMOTE_RATE keys per second (default 2) into a clause of its own
 *   BENCH_SAMPLING_US   CPU profiler sampling interval (default 100 µs)
 *
 * Per scenario: opens (goto → connection up and the 300 rows attached, a new page each time, after the
 * server unloaded the document); a profiled typing phase (CDP Profiler.start/stop around the keys: self
 * time per function divided by the keys, mapped through the build's source maps; the top 15 print);
 * then an unprofiled phase for the figures: key → in the editor's DOM (driver, each animation frame),
 * Event Timing p95 per key press, Chromium CPU (every process below this one) in % of one core.
 * Load average is printed beside every phase. The production build (dist/client) is used, as in
 * bench/browser/large-document.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { cpuDelta, cpuSeconds } from '../collab/process-usage';
import { startTestServer, type TestServer } from '../../tests/utils/test-server';
import { ensureClientBuilt, launchBrowser, ROOT } from '../../tests/utils/browser';
import { LARGE_AGREEMENT_CLAUSES, LAST_ARTICLE, seedLargeAgreement } from '../../tests/utils/large-agreement';
import { signIn } from '../../tests/e2e/support/workspace-page';
import { connectClient, type CollabClient } from '../../tests/utils/collab-client';
import { typeInto } from '../../tests/utils/clause-edits';

const DELEGATE = 'us.delegate@demo.test';
const EDITOR = `.clause-text:not(.clause-static)[aria-label="${LAST_ARTICLE}, Spanish text"]`;
const TYPED = ' Los Participantes informaran cada ano sobre el estado de este asunto y de sus resultados.';
const EVENT_TIMING_FLOOR_MS = 16;

const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

// ---- Chromium's CPU (every process below this one) ----

function descendantsCpu(): Map<number, number> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended while we looked
    }
  }
  const usage = new Map<number, number>();
  const queue = [...(children.get(process.pid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const seconds = cpuSeconds(pid);
    if (seconds !== null) usage.set(pid, seconds);
    queue.push(...(children.get(pid) ?? []));
  }
  return usage;
}

// ---- The CPU profile, self time per function ----

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const maps = new Map<string, TraceMap | null>();
function sourceMapFor(url: string): TraceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let map: TraceMap | null = null;
  const match = /\/assets\/[^?#]+\.js/.exec(url);
  if (match) {
    const file = path.join(ROOT, 'dist/client', `${match[0]}.map`);
    if (fs.existsSync(file)) map = new TraceMap(fs.readFileSync(file, 'utf8'));
  }
  maps.set(url, map);
  return map;
}

/** "name (source:line)" through the build's source maps, or the profile's own names. */
function describeFrame({ functionName, url, lineNumber, columnNumber }: ProfileNode['callFrame']): string {
  if (!url) return functionName || '(anonymous)';
  const map = sourceMapFor(url);
  if (map && lineNumber >= 0) {
    const original = originalPositionFor(map, { line: lineNumber + 1, column: Math.max(0, columnNumber) });
    if (original.source) {
      const source = original.source.replace(/^(\.\.\/)+/, '').replace(/^node_modules\//, '');
      return `${original.name ?? functionName ?? '(anonymous)'} (${source}:${original.line})`;
    }
  }
  return `${functionName || '(anonymous)'} (${url.replace(/^.*\//, '')}:${lineNumber + 1})`;
}

/** Self time per function, in ms per key press, largest first. */
function selfTimePerKey(profile: Profile, keys: number): { name: string; msPerKey: number }[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const node = nodes.get(profile.samples[i]);
    const delta = profile.timeDeltas[i + 1] ?? 0;
    if (!node) continue;
    const name = describeFrame(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + delta / 1000);
  }
  return [...self.entries()].map(([name, ms]) => ({ name, msPerKey: ms / keys })).sort((a, b) => b.msPerKey - a.msPerKey);
}

// ---- The trace: what the renderer's main thread did (style, layout, paint…) ----

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

async function startTrace(cdp: CDPSession) {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink,v8', transferMode: 'ReportEvents' });
  return {
    async stop(): Promise<TraceEvent[]> {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await done;
      return events;
    },
  };
}

/** Complete events of the renderer's main thread: self time (their own, less the events nested in them) and count per key, largest first. */
function traceTotals(events: TraceEvent[], keys: number): { name: string; msPerKey: number; countPerKey: number }[] {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const totals = new Map<string, { ms: number; count: number }>();
  const stack: { end: number; name: string }[] = [];
  const add = (name: string, us: number, count: number) => {
    const total = totals.get(name) ?? { ms: 0, count: 0 };
    total.ms += us / 1000;
    total.count += count;
    totals.set(name, total);
  };
  for (const e of complete) {
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) add(parent.name, -Math.min(e.dur!, parent.end - e.ts), 0);
    add(e.name, e.dur!, 1);
    stack.push({ end: e.ts + e.dur!, name: e.name });
  }
  return [...totals.entries()].map(([name, t]) => ({ name, msPerKey: t.ms / keys, countPerKey: t.count / keys })).sort((a, b) => b.msPerKey - a.msPerKey);
}

// ---- Typing ----

const START_EVENT_TIMING = `(() => {
  window.__events = [];
  window.__eventObserver?.disconnect();
  window.__eventObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (/^key|input/.test(e.name)) window.__events.push({ duration: e.duration, interactionId: e.interactionId ?? 0 });
    }
  });
  window.__eventObserver.observe({ type: 'event', durationThreshold: ${EVENT_TIMING_FLOOR_MS}, buffered: false });
})()`;

/** p95 over key presses of each press's longest event; presses with nothing reported are under 16 ms (null). */
async function eventTimingP95(page: Page, keys: number): Promise<number | null> {
  await page.waitForTimeout(500);
  const entries = (await page.evaluate('window.__events')) as { duration: number; interactionId: number }[];
  const byPress = new Map<number, number>();
  for (const e of entries) if (e.interactionId > 0) byPress.set(e.interactionId, Math.max(e.duration, byPress.get(e.interactionId) ?? 0));
  const slowest = [...byPress.values()].sort((a, b) => b - a);
  const fromTop = keys - Math.ceil(0.95 * keys);
  return fromTop < slowest.length ? slowest[fromTop] : null;
}

const domLength = (page: Page) => page.evaluate((selector) => (document.querySelector(selector)?.textContent ?? '').length, EDITOR);

interface TypingResult {
  toDomMs: number[];
  eventP95Ms: number | null;
  chromiumPercent: number;
  load: string;
}

/** Keys at `rate` per second at the end of the last article's Spanish text. */
async function typeKeys(page: Page, keys: number, rate: number): Promise<TypingResult> {
  const start = await domLength(page);
  await page.evaluate(START_EVENT_TIMING);
  const cpuBefore = descendantsCpu();
  const began = performance.now();
  const toDomMs: number[] = [];
  for (let i = 0; i < keys; i += 1) {
    const slot = began + (i * 1000) / rate;
    if (performance.now() < slot) await sleep(slot - performance.now());
    const sent = performance.now();
    await page.keyboard.type(TYPED[i % TYPED.length]);
    await page.waitForFunction(
      ([selector, expected]) => (document.querySelector(selector)?.textContent ?? '').length >= expected,
      [EDITOR, start + i + 1] as const,
      {
        polling: 'raf',
        timeout: 15_000,
      },
    );
    toDomMs.push(performance.now() - sent);
  }
  const end = began + (keys * 1000) / rate;
  if (performance.now() < end) await sleep(end - performance.now());
  const seconds = (performance.now() - began) / 1000;
  const chromiumPercent = (cpuDelta(cpuBefore, descendantsCpu()) / seconds) * 100;
  return { toDomMs, eventP95Ms: await eventTimingP95(page, keys), chromiumPercent, load: loadAverage() };
}

// ---- Opening ----

const OPEN_PROBE = `(() => {
  const rows = document.getElementsByClassName('clause-row');
  const connected = document.getElementsByClassName('connection-connected');
  const tick = () => {
    if (connected.length > 0 && rows.length >= ${LARGE_AGREEMENT_CLAUSES}) window.__open = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** A new page; unless others keep the document open, after the server unloaded it (so it loads it again). */
async function openPage(
  server: TestServer,
  context: BrowserContext,
  documentId: string,
  othersOpen: boolean,
): Promise<{ page: Page; driverMs: number; inPageMs: number }> {
  const deadline = Date.now() + 15_000;
  while (!othersOpen && server.concordia.collab.registry.openCount > 0 && Date.now() < deadline) await sleep(50);
  const page = await context.newPage();
  await page.addInitScript(OPEN_PROBE);
  const started = performance.now();
  await page.goto(`${server.url}/documents/${documentId}`);
  await page.waitForFunction(() => (window as unknown as { __open?: number }).__open !== undefined, null, { timeout: 60_000 });
  const driverMs = performance.now() - started;
  return { page, driverMs, inPageMs: (await page.evaluate('window.__open')) as number };
}

// ---- Remote people typing ----

function startRemotes(server: TestServer, documentId: string, cookie: string, count: number, rate: number) {
  const clients: CollabClient[] = [];
  const timers: NodeJS.Timeout[] = [];
  let keys = 0;
  return {
    async start() {
      for (let i = 0; i < count; i += 1) {
        const client = connectClient(server.wsUrl, documentId, { headers: { cookie } });
        await client.synced();
        clients.push(client);
        const clauseId = `big_${1 + i * 7}`; // articles near the top, none a heading
        timers.push(
          setInterval(() => {
            typeInto(client.doc, clauseId, 'en', 'abcdefghij'[keys % 10]);
            keys += 1;
          }, 1000 / rate),
        );
      }
    },
    stop() {
      for (const t of timers) clearInterval(t);
      for (const c of clients) c.destroy();
      return keys;
    },
  };
}

// ---- The run ----

async function scenario(
  name: string,
  server: TestServer,
  context: BrowserContext,
  documentId: string,
  opens: number,
  keys: number,
  rate: number,
  othersOpen: boolean,
): Promise<unknown> {
  console.log(`\n## ${name} — load average ${loadAverage()}`);
  let page: Page | null = null;
  const openMs: number[] = [];
  const inPageMs: number[] = [];
  for (let i = 0; i < opens; i += 1) {
    if (page) await page.close();
    const opened = await openPage(server, context, documentId, othersOpen);
    page = opened.page;
    openMs.push(opened.driverMs);
    inPageMs.push(opened.inPageMs);
  }
  if (!page) throw new Error('BENCH_OPENS must be at least 1');
  console.log(
    `open (goto → connected and ${LARGE_AGREEMENT_CLAUSES} rows attached), driver: ${openMs.map((v) => fixed(v)).join(', ')} ms, median ${fixed(quantile(openMs, 0.5))} ms; in page median ${fixed(quantile(inPageMs, 0.5))} ms — load average ${loadAverage()}`,
  );

  await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
  const editor = page.locator(EDITOR);
  await editor.waitFor();
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(1_000);

  // Profiled phase.
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: number('BENCH_SAMPLING_US', 100) });
  await cdp.send('Profiler.start');
  const trace = await startTrace(cdp);
  const profiled = await typeKeys(page, keys, rate);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const events = await trace.stop();
  await cdp.send('Profiler.disable');
  await cdp.detach();
  const top = selfTimePerKey(profile, keys);
  const busy = top.filter((t) => t.name !== '(idle)').reduce((sum, t) => sum + t.msPerKey, 0);
  console.log(
    `\nCPU profile, ${keys} keys at ${rate}/s — self time per key press (ms), top 15 of ${fixed(busy, 1)} ms busy per key — load average ${profiled.load}`,
  );
  console.log('| function (source) | ms per key |');
  console.log('|---|---|');
  for (const t of top.filter((t) => t.name !== '(idle)').slice(0, 15)) console.log(`| ${t.name} | ${fixed(t.msPerKey, 2)} |`);
  const byModule = new Map<string, number>();
  for (const t of top) {
    const source = /\(([^:()]+):\d+\)$/.exec(t.name)?.[1];
    const module = source ? (source.startsWith('client/') || source.startsWith('shared/') ? source : source.split('/')[0]) : t.name;
    byModule.set(module, (byModule.get(module) ?? 0) + t.msPerKey);
  }
  console.log(`\nThe same by source file (ours) or package — ms per key press`);
  console.log('| source | ms per key |');
  console.log('|---|---|');
  for (const [module, ms] of [...byModule.entries()]
    .filter(([m]) => m !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15))
    console.log(`| ${module} | ${fixed(ms, 2)} |`);

  console.log(`\nTrace of the same keys, renderer main thread — ms per key press self time by event (less the events nested in it)`);
  console.log('| event | ms per key | count per key |');
  console.log('|---|---|---|');
  for (const e of traceTotals(events, keys).slice(0, 12)) console.log(`| ${e.name} | ${fixed(e.msPerKey, 2)} | ${fixed(e.countPerKey, 1)} |`);

  await page.waitForTimeout(1_000);
  // The driver's own floor: one evaluate round trip (key → DOM takes a keyboard.type and at least one of these).
  const roundTrips: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const sent = performance.now();
    await page.evaluate(() => 0);
    roundTrips.push(performance.now() - sent);
  }
  const measured = await typeKeys(page, keys, rate);
  const p = (q: number) => fixed(quantile(measured.toDomMs, q), 1);
  console.log(
    `\nunprofiled, ${keys} keys at ${rate}/s: key → editor's DOM median ${p(0.5)} / p95 ${p(0.95)} / max ${p(1)} ms; Event Timing p95 per key press ${measured.eventP95Ms === null ? `< ${EVENT_TIMING_FLOOR_MS}` : fixed(measured.eventP95Ms)} ms; Chromium ${fixed(measured.chromiumPercent)} % of a core; driver round trip (page.evaluate) median ${fixed(quantile(roundTrips, 0.5), 1)} ms — load average ${measured.load}`,
  );
  await page.close();
  return { name, openMs, inPageMs, profiledToDomMs: profiled.toDomMs, measured, roundTrips, top: top.slice(0, 30) };
}

async function main(): Promise<void> {
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const opens = number('BENCH_OPENS', 5);
  const keys = number('BENCH_KEYS', 40);
  const rate = number('BENCH_KEY_RATE', 5);
  const remoteCount = number('BENCH_REMOTES', 5);
  const remoteRate = number('BENCH_REMOTE_RATE', 2);
  await ensureClientBuilt();
  let server: TestServer | null = null;
  let browser: Browser | null = null;
  try {
    server = await startTestServer({ DEMO: '1' });
    const documentId = await seedLargeAgreement(server.concordia.db.pool, DELEGATE);
    browser = await launchBrowser();
    console.log(
      `Typing profile, ${LARGE_AGREEMENT_CLAUSES}-clause agreement — ${new Date().toISOString()}; ${os.cpus().length} cores, Chromium ${browser.version()}`,
    );
    const us = await signIn(browser, server.url, DELEGATE, 'en-US');
    await us.page.close();
    const results: unknown[] = [await scenario('alone', server, us.context, documentId, opens, keys, rate, false)];
    if (remoteCount > 0) {
      const cookie = (await us.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      const remotes = startRemotes(server, documentId, cookie, remoteCount, remoteRate);
      await remotes.start();
      try {
        results.push(
          await scenario(
            `with ${remoteCount} remote y-websocket clients typing ${remoteRate} keys/s each`,
            server,
            us.context,
            documentId,
            opens,
            keys,
            rate,
            true,
          ),
        );
      } finally {
        console.log(`remote keys typed: ${remotes.stop()}`);
      }
    }
    console.log(`\nload average after: ${loadAverage()}`);
    console.log(`\nJSON ${JSON.stringify({ at: new Date().toISOString(), results })}`);
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
