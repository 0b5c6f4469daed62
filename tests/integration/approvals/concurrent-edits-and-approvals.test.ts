/**
 * A seeded randomized run: several clients edit a few clauses in both languages while the four delegates
 * approve what their screens show (often already stale) and sometimes revoke. Whatever the interleaving,
 * nobody is ever shown "approved" for a text nobody approved. Replay a failure with
 * APPROVALS_FUZZ_SEED=<seed printed in the failure>.
 */
import * as Y from 'yjs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { startTestServer, type TestServer } from '../../utils/test-server';
import { connectClient, type CollabClient } from '../../utils/collab-client';
import { sleep, waitFor } from '../../utils/wait';
import { docFromDatabase } from '../../utils/factories';
import { demo, signIn, textOf, type Demo, type Person } from './approvals-helpers';
import { createRandom, type Random } from '../../utils/prng';
import { deriveMatrixClauses, recordsOfMatrix } from '../../../shared/src/approval-matrix';
import { clauseTextState, documentTextState } from '../../../shared/src/approval-status';
import { canonicalString, clauseFingerprintFromHashes } from '../../../shared/src/canonical';
import { clauseFragment, readClauseJSON } from '../../../shared/src/yjs-layout';
import type { ApprovalMatrix } from '../../../shared/src/api/approvals';

const SEED = Number(process.env.APPROVALS_FUZZ_SEED ?? 20190220);
const STEPS = 120;
const languages = ['en', 'es'];

let server: TestServer;
let d: Demo;
let clients: CollabClient[];
const delegates: Record<string, Person> = {};

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demo(server);
  for (const code of ['US', 'SV', 'GT', 'HN']) delegates[code] = await signIn(server, `${code.toLowerCase()}.delegate@demo.test`);
  clients = [0, 1, 2].map(() => connectClient(server.wsUrl, d.documentId));
  await Promise.all(clients.map((c) => c.synced()));
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server.stop();
});

function randomEdit(random: Random, client: CollabClient, clauseId: string): void {
  const lang = random.pick(languages);
  client.doc.transact(
    () => {
      const paragraph = clauseFragment(client.doc, clauseId, lang)
        .toArray()
        .find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'paragraph');
      const target = paragraph?.get(0);
      if (!(target instanceof Y.XmlText)) return;
      const length = textOf(target).length;
      if (length > 5 && random.chance(0.4)) target.delete(random.int(length - 3), 1 + random.int(3));
      else target.insert(random.int(length + 1), random.text(6));
    },
    { kind: 'fuzz' },
  );
}

/** What a delegate's screen shows for a clause, as the client computes it. */
function seenBy(client: CollabClient, clauseId: string) {
  const state = clauseTextState(client.doc, clauseId, languages);
  const canonical = Object.fromEntries(languages.map((lang) => [lang, canonicalString(readClauseJSON(client.doc, clauseId, lang))]));
  return { fingerprint: state.fingerprint!, canonical };
}

