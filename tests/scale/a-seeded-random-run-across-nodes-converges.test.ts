/**
 * Issue 17, the seeded random run: stock y-websocket clients spread over three nodes type in two
 * clauses, move to another node (as a load balancer sends them), and in some seeds a node is stopped
 * (SIGTERM or kill -9) and started again while they type. Every seed ends with all clients converged,
 * equal to the document PostgreSQL alone rebuilds, with every marker anyone typed in it.
 *
 * The nodes start once for the suite; each seed has a fresh document. A failing seed prints itself:
 * replay it with SEED=<n> (or FUZZ_SEED=<n>) npx jest tests/scale/a-seeded-random-run-across-nodes-converges.
 */
import * as Y from 'yjs';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { itWithPostgres, nodeCluster, type ClusterNode } from '../utils/spawn-nodes';
import { waitFor } from '../utils/wait';
import { seedClauses } from '../utils/clause-edits';
import { createRandom, type Random } from '../utils/prng';
import { withSeed } from '../utils/fuzz-seeds';
import { clauseFragment, getClause } from '../../shared/src/index';
import { markers, sameState } from './support/typing';

jest.setTimeout(180_000);

const TEST_PATH = 'tests/scale/a-seeded-random-run-across-nodes-converges.test.ts';
const NODES = 3;
/** One seed in RESTART_EVERY stops and restarts a node (a restart costs seconds; a seed costs well under one). */
const RESTART_EVERY = 8;
const one = process.env.SEED ?? process.env.FUZZ_SEED;
const seeds = one ? [Number(one)] : Array.from({ length: Number(process.env.SCALE_SEEDS ?? 50) }, (_, i) => i + 1);

const cluster = nodeCluster();
let nodes: ClusterNode[] = [];
beforeAll(async () => {
  nodes = await cluster.start(NODES);
});

interface Seat {
  client: CollabClient;
  node: number;
}

const clauseText = (doc: Y.Doc, clauseId: string) => ['en', 'es'].map((lang) => clauseFragment(doc, clauseId, lang).toString()).join('|');

