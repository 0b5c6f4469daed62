/**
 * Issue 14, "Integrity: the server enforces it, not the UI": stock y-websocket clients (no Concordia
 * client code) as the secretariat and two delegations, on a real server and PostgreSQL.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { startWorld, type Credentials, type World } from '../identity/support/world';
import { documentApi, joinAs, writeClause } from './support';
import type { CollabClient } from '../../utils/collab-client';
import { sleep, waitFor } from '../../utils/wait';
import { clauseFingerprint } from '../../../shared/src/canonical';
import { clauseFragment, readClauseJSON } from '../../../shared/src/yjs-layout';
import { agreedJSON, newProposalId, proposedJSON } from '../../../shared/src/proposals';
import { plainText } from '../../../shared/src/canonical';

const CLAUSE = 'c_0000000000000007';
const origin = { kind: 'test' };

let world: World;
let secretariat: CollabClient;
beforeAll(async () => {
  world = await startWorld();
  secretariat = await join(world.as.secretariat);
  writeClause(secretariat, CLAUSE);
  await waitFor(async () => (await storedRows()) > 0, 'the clause to be stored');
});
afterAll(async () => {
  secretariat?.destroy();
  await world.stop();
});

const join = (who: Credentials) => joinAs(world, who);

/** Denials (y-protocols auth messages, "permission denied") a client receives from now on. */
function denials(client: CollabClient): string[] {
  const seen: string[] = [];
  const handlers = (client.provider as unknown as { messageHandlers: Array<(e: unknown, d: decoding.Decoder) => void> }).messageHandlers;
  handlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) seen.push(decoding.readVarString(decoder));
  };
  return seen;
}

async function storedRows(): Promise<number> {
  const { rows } = await world.pool.query<{ n: string }>('SELECT count(*) AS n FROM document_updates WHERE document_id = $1', [world.documentId]);
  return Number(rows[0].n);
}