describe(`a seeded randomized run of concurrent edits and approvals (seed ${SEED})`, () => {
  it('never shows "approved" for a text nobody approved', async () => {
    const random = createRandom(SEED);
    const hot = [d.clauseIds[11], d.clauseIds[12], d.clauseIds[13]];
    /** Every fingerprint each Participant's delegate sent for each clause, with the texts their screen showed. */
    const sent = new Map<string, Map<string, Record<string, string>>>();
    const inFlight: Promise<void>[] = [];
    const outcomes: Record<number, number> = {};
    const failures: string[] = [];

    const checkMatrix = async (step: number) => {
      const { status, body } = await delegates.US.request<ApprovalMatrix>('GET', `/api/documents/${d.documentId}/approvals`);
      expect(status).toBe(200);
      for (const clause of body.clauses) {
        for (const [participantId, cellStatus] of Object.entries(clause.statuses)) {
          if (cellStatus !== 'approved') continue;
          const approved = sent.get(`${participantId}/${clause.clauseId}`);
          if (clause.fingerprint === null || !approved?.has(clause.fingerprint)) {
            failures.push(`step ${step}: ${clause.clauseId} shown approved for ${participantId} at ${clause.fingerprint}, which it never approved`);
          }
        }
      }
      // Every client, from its own Y.Doc: approved only for a text that Participant approved.
      const records = recordsOfMatrix(body.clauses);
      for (const [index, client] of clients.entries()) {
        for (const clause of deriveMatrixClauses(documentTextState(client.doc, languages), Object.values(d.participants), records)) {
          for (const [participantId, cellStatus] of Object.entries(clause.statuses)) {
            if (cellStatus === 'approved' && !sent.get(`${participantId}/${clause.clauseId}`)?.has(clause.fingerprint!)) {
              failures.push(`step ${step}: client ${index} shows ${clause.clauseId} approved for ${participantId} at a text never approved`);
            }
          }
        }
      }
    };

    for (let step = 0; step < STEPS; step += 1) {
      const roll = random.next();
      const client = random.pick(clients);
      const clauseId = random.pick(hot);
      if (roll < 0.5) {
        randomEdit(random, client, clauseId);
      } else if (roll < 0.88) {
        const code = random.pick(Object.keys(delegates));
        const participantId = d.participants[code];
        const seen = seenBy(client, clauseId);
        const key = `${participantId}/${clauseId}`;
        if (!sent.has(key)) sent.set(key, new Map());
        sent.get(key)!.set(seen.fingerprint, seen.canonical);
        inFlight.push(
          delegates[code]
            .request('POST', `/api/documents/${d.documentId}/clauses/${clauseId}/approvals`, {
              participantId,
              fingerprint: seen.fingerprint,
              acknowledgeConcordance: true,
            })
            .then(({ status }) => {
              outcomes[status] = (outcomes[status] ?? 0) + 1;
            }),
        );
      } else if (roll < 0.94) {
        const code = random.pick(Object.keys(delegates));
        inFlight.push(
          delegates[code]
            .request('DELETE', `/api/documents/${d.documentId}/clauses/${clauseId}/approvals?participantId=${d.participants[code]}`)
            .then(({ status }) => {
              outcomes[status] = (outcomes[status] ?? 0) + 1;
            }),
        );
      } else {
        await checkMatrix(step);
      }
      if (random.chance(0.3)) await sleep(random.int(15));
    }
    await Promise.all(inFlight);

    // Quiescence: every client has every change; the server, PostgreSQL and every client agree.
    let expected: ReturnType<typeof documentTextState> = [];
    await waitFor(async () => {
      expected = documentTextState(await docFromDatabase(server.concordia.db.pool, d.documentId), languages);
      return clients.every((c) => JSON.stringify(documentTextState(c.doc, languages)) === JSON.stringify(expected));
    }, 'every client and the stored document to converge');
    await checkMatrix(STEPS);
    const { body } = await delegates.GT.request<ApprovalMatrix>('GET', `/api/documents/${d.documentId}/approvals`);
    expect(body.clauses.map((c) => [c.clauseId, c.fingerprint])).toEqual(expected.map((c) => [c.clauseId, c.fingerprint]));
    const fromClient = deriveMatrixClauses(documentTextState(clients[0].doc, languages), Object.values(d.participants), recordsOfMatrix(body.clauses));
    expect(fromClient.map((c) => c.statuses)).toEqual(body.clauses.map((c) => c.statuses));

    // Every stored approval covers exactly the texts its approver's screen showed, and proves it.
    const { rows } = await server.concordia.db.pool.query(
      `SELECT participant_id, clause_id, fingerprint, clause_kind, language_hashes, canonical_texts FROM approvals WHERE kind = 'approval'`,
    );
    for (const row of rows) {
      expect(sent.get(`${row.participant_id}/${row.clause_id}`)?.get(row.fingerprint)).toEqual(row.canonical_texts);
      for (const lang of languages) expect(bytesToHex(sha256(new TextEncoder().encode(row.canonical_texts[lang])))).toBe(row.language_hashes[lang]);
      expect(clauseFingerprintFromHashes({ kind: row.clause_kind, hashes: row.language_hashes })).toBe(row.fingerprint);
    }

    if (failures.length > 0) throw new Error(`seed ${SEED}:\n${failures.join('\n')}`);
    expect(rows.length).toBe(outcomes[201] ?? 0);
    expect(
      Object.keys(outcomes)
        .map(Number)
        .every((s) => [200, 201, 404, 409].includes(s)),
    ).toBe(true);
    expect(outcomes[201]).toBeGreaterThan(0);
    expect(outcomes[409]).toBeGreaterThan(0);
  });
});
