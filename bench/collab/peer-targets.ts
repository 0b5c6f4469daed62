/**
 * Issue 18's server targets, each as a ratio to the better real peer measured in the same run
 * (≤ 1 is met): p99 ≤ better peer's p99 + one durable commit (at 50 × 5/s and 200 × 1/s), p99 ≤ 20 ms
 * at 200 × 5/s, server CPU per delivered update ≤ Hocuspocus's, server RSS ≤ 1.5 × Hocuspocus's.
 */
import type { ScenarioResult } from './typing-scenario';

export const PEER_LABELS = ['y-websocket-server', 'hocuspocus'] as const;

export interface TargetRow {
  scenario: string;
  target: string;
  concordia: number;
  bar: number;
  ratio: number;
  met: boolean;
  how: string;
}

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

function row(scenario: string, target: string, concordia: number, bar: number, how: string): TargetRow {
  const ratio = concordia / bar;
  return { scenario, target, concordia, bar, ratio, met: ratio <= 1, how };
}

/** The rows of one scenario (one Concordia result and the peers beside it); `commitP99` is one commit measured in the same run. */
export function peerTargets(results: ScenarioResult[], commitP99: number): TargetRow[] {
  const concordia = results.find((r) => r.target === 'Concordia');
  const peers = results.filter((r) => (PEER_LABELS as readonly string[]).includes(r.target));
  const hocuspocus = results.find((r) => r.target === 'hocuspocus');
  if (!concordia || peers.length === 0) return [];
  const scenario = `${concordia.clients} × ${concordia.rate}/s`;
  const better = peers.reduce((a, b) => (b.latency.p99 < a.latency.p99 ? b : a));
  const rows: TargetRow[] = [];
  if (concordia.clients === 200 && concordia.rate === 5) {
    rows.push(row(scenario, 'p99 ≤ 20 ms (no collapse)', concordia.latency.p99, 20, `better peer ${better.target} p99 ${fixed(better.latency.p99)} ms`));
  } else {
    rows.push(
      row(
        scenario,
        'p99 ≤ better peer p99 + one commit',
        concordia.latency.p99,
        better.latency.p99 + commitP99,
        `${better.target} ${fixed(better.latency.p99)} ms + commit p99 ${fixed(commitP99)} ms`,
      ),
    );
  }
  if (hocuspocus) {
    rows.push(
      row(
        scenario,
        'server CPU per delivered update ≤ Hocuspocus',
        concordia.serverCpuMicrosPerDelivered,
        hocuspocus.serverCpuMicrosPerDelivered,
        `µs per delivered update`,
      ),
    );
    rows.push(
      row(
        scenario,
        'server RSS ≤ 1.5 × Hocuspocus',
        concordia.serverRssMaxMiB,
        1.5 * hocuspocus.serverRssMaxMiB,
        `Hocuspocus ${fixed(hocuspocus.serverRssMaxMiB, 1)} MiB × 1.5`,
      ),
    );
  }
  return rows;
}

export function printTargets(rows: TargetRow[]): void {
  console.log('\n| scenario | target | Concordia | bar (same run) | ratio | met? | bar from |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.scenario} | ${r.target} | ${fixed(r.concordia)} | ${fixed(r.bar)} | ${fixed(r.ratio)} | ${r.met ? 'met' : 'not met'} | ${r.how} |`);
}
