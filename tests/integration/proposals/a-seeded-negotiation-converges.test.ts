/**
 * Issue 14, "Tests": a seeded random round of a negotiation — three delegations tabling and extending
 * proposals through stock y-websocket clients, positions and decisions through the API, all at once —
 * converges: every client holds the same text, equal to what PostgreSQL rebuilds, whose agreed text
 * changed only by accepted proposals, with every proposal in it recorded for the Participant that wrote it.
 * A client whose update lost a race (its proposal was decided meanwhile) is refused and starts again
 * from the server's text, as our client does.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { startWorld, type Credentials, type World } from '../identity/support/world';
import { connectClient, type CollabClient } from '../../utils/collab-client';
import { requestAs } from '../../utils/people';
import { createRandom, type Random } from '../../utils/prng';
import { sleep, waitFor } from '../../utils/wait';
import { docFromDatabase } from '../../utils/factories';
import { documentJSON } from '../../utils/clause-edits';
import { clauseFragment, clauseOrder, insertClause, readClauseJSON } from '../../../shared/src/yjs-layout';
import { newProposalId, proposalIds } from '../../../shared/src/proposals';
import { canonicalString } from '../../../shared/src/canonical';
import { schema } from '../../../shared/src/schema';
import { Node as PMNode } from 'prosemirror-model';

const SEED = Number(process.env.PROPOSAL_SEED ?? 14);
const ROUNDS = 60;
const CLAUSES = ['c_00000000000000c1', 'c_00000000000000c2', 'c_00000000000000c3'];
const origin = { kind: 'test' };

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

interface Delegate {
  who: Credentials;
  participantId: string;
  client: CollabClient;
  /** The proposals this delegation tabled, per clause (a proposal lives in one clause). */
  mine: Map<string, Set<string>>;
  refusals: number;
}

function join(who: Credentials): CollabClient {
  return connectClient(world.server.wsUrl, world.documentId, { headers: { cookie: who.cookie ?? '' } });
}

function watchRefusals(delegate: Delegate): void {
  const handlers = (delegate.client.provider as unknown as { messageHandlers: Array<(e: unknown, d: decoding.Decoder) => void> }).messageHandlers;
  handlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) !== 0) return;
    decoding.readVarString(decoder);
    delegate.refusals += 1;
    // Start again from the server's text, as the workspace does after a refusal.
    const old = delegate.client;
    delegate.client = join(delegate.who);
    watchRefusals(delegate);
    setTimeout(() => old.destroy(), 0);
  };
}

function texts(doc: Y.Doc, clauseId: string): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  for (const lang of ['en', 'es']) {
    const paragraph = clauseFragment(doc, clauseId, lang).get(0);
    if (paragraph instanceof Y.XmlElement && paragraph.get(0) instanceof Y.XmlText) out.push(paragraph.get(0) as Y.XmlText);
  }
  return out;
}

/** One honest move by a delegation: a new proposal, or more text in one of its own. */
function propose(delegate: Delegate, random: Random): void {
  const doc = delegate.client.doc;
  const clauseId = random.pick(CLAUSES);
  if (clauseOrder(doc).length < CLAUSES.length) return; // not synced yet
  const [text] = random.chance(0.5) ? texts(doc, clauseId) : texts(doc, clauseId).reverse();
  if (!text) return;
  const delta = text.toDelta() as { insert: string; attributes?: Record<string, { id: string }> }[];
  // The agreed runs (no proposal of anyone on them) are what a new deletion may mark.
  let offset = 0;
  const agreed: { offset: number; length: number }[] = [];
  for (const op of delta) {
    if (!op.attributes?.insertion && !op.attributes?.deletion && op.insert.length > 0) agreed.push({ offset, length: op.insert.length });
    offset += op.insert.length;
  }
  const mine = delegate.mine.get(clauseId) ?? new Set<string>();
  delegate.mine.set(clauseId, mine);
  const id = random.chance(0.5) && mine.size > 0 ? random.pick([...mine]) : newProposalId();
  mine.add(id);
  doc.transact(() => {
    if (agreed.length > 0 && random.chance(0.4)) {
      const run = random.pick(agreed);
      const length = random.between(1, Math.min(4, run.length));
      text.format(run.offset + random.int(run.length - length + 1), length, { deletion: { id } });
    } else {
      text.insert(random.int(text.length + 1), random.text(6) || 'x', { insertion: { id } });
    }
  }, origin);
}