function firstText(doc: Y.Doc, lang: string): Y.XmlText {
  const paragraph = clauseFragment(doc, CLAUSE, lang).get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

const textOf = (doc: Y.Doc, lang: string) => plainText(readClauseJSON(doc, CLAUSE, lang));
const proposedOf = (doc: Y.Doc, lang: string) => plainText(proposedJSON(readClauseJSON(doc, CLAUSE, lang)));
const fingerprintOf = (doc: Y.Doc) =>
  clauseFingerprint({ kind: 'clause', texts: { en: agreedJSON(readClauseJSON(doc, CLAUSE, 'en')), es: agreedJSON(readClauseJSON(doc, CLAUSE, 'es')) } });

const api = (who: Credentials, method: string, suffix: string, body?: unknown) => documentApi(world)(who, method, suffix, body);

it('only the secretariat sets the phase, and it is audited', async () => {
  expect((await api(world.as.delegateQ, 'PUT', '/phase', { phase: 'negotiation' })).status).toBe(403);
  const set = await api(world.as.secretariat, 'PUT', '/phase', { phase: 'negotiation' });
  expect(set.status).toBe(200);
  expect(set.body).toEqual({ documentId: world.documentId, phase: 'negotiation' });
  const { rows } = await world.pool.query("SELECT subject FROM audit_events WHERE document_id = $1 AND action = 'document.phase_changed'", [world.documentId]);
  expect(rows.map((r) => r.subject.phase)).toEqual(['negotiation']);
  const me = await api(world.as.delegateQ, 'GET', '');
  expect(me.body.me.permissions).toEqual(expect.arrayContaining(['proposal.create', 'proposal.position']));
  expect(me.body.me.permissions).not.toContain('document.edit_text');
});

it('refuses a delegate’s plain edit of the agreed text: not applied, not stored, not relayed, kept for its author', async () => {
  const honduras = await join(world.as.delegateQ);
  const denied = denials(honduras);
  const rowsBefore = await storedRows();
  firstText(honduras.doc, 'en').insert(4, 'two ');
  await waitFor(() => denied.length > 0, 'the denial');
  expect(denied[0]).toMatch(/^refused: the negotiation phase/);
  await sleep(200);
  expect(await storedRows()).toBe(rowsBefore);
  expect(textOf(secretariat.doc, 'en')).toBe('The Participants shall cooperate.');
  const keptRows = () => world.pool.query("SELECT user_id FROM rejected_updates WHERE document_id = $1 AND reason = 'refused'", [world.documentId]);
  await waitFor(async () => (await keptRows()).rows.length > 0, 'the refused update to be kept');
  const kept = await keptRows();
  expect(kept.rows.map((r) => r.user_id)).toEqual([world.users.delegateQ.id]);
  honduras.destroy();
});

it('accepts a proposal as tracked changes, records its sponsor from the membership, and leaves the fingerprint alone', async () => {
  const before = fingerprintOf(secretariat.doc);
  const honduras = await join(world.as.delegateQ);
  const id = newProposalId();
  honduras.doc.transact(() => {
    const text = firstText(honduras.doc, 'en');
    text.format(17, 5, { deletion: { id } }); // "shall"
    text.insert(22, 'may', { insertion: { id } });
  }, origin);
  await waitFor(() => proposedOf(secretariat.doc, 'en') === 'The Participants may cooperate.', 'the proposal to reach the secretariat');
  expect(textOf(secretariat.doc, 'en')).toBe('The Participants shall cooperate.');
  expect(fingerprintOf(secretariat.doc)).toBe(before);

  await waitFor(async () => (await api(world.as.observer, 'GET', '/proposals')).body.proposals?.length === 1, 'the proposal to be recorded');
  const listed = (await api(world.as.observer, 'GET', '/proposals')).body.proposals[0];
  expect(listed).toMatchObject({ id, clauseId: CLAUSE, sponsorParticipantId: world.participantQ, status: 'open', author: { id: world.users.delegateQ.id } });
  expect(listed.changes.en).toEqual([
    { type: 'deletion', text: 'shall' },
    { type: 'insertion', text: 'may' },
  ]);
  honduras.destroy();
});

it('refuses another delegation claiming, growing or deleting that proposal', async () => {
  const [proposal] = (await api(world.as.observer, 'GET', '/proposals')).body.proposals;
  const attempts: Array<(text: Y.XmlText) => void> = [
    (text) => text.insert(0, 'Both ', { insertion: { id: proposal.id } }), // a mark claiming Honduras's proposal
    (text) => text.delete(22, 3), // deleting Honduras's insertion "may"
    (text) => text.format(17, 5, { deletion: null }), // un-deleting Honduras's deletion
  ];
  for (const attempt of attempts) {
    const guatemala = await join(world.as.delegateP);
    const denied = denials(guatemala);
    guatemala.doc.transact(() => attempt(firstText(guatemala.doc, 'en')), origin);
    await waitFor(() => denied.length > 0, 'the denial');
    expect(denied[0]).toMatch(/^refused: /);
    guatemala.destroy();
  }
  await sleep(200);
  expect(proposedOf(secretariat.doc, 'en')).toBe('The Participants may cooperate.');
  expect(textOf(secretariat.doc, 'en')).toBe('The Participants shall cooperate.');
});

it('records positions for one’s own Participant only', async () => {
  const [proposal] = (await api(world.as.observer, 'GET', '/proposals')).body.proposals;
  const own = await api(world.as.delegateP, 'PUT', `/proposals/${proposal.id}/positions/${world.participantP}`, { position: 'opposes', note: 'Keep “shall”.' });
  expect(own.status).toBe(200);
  expect(own.body.proposal.positions).toEqual([expect.objectContaining({ participantId: world.participantP, position: 'opposes', note: 'Keep “shall”.' })]);
  const other = await api(world.as.delegateP, 'PUT', `/proposals/${proposal.id}/positions/${world.participantQ}`, { position: 'supports' });
  expect(other.status).toBe(403);
  const bad = await api(world.as.delegateQ, 'PUT', `/proposals/${proposal.id}/positions/${world.participantQ}`, { position: 'maybe' });
  expect(bad.status).toBe(400);
});

it('lets another delegation co-sponsor a proposal and leave it, for its own Participant only', async () => {
  const [proposal] = (await api(world.as.observer, 'GET', '/proposals')).body.proposals;
  const joined = await api(world.as.delegateP, 'PUT', `/proposals/${proposal.id}/cosponsors/${world.participantP}`, {});
  expect(joined.status).toBe(200);
  expect(joined.body.proposal.cosponsorParticipantIds).toEqual([world.participantP]);
  expect((await api(world.as.delegateP, 'PUT', `/proposals/${proposal.id}/cosponsors/${world.participantQ}`, {})).status).toBe(403);
  expect((await api(world.as.delegateQ, 'PUT', `/proposals/${proposal.id}/cosponsors/${world.participantQ}`, {})).body.error.code).toBe('conflict');
  const left = await api(world.as.delegateP, 'DELETE', `/proposals/${proposal.id}/cosponsors/${world.participantP}`);
  expect(left.body.proposal.cosponsorParticipantIds).toEqual([]);
  const rejoined = await api(world.as.delegateP, 'PUT', `/proposals/${proposal.id}/cosponsors/${world.participantP}`, {});
  expect(rejoined.body.proposal.cosponsorParticipantIds).toEqual([world.participantP]);
});

it('lets one of two conflicting decisions win; accepting changes the agreed text', async () => {
  const [proposal] = (await api(world.as.observer, 'GET', '/proposals')).body.proposals;
  expect((await api(world.as.delegateQ, 'POST', `/proposals/${proposal.id}/accept`, {})).status).toBe(403);
  const answers = await Promise.all([
    api(world.as.secretariat, 'POST', `/proposals/${proposal.id}/accept`, {}),
    api(world.as.secretariat, 'POST', `/proposals/${proposal.id}/reject`, {}),
  ]);
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses).toEqual([200, 409]);
  const winner = answers.find((a) => a.status === 200)!;
  expect(answers.find((a) => a.status === 409)!.body.error.code).toBe('proposal_not_open');
  const expected = winner.body.proposal.status === 'accepted' ? 'The Participants may cooperate.' : 'The Participants shall cooperate.';
  await waitFor(() => textOf(secretariat.doc, 'en') === expected && proposedOf(secretariat.doc, 'en') === expected, 'the decision to reach the clients');
  expect(winner.body.proposal.changes.en).toEqual([
    { type: 'deletion', text: 'shall' },
    { type: 'insertion', text: 'may' },
  ]);
});
