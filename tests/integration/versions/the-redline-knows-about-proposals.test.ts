/**
 * Issue 14, "Versions keep proposals; the redline shows accepted ones as changes by their sponsor, and a
 * version can be compared 'with proposals'", and "a deleted clause can be restored from … a version":
 * a Honduran proposal (co-sponsored by Guatemala) accepted by the secretariat is listed, with its
 * sponsor and who accepted it, among the authors of the change it made — linked by the stored update its
 * decision committed [R1–R6]; compared with proposals, each side shows its open proposals, every part
 * named with the proposal and its sponsor; a clause a version holds and the text no longer does is
 * restored through the route the comparison offers. Stock y-websocket clients, a real server, and
 * PostgreSQL or PGlite.
 */
import * as Y from 'yjs';
import { startWorld, type Credentials, type World } from '../identity/support/world';
import { documentApi, joinAs, writeClause } from '../proposals/support';
import type { CollabClient } from '../../utils/collab-client';
import { waitFor } from '../../utils/wait';
import { clauseFragment, deleteClause, readClauseJSON } from '../../../shared/src/yjs-layout';
import { newProposalId } from '../../../shared/src/proposals';
import type { Comparison, VersionSummary } from '../../../shared/src/api/versions';

jest.setTimeout(120_000);

const CLAUSE = 'c_00000000000000a1';
const OTHER = 'c_00000000000000a2';
const origin = { kind: 'test' };

let world: World;
let secretariat: CollabClient;
let proposal: string;
let before: VersionSummary;
let tabled: VersionSummary;

const api = (who: Credentials, method: string, suffix: string, body?: unknown) => documentApi(world)(who, method, suffix, body);
const compare = async (who: Credentials, query: string): Promise<Comparison> => {
  const answer = await api(who, 'GET', `/compare?${query}`);
  expect(answer.status).toBe(200);
  return answer.body as Comparison;
};
const clauseOf = (comparison: Comparison, id: string) => comparison.clauses.find((c) => c.clauseId === id)!;
const takeVersion = async (name: string): Promise<VersionSummary> => {
  const taken = await api(world.as.secretariat, 'POST', '/versions', { name });
  expect(taken.status).toBe(201);
  return (taken.body as { version: VersionSummary }).version;
};
const firstText = (doc: Y.Doc, lang: string) => (clauseFragment(doc, CLAUSE, lang).get(0) as Y.XmlElement).get(0) as Y.XmlText;

beforeAll(async () => {
  world = await startWorld();
  secretariat = await joinAs(world, world.as.secretariat);
  writeClause(secretariat, CLAUSE);
  writeClause(secretariat, OTHER); // first: a clause written after no clause opens the text
  await waitFor(async () => (await api(world.as.observer, 'GET', '/freeze')).body.clauses?.length === 2, 'both clauses to be stored');
  before = await takeVersion('Before the proposal');

  // Honduras proposes "may" instead of "shall"; Guatemala joins it.
  proposal = newProposalId();
  const honduras = await joinAs(world, world.as.delegateQ);
  honduras.doc.transact(() => {
    const en = firstText(honduras.doc, 'en');
    en.format(17, 5, { deletion: { id: proposal } });
    en.insert(22, 'may', { insertion: { id: proposal } });
  }, origin);
  await waitFor(async () => ((await api(world.as.observer, 'GET', '/proposals')).body.proposals ?? []).length === 1, 'the proposal to be recorded');
  honduras.destroy();
  expect((await api(world.as.delegateP, 'PUT', `/proposals/${proposal}/cosponsors/${world.participantP}`, {})).status).toBe(200);
  tabled = await takeVersion('With the Honduran proposal');
});
afterAll(async () => {
  if (secretariat?.provider.wsconnected) secretariat.destroy();
  await world?.stop();
});

describe('a version compared with proposals', () => {
  it('[R5] shows the proposals a version holds, each part with its proposal and sponsor, apart from the agreed text', async () => {
    const agreed = await compare(world.as.observer, `from=${before.id}&to=${tabled.id}`);
    expect(clauseOf(agreed, CLAUSE).status).toBe('unchanged');
    expect(agreed.withProposals).toBe(false);

    const inline = await compare(world.as.observer, `from=${before.id}&to=${tabled.id}&proposals=include`);
    expect(inline.withProposals).toBe(true);
    const en = clauseOf(inline, CLAUSE).languages.en;
    expect(clauseOf(inline, CLAUSE).status).toBe('changed'); // [R6]
    const sponsor = { sponsorId: world.participantQ, sponsorCode: 'HN' };
    expect(en.parts).toEqual([
      { op: 'equal', text: 'The Participants ' },
      { op: 'delete', text: 'shall' },
      { op: 'insert', text: 'shall', proposals: [{ id: proposal, type: 'deletion', ...sponsor }] },
      { op: 'insert', text: 'may', proposals: [{ id: proposal, type: 'insertion', ...sponsor }] },
      { op: 'equal', text: ' cooperate.' },
    ]);
    expect(en.authors).toEqual([{ id: world.users.delegateQ.id, displayName: expect.any(String) as string }]);
    expect(clauseOf(inline, CLAUSE).languages.es.changed).toBe(false);
    expect(inline.participants?.map((p) => p.code)).toEqual(['GT', 'HN']);
    expect(inline.participants?.[1]).toMatchObject({ id: world.participantQ, color: '#336699' });
  });

  it('refuses a value of `proposals` it does not know', async () => {
    expect((await api(world.as.observer, 'GET', `/compare?from=${before.id}&proposals=all`)).status).toBe(400);
  });
});