async function decideSome(random: Random, delegates: Delegate[]): Promise<void> {
  const { body } = await requestAs(world.server, world.as.secretariat, 'GET', `/api/documents/${world.documentId}/proposals?status=open`);
  const open = body.proposals as { id: string }[];
  if (open.length === 0) return;
  const proposal = random.pick(open);
  const delegate = random.pick(delegates);
  const calls = [
    requestAs(world.server, delegate.who, 'PUT', `/api/documents/${world.documentId}/proposals/${proposal.id}/positions/${delegate.participantId}`, {
      position: random.pick(['supports', 'opposes', 'reserves']),
    }),
  ];
  if (random.chance(0.5)) {
    calls.push(
      requestAs(
        world.server,
        world.as.secretariat,
        'POST',
        `/api/documents/${world.documentId}/proposals/${proposal.id}/${random.pick(['accept', 'reject'])}`,
        {},
      ),
    );
  }
  for (const answer of await Promise.all(calls)) {
    // A decision may lose to another, or find its text gone; nothing else is acceptable.
    if (answer.status !== 200) expect(['proposal_not_open', 'proposal_text_gone']).toContain(answer.body.error.code);
  }
}

const agreedText = (doc: Y.Doc) => CLAUSES.map((id) => ['en', 'es'].map((lang) => canonicalString(readClauseJSON(doc, id, lang))).join('|')).join('\n');

it(`converges, and PostgreSQL holds what every client holds (seed ${SEED})`, async () => {
  const random = createRandom(SEED);
  const secretariat = join(world.as.secretariat);
  await secretariat.synced();
  secretariat.doc.transact(() => {
    let after: string | null = null;
    for (const [i, id] of CLAUSES.entries()) {
      const p = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
      insertClause(
        secretariat.doc,
        {
          id,
          kind: 'clause',
          content: { en: p(`Article ${i + 1}: the Participants shall cooperate.`), es: p(`Artículo ${i + 1}: los Participantes cooperarán.`) },
        },
        ['en', 'es'],
        after,
        origin,
      );
      after = id;
    }
  }, origin);
  expect((await requestAs(world.server, world.as.secretariat, 'PUT', `/api/documents/${world.documentId}/phase`, { phase: 'negotiation' })).status).toBe(200);

  const delegates: Delegate[] = [
    { who: world.as.delegateP, participantId: world.participantP, client: join(world.as.delegateP), mine: new Map(), refusals: 0 },
    { who: world.as.delegateQ, participantId: world.participantQ, client: join(world.as.delegateQ), mine: new Map(), refusals: 0 },
  ];
  delegates.forEach(watchRefusals);
  await Promise.all(delegates.map((d) => d.client.synced()));
  await waitFor(() => delegates.every((d) => clauseOrder(d.client.doc).length === CLAUSES.length), 'the clauses to reach the delegations');
  const agreedBefore = agreedText(secretariat.doc);

  for (let round = 0; round < ROUNDS; round += 1) {
    for (const delegate of delegates) if (random.chance(0.7)) propose(delegate, random);
    if (random.chance(0.35)) await decideSome(random, delegates);
    await sleep(random.int(15));
  }

  const everyone = () => [secretariat, ...delegates.map((d) => d.client)];
  await waitFor(
    () => {
      const [first, ...rest] = everyone().map((c) => Y.encodeStateAsUpdate(c.doc));
      const reference = new Y.Doc();
      Y.applyUpdate(reference, first);
      return rest.every((update) => {
        const other = new Y.Doc();
        Y.applyUpdate(other, update);
        return JSON.stringify(documentJSON(other)) === JSON.stringify(documentJSON(reference));
      });
    },
    'every client to converge',
    20_000,
  );
  await world.server.concordia.collab.updateLog.whenIdle();
  const stored = await docFromDatabase(world.pool, world.documentId);
  expect(documentJSON(stored)).toEqual(documentJSON(secretariat.doc));

  // Every proposal left in the text is recorded, for the Participant of whoever wrote it.
  const { rows } = await world.pool.query<{ id: string; sponsor_participant_id: string; status: string }>(
    'SELECT id, sponsor_participant_id, status FROM proposals WHERE document_id = $1',
    [world.documentId],
  );
  const recorded = new Map(rows.map((r) => [r.id, r]));
  const sponsorOf = new Map(delegates.flatMap((d) => [...d.mine.values()].flatMap((ids) => [...ids].map((id) => [id, d.participantId] as const))));
  for (const clauseId of CLAUSES) {
    for (const lang of ['en', 'es']) {
      for (const id of proposalIds(PMNode.fromJSON(schema, readClauseJSON(stored, clauseId, lang)))) {
        expect(recorded.get(id)).toMatchObject({ sponsor_participant_id: sponsorOf.get(id), status: 'open' });
      }
    }
  }
  // The agreed text changed only if a proposal was accepted.
  if (!rows.some((r) => r.status === 'accepted')) expect(agreedText(stored)).toBe(agreedBefore);
  expect(rows.length).toBeGreaterThan(5);
  console.log(
    `seed ${SEED}: ${rows.length} proposals, ${rows.filter((r) => r.status !== 'open').length} decided, refusals ${delegates.map((d) => d.refusals).join('/')}`,
  );
  for (const client of everyone()) client.destroy();
});
