/** The scale-out benchmark's output: one Markdown row per run, then the facts' timings. */
import type { LoadResult, Quantiles } from './spread-load';
import type { FactLatency, FactSample } from './fact-latency';

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const pair = (q: Quantiles) => (q.count === 0 ? '—' : `${fixed(q.p50, 2)} / ${fixed(q.p99, 2)} (${fixed(q.max, 0)})`);
const loads = (l: number[]) => l.map((v) => v.toFixed(2)).join(' ');

export const TABLE_HEADER = [
  '| nodes | scenario | clients / docs / writers | edits/s | same node p50 / p99 (max) ms | cross node p50 / p99 (max) ms | delivered / expected | missing (at connected clients) | dup | closed (codes) | node CPU each | node waiting for a CPU each | Redis CPU | PG backends each | all postgres | commit p50 / p99 ms | generator CPU (waiting) | load before → after | converged |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
].join('\n');

export function printRow(r: LoadResult, withRedis: boolean): void {
  console.log(
    [
      `| ${r.nodes}${r.nodes === 1 ? (withRedis ? ' (Redis on)' : ' (no Redis)') : ''}`,
      r.label,
      `${r.clients} / ${r.documents} / ${r.writers}`,
      fixed(r.editsPerSecond, 0),
      pair(r.same),
      pair(r.cross),
      `${r.delivered} / ${r.expected}`,
      `${r.missing} (${r.missingAtConnected})`,
      String(r.duplicates),
      r.closedClients === 0
        ? '0'
        : `${r.closedClients} (${Object.entries(r.closeCodes)
            .map(([code, count]) => `${count}× ${code}`)
            .join(', ')})`,
      r.nodeCpuPercent.map((c) => `${fixed(c, 0)} %`).join(', '),
      r.nodeWaitPercent.map((c) => `${fixed(c, 0)} %`).join(', '),
      withRedis ? `${fixed(r.redisCpuPercent)} %` : '—',
      r.postgresBackendsCpuPercent.map((c) => `${fixed(c, 0)} %`).join(', '),
      `${fixed(r.postgresMachineCpuPercent, 0)} %`,
      `${fixed(r.commitDuringRun.p50, 2)} / ${fixed(r.commitDuringRun.p99, 2)}`,
      `${fixed(r.generatorCpuPercent, 0)} % (${fixed(r.generatorWaitPercent, 0)} %)`,
      `${loads(r.loadBefore)} → ${loads(r.loadAfter)}`,
      `${r.converged ? 'yes' : 'NO'} (drain ${fixed(r.drainMs / 1000, 1)} s) |`,
    ].join(' | '),
  );
  const streams = r.streams
    .map((s, i) =>
      s
        ? `n${i} ${Object.entries(s)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`
        : null,
    )
    .filter(Boolean);
  if (streams.length > 0) console.log(`|  |  | streams at the end: ${streams.join('; ')} |`);
}

function summary(samples: FactSample[], key: keyof FactSample): string {
  const sorted = samples.map((s) => s[key]).sort((a, b) => a - b);
  if (sorted.length === 0) return 'n/a';
  return `p50 ${fixed(sorted[Math.floor((sorted.length - 1) / 2)], 1)} ms, max ${fixed(sorted[sorted.length - 1], 1)} ms (${sorted.map((v) => fixed(v, 0)).join(', ')})`;
}

export function printFacts(facts: FactLatency): void {
  console.log('\nFacts across two nodes (on node A → on node B), per sample:');
  for (const [what, samples] of [
    ['freeze', facts.freeze],
    ['archive', facts.archive],
  ] as const) {
    console.log(`  ${what} → B's writer refused: from the request ${summary(samples, 'fromRequestMs')}`);
    console.log(`  ${what} → B's writer refused: from the answer ${summary(samples, 'fromAnswerMs')}`);
  }
  console.log(`  sign-out → B's collab socket closed: from the request ${summary(facts.signOut, 'fromRequestMs')}`);
  console.log(`  sign-out → B's collab socket closed: from the answer ${summary(facts.signOut, 'fromAnswerMs')}`);
  for (const note of facts.notes) console.log(`  ${note}`);
}
