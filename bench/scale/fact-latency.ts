/**
 * The "within one second" facts of issue 17, timed: on two nodes seeded with the demo negotiation,
 *  - a freeze on node A (of a copy of the demo negotiation, every clause confirmed and approved first
 *    through the API) until node B's writer is refused (its permission-denied frame);
 *  - an archive on node A (the same `document.status` fact and `documents.setStatus` path on node B,
 *    without the approvals, so cheaper to sample) until node B's writer is refused;
 *  - a sign-out on node A until the person's collab socket on node B is closed.
 * Each sample is timed from the request sent and from its answer (the commit done) on node A.
 */
import { collabFrame, kindOf, deniedReason, openRawSocket } from '../../tests/utils/raw-collab-socket';
import { DEMO_EMAILS, requestAs, signIn, type Person } from '../../tests/utils/people';
import { connectClient } from '../../tests/utils/collab-client';
import { approveEverything, DELEGATES } from '../../tests/scale/support/ready-to-freeze';
import type { BenchCluster } from './cluster';
import type { BenchDatabase } from '../collab/bench-database';
import { DEMO_SLUG } from '../../server/src/demo/seed-demo';

export interface FactSample {
  fromRequestMs: number;
  fromAnswerMs: number;
}

export interface FactLatency {
  freeze: FactSample[];
  archive: FactSample[];
  signOut: FactSample[];
  notes: string[];
}

const TIMEOUT_MS = 10_000;

/** From `action` sent on node A until node B refuses a synced writer of `documentId`. */
async function untilRefused(b: BenchCluster['nodes'][number], documentId: string, action: () => Promise<void>): Promise<FactSample & { reason: string }> {
  const writer = openRawSocket(b.wsUrl, documentId);
  await writer.opened;
  writer.send(collabFrame.syncStep1());
  await writer.waitForFrame((f) => kindOf(f) === 'sync-step2', 'the writer on node B to be synced');
  const denied = writer
    .waitForFrame((f) => kindOf(f) === 'auth-denied', 'node B to refuse its writer', TIMEOUT_MS)
    .then((frame) => ({
      at: performance.now(),
      frame,
    }));
  const sentAt = performance.now();
  await action();
  const answeredAt = performance.now();
  const { at, frame } = await denied;
  writer.close();
  return { fromRequestMs: at - sentAt, fromAnswerMs: at - answeredAt, reason: deniedReason(frame) };
}

export async function measureFactLatency(cluster: BenchCluster, database: BenchDatabase, samples: number, freezes: number): Promise<FactLatency> {
  const [a, b] = cluster.nodes;
  const notes: string[] = [];
  const { rows } = await database.pool.query<{ id: string }>('SELECT id FROM documents WHERE slug = $1', [DEMO_SLUG]);
  const demoId = rows[0].id;
  const secretariat = await signIn(a, DEMO_EMAILS.secretariat);
  const copyOfDemo = async (title: string) => {
    const copy = await secretariat.request('POST', `/api/documents/${demoId}/duplicate`, { title: { en: title, es: title }, text: true });
    if (copy.status !== 201) throw new Error(`duplicate: ${copy.status} ${JSON.stringify(copy.body)}`);
    return copy.body.document.id as string;
  };
  const must = (what: string, answer: { status: number; body: unknown }, status: number) => {
    if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };

  const freeze: FactSample[] = [];
  const delegates: Record<string, Person> = {};
  for (const [code, email] of Object.entries(DELEGATES)) delegates[code] = await signIn(a, email);
  for (let i = 0; i < freezes; i += 1) {
    const documentId = await copyOfDemo(`Bench freeze ${i}`);
    const { rows: codes } = await database.pool.query<{ id: string; code: string }>('SELECT id, code FROM participants WHERE document_id = $1', [documentId]);
    const reader = connectClient(a.wsUrl, documentId);
    await reader.synced();
    await approveEverything({ documentId, participants: Object.fromEntries(codes.map((r) => [r.code, r.id])), secretariat, delegates }, reader.doc);
    reader.destroy();
    const sample = await untilRefused(b, documentId, async () =>
      must('freeze', await secretariat.request('POST', `/api/documents/${documentId}/freeze`, { confirm: true }), 201),
    );
    if (i === 0) notes.push(`node B's denial after the freeze: "${sample.reason}"`);
    freeze.push(sample);
  }

  const archive: FactSample[] = [];
  for (let i = 0; i < samples; i += 1) {
    const documentId = await copyOfDemo(`Bench archive ${i}`);
    const sample = await untilRefused(b, documentId, async () =>
      must('archive', await secretariat.request('POST', `/api/documents/${documentId}/archive`, { confirm: true }), 200),
    );
    if (i === 0) notes.push(`node B's denial after the archive: "${sample.reason}"`);
    archive.push(sample);
  }

  const signOut: FactSample[] = [];
  const people = [DEMO_EMAILS.us, DEMO_EMAILS.sv, DEMO_EMAILS.gt, DEMO_EMAILS.hn, DEMO_EMAILS.observer, DEMO_EMAILS.hnLegal];
  for (let i = 0; i < samples; i += 1) {
    const person = await signIn(b, people[i % people.length]);
    const socket = openRawSocket(b.wsUrl, demoId, { cookie: person.cookie });
    await socket.opened;
    const closed = socket.waitForClose(TIMEOUT_MS).then((c) => ({ at: performance.now(), code: c.code }));
    const sentAt = performance.now();
    const out = await requestAs(a, person, 'POST', '/api/auth/logout');
    const answeredAt = performance.now();
    if (out.status >= 300) throw new Error(`logout: ${out.status} ${JSON.stringify(out.body)}`);
    const { at, code } = await closed;
    if (i === 0) notes.push(`node B closed the signed-out socket with ${code}`);
    signOut.push({ fromRequestMs: at - sentAt, fromAnswerMs: at - answeredAt });
  }
  return { freeze, archive, signOut, notes };
}