function firstText(doc: Y.Doc, clauseId: string, lang: string): Y.XmlText {
  return (clauseFragment(doc, clauseId, lang).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** One random edit by `seat`: a marker at either end of c0 (never lost, never cut), or free text inserted or deleted anywhere in c1. */
function edit(random: Random, seat: Seat, writer: number, n: number, trail: string[]): string | null {
  const lang = random.pick(['en', 'es'] as const);
  const doc = seat.client.doc;
  if (random.chance(0.6)) {
    const marker = `~w${writer}.${n}~`;
    const text = firstText(doc, 'c0', lang);
    const atStart = random.chance(0.3);
    doc.transact(() => text.insert(atStart ? 0 : text.length, marker), { kind: 'test' });
    trail.push(`client ${writer} on node ${seat.node} types ${marker} at the ${atStart ? 'start' : 'end'} of c0/${lang}`);
    return marker;
  }
  const text = firstText(doc, 'c1', lang);
  if (text.length > 10 && random.chance(0.4)) {
    const at = random.int(text.length - 1);
    const length = Math.min(random.between(1, 6), text.length - at);
    doc.transact(() => text.delete(at, length), { kind: 'test' });
    trail.push(`client ${writer} on node ${seat.node} deletes ${length} at ${at} of c1/${lang}`);
  } else {
    const at = random.int(text.length + 1);
    const inserted = random.text(8).replace(/~/g, '');
    doc.transact(() => text.insert(at, inserted), { kind: 'test' });
    trail.push(`client ${writer} on node ${seat.node} inserts ${JSON.stringify(inserted)} at ${at} of c1/${lang}`);
  }
  return null;
}

/** The client leaves its node and comes back through another, with its own copy (what it typed offline included). */
function moveTo(seat: Seat, node: number, documentId: string): void {
  seat.client.provider.destroy();
  seat.client = connectClient(nodes[node].wsUrl, documentId, { doc: seat.client.doc });
  seat.node = node;
}

async function restartNode(random: Random, index: number, seats: Seat[], documentId: string, trail: string[]): Promise<void> {
  const signal = random.chance(0.5) ? 'SIGKILL' : 'SIGTERM';
  trail.push(`node ${index} stopped with ${signal}`);
  await nodes[index].server.kill(signal);
  // Its clients go to the others at once (their edits meanwhile stay in their copies).
  const others = nodes.map((_, i) => i).filter((i) => i !== index);
  for (const seat of seats.filter((s) => s.node === index)) moveTo(seat, random.pick(others), documentId);
  [nodes[index]] = await cluster.start(1);
  trail.push(`node ${index} started again`);
}

async function runSeed(seed: number, trail: string[]): Promise<void> {
  const random = createRandom(seed);
  const documentId = await cluster.stage.database.createDocument();
  const seats: Seat[] = Array.from({ length: random.between(2, 4) }, () => {
    const node = random.int(NODES);
    return { client: connectClient(nodes[node].wsUrl, documentId), node };
  });
  trail.push(`${seats.length} clients on nodes ${seats.map((s) => s.node).join(', ')}`);
  try {
    await Promise.all(seats.map((s) => s.client.synced()));
    seedClauses(seats[0].client.doc, 2);
    await waitFor(() => seats.every((s) => getClause(s.client.doc, 'c1') !== undefined), 'the clauses to reach every client');

    const typed: string[] = [];
    const restartAt = seed % RESTART_EVERY === 0 ? random.between(3, 10) : -1;
    const steps = random.between(12, 24);
    for (let step = 0; step < steps; step += 1) {
      if (step === restartAt) await restartNode(random, random.int(NODES), seats, documentId, trail);
      const roll = random.next();
      if (roll < 0.12) {
        const writer = random.int(seats.length);
        const node = (seats[writer].node + 1 + random.int(NODES - 1)) % NODES;
        trail.push(`client ${writer} moves from node ${seats[writer].node} to node ${node}`);
        moveTo(seats[writer], node, documentId);
      } else if (roll < 0.2) {
        await new Promise((resolve) => setTimeout(resolve, random.int(40)));
      } else {
        const burst = random.between(1, 3);
        for (let i = 0; i < burst; i += 1) {
          const writer = random.int(seats.length);
          const marker = edit(random, seats[writer], writer, step * 10 + i, trail);
          if (marker) typed.push(marker);
        }
      }
      if (random.chance(0.5)) await new Promise((resolve) => setImmediate(resolve));
    }

    const docs = () => seats.map((s) => s.client.doc);
    await waitFor(
      () => docs().every((d) => sameState(d, docs()[0]) && clauseText(d, 'c1') === clauseText(docs()[0], 'c1') && markers(d).size === typed.length),
      () =>
        `every client to converge (markers ${docs()
          .map((d) => markers(d).size)
          .join(', ')} of ${typed.length})`,
      20_000,
    );
    await waitFor(async () => sameState((await cluster.stage.database.docFromDatabase(documentId))!, docs()[0]), 'PostgreSQL to hold what every client holds');
    const stored = (await cluster.stage.database.docFromDatabase(documentId))!;
    for (const doc of docs()) {
      expect(clauseText(doc, 'c0')).toBe(clauseText(stored, 'c0'));
      expect(clauseText(doc, 'c1')).toBe(clauseText(stored, 'c1'));
    }
    expect([...markers(stored)].sort()).toEqual([...typed].sort());
  } finally {
    for (const seat of seats) seat.client.destroy();
  }
}

describe('a seeded random run of edits, reconnections across nodes and node restarts', () => {
  for (const seed of seeds) {
    itWithPostgres(`converges on what PostgreSQL holds (seed ${seed})`, () => withSeed(seed, TEST_PATH, (trail) => runSeed(seed, trail)));
  }
});