describe('an accepted proposal in the redline', () => {
  beforeAll(async () => {
    expect((await api(world.as.secretariat, 'POST', `/proposals/${proposal}/accept`, {})).status).toBe(200);
  });

  it('records the stored update the acceptance committed on the proposal', async () => {
    const { rows } = await world.pool.query<{ decided_update_id: string | null; origin: string; user_id: string | null }>(
      `SELECT p.decided_update_id, u.origin, u.user_id FROM proposals p JOIN document_updates u ON u.id = p.decided_update_id
        WHERE p.document_id = $1 AND p.id = $2`,
      [world.documentId, proposal],
    );
    expect(rows).toEqual([{ decided_update_id: expect.any(String) as string, origin: 'server', user_id: null }]);
    // Exactly that row: the text stored up to the row before it holds the proposal, and with it, no longer.
    const updates = await world.pool.query<{ id: string; update: Buffer }>(
      'SELECT id, update FROM document_updates WHERE document_id = $1 AND id <= $2 ORDER BY id',
      [world.documentId, rows[0].decided_update_id],
    );
    const replay = new Y.Doc();
    const holdsProposal = () => JSON.stringify(readClauseJSON(replay, CLAUSE, 'en')).includes(proposal);
    for (const row of updates.rows.slice(0, -1)) Y.applyUpdate(replay, new Uint8Array(row.update));
    expect(holdsProposal()).toBe(true);
    Y.applyUpdate(replay, new Uint8Array(updates.rows[updates.rows.length - 1].update));
    expect(holdsProposal()).toBe(false);
    replay.destroy();
  });

  it('lists the proposal, its sponsor, co-sponsor and who accepted it among the authors of the change, not the server', async () => {
    const comparison = await compare(world.as.observer, `from=${before.id}`);
    const en = clauseOf(comparison, CLAUSE).languages.en;
    expect(en.parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: 'shall' },
      { op: 'insert', text: 'may' },
    ]);
    expect(en.authors.map((a) => a.id)).toEqual([world.users.delegateQ.id]);
    expect(en.proposals).toEqual([
      {
        id: proposal,
        status: 'accepted',
        sponsor: { id: world.participantQ, code: 'HN', name: { en: 'HN (en)', es: 'HN (es)' } },
        cosponsors: [{ id: world.participantP, code: 'GT', name: { en: 'GT (en)', es: 'GT (es)' } }],
        decidedBy: { id: world.users.secretariat.id, displayName: expect.any(String) as string },
        decidedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
      },
    ]);
    // From the version that held it, the only change is the acceptance: the proposal, and nobody else.
    const since = await compare(world.as.observer, `from=${tabled.id}`);
    expect(clauseOf(since, CLAUSE).languages.en).toMatchObject({ changed: true, authors: [], proposals: [{ id: proposal, status: 'accepted' }] });
    expect(clauseOf(since, CLAUSE).languages.es).toMatchObject({ changed: false, authors: [] });
  });

  it('[R5] shows, with proposals, the proposal leaving and its insertion entering the agreed text', async () => {
    const comparison = await compare(world.as.observer, `from=${tabled.id}&proposals=include`);
    const en = clauseOf(comparison, CLAUSE).languages.en;
    const sponsor = { sponsorId: world.participantQ, sponsorCode: 'HN' };
    expect(en.parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: 'shall', proposals: [{ id: proposal, type: 'deletion', ...sponsor }] },
      { op: 'delete', text: 'may', proposals: [{ id: proposal, type: 'insertion', ...sponsor }] },
      { op: 'insert', text: 'may' },
    ]);
    expect(en.proposals).toMatchObject([{ id: proposal, status: 'accepted', sponsor: { code: 'HN' } }]);
  });
});

describe('restoring a clause from a version', () => {
  beforeAll(async () => {
    secretariat.doc.transact(() => deleteClause(secretariat.doc, OTHER, origin), origin);
    await waitFor(async () => (await api(world.as.observer, 'GET', '/freeze')).body.clauses?.length === 1, 'the deletion to be stored');
  });

  it('offers it to those who may change the structure, comparing with the text now only', async () => {
    const shown = await compare(world.as.secretariat, `from=${before.id}`);
    expect(clauseOf(shown, OTHER).status).toBe('removed');
    expect(shown.mayRestore).toBe(true);
    expect((await compare(world.as.observer, `from=${before.id}`)).mayRestore).toBe(false);
    expect((await compare(world.as.secretariat, `from=${before.id}&to=${tabled.id}`)).mayRestore).toBe(false);
  });

  it('restores it through the route where it stood (first), and the comparison no longer shows it removed', async () => {
    const shown = await compare(world.as.secretariat, `from=${before.id}`);
    expect(shown.clauses.map((c) => `${c.clauseId}:${c.status}`)).toEqual([`${OTHER}:removed`, `${CLAUSE}:changed`]); // [R4]
    const restored = await api(world.as.secretariat, 'POST', `/clauses/${OTHER}/restore`, { afterId: null });
    expect(restored.status).toBe(200);
    expect(restored.body).toEqual({ clauseId: OTHER, afterId: null });
    const again = await compare(world.as.secretariat, `from=${before.id}`);
    expect(clauseOf(again, OTHER)).toMatchObject({ status: 'unchanged', moved: false });
    expect(again.clauses.map((c) => c.clauseId)).toEqual([OTHER, CLAUSE]);
  });
});
