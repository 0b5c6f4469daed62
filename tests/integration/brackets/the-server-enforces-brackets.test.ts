/**
 * Issue 15, brackets [B1]–[B5]: stock y-websocket clients (no Concordia client code) as the secretariat,
 * two delegations, a legal reviewer and an observer, on a real server and database. The freeze names
 * each open bracket [F2].
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { startWorld, type Credentials, type World } from '../identity/support/world';
import { documentApi, joinAs, writeClause } from '../proposals/support';
import type { CollabClient } from '../../utils/collab-client';
import { sleep, waitFor } from '../../utils/wait';
import { clauseFragment, readClauseJSON } from '../../../shared/src/yjs-layout';
import { plainText } from '../../../shared/src/canonical';
import { newBracketId } from '../../../shared/src/brackets';
import { clauseBrackets } from '../../../server/src/brackets/bracket-text';

const CLAUSE = 'c_0000000000000015';
const origin = { kind: 'test' };
const LANGS = ['en', 'es'];

let world: World;
let secretariat: CollabClient;
beforeAll(async () => {
  world = await startWorld();
  secretariat = await joinAs(world, world.as.secretariat);
  writeClause(secretariat, CLAUSE);
  await waitFor(
    async () => (await world.pool.query('SELECT 1 FROM document_updates WHERE document_id = $1', [world.documentId])).rows.length > 0,
    'the clause',
  );
});
afterAll(async () => {
  secretariat?.destroy();
  await world.stop();
});

const api = (who: Credentials, method: string, suffix: string, body?: unknown) => documentApi(world)(who, method, suffix, body);
const firstText = (doc: Y.Doc, lang: string) => (clauseFragment(doc, CLAUSE, lang).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** Denials (y-protocols auth messages) a client receives from now on. */
function denials(client: CollabClient): string[] {
  const seen: string[] = [];
  const handlers = (client.provider as unknown as { messageHandlers: Array<(e: unknown, d: decoding.Decoder) => void> }).messageHandlers;
  handlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) seen.push(decoding.readVarString(decoder));
  };
  return seen;
}

/** Tries one change as that person; resolves with the denials seen (none: accepted). */
async function attempt(who: Credentials, change: (doc: Y.Doc) => void, settle = 400): Promise<string[]> {
  const client = await joinAs(world, who);
  const denied = denials(client);
  client.doc.transact(() => change(client.doc), origin);
  await sleep(settle);
  client.destroy();
  return denied;
}

let bracket = '';

it('lets a delegate bracket a passage in both languages (one linked bracket) in the negotiation phase', async () => {
  expect((await api(world.as.secretariat, 'PUT', '/phase', { phase: 'negotiation' })).status).toBe(200);
  bracket = newBracketId();
  const denied = await attempt(world.as.delegateQ, (doc) => {
    firstText(doc, 'en').format(17, 5, { bracket: { id: bracket } }); // "shall"
    firstText(doc, 'es').format(18, 10, { bracket: { id: bracket } }); // "cooperarán"
  });
  expect(denied).toEqual([]);
  await waitFor(() => clauseBrackets(secretariat.doc, CLAUSE, LANGS).has(bracket), 'the bracket to reach the secretariat');
  expect(clauseBrackets(secretariat.doc, CLAUSE, LANGS).get(bracket)).toEqual({ en: ['shall'], es: ['cooperarán'] });
});

it('refuses a bracket from the secretariat, the legal reviewer and an observer', async () => {
  for (const who of [world.as.secretariat, world.as.reviewer, world.as.observer]) {
    const id = newBracketId();
    const denied = await attempt(who, (doc) => firstText(doc, 'en').format(0, 3, { bracket: { id } }));
    expect(denied.length).toBeGreaterThan(0);
    expect(clauseBrackets(secretariat.doc, CLAUSE, LANGS).has(id)).toBe(false);
  }
});

it('refuses another delegation, or the same one, removing or spreading the bracket by a client update', async () => {
  const changes: Array<(doc: Y.Doc) => void> = [
    (doc) => firstText(doc, 'en').format(17, 5, { bracket: null }),
    (doc) => firstText(doc, 'es').delete(18, 10),
    (doc) => firstText(doc, 'en').format(0, 3, { bracket: { id: bracket } }),
  ];
  for (const who of [world.as.delegateP, world.as.delegateQ]) {
    for (const change of changes) expect((await attempt(who, change, 300)).length).toBeGreaterThan(0);
  }
  expect(clauseBrackets(secretariat.doc, CLAUSE, LANGS).get(bracket)).toEqual({ en: ['shall'], es: ['cooperarán'] });
});

it('names the open bracket among the freeze blockers', async () => {
  const status = await api(world.as.observer, 'GET', '/freeze');
  expect(status.status).toBe(200);
  expect(status.body.blockers).toContainEqual({ reason: 'brackets', clauseId: CLAUSE, participantId: null, languages: ['en', 'es'], bracketId: bracket });
});

const textOf = (doc: Y.Doc, lang: string) => plainText(readClauseJSON(doc, CLAUSE, lang));

it('lets only the secretariat clear a bracket; keeping the text removes the marks in both languages, audited', async () => {
  expect((await api(world.as.delegateQ, 'POST', `/brackets/${bracket}/clear`, { keep: 'text' })).status).toBe(403);
  expect((await api(world.as.secretariat, 'POST', `/brackets/${bracket}/clear`, { keep: 'maybe' })).status).toBe(400);
  expect((await api(world.as.secretariat, 'POST', '/brackets/b_00000000000000ff/clear', { keep: 'text' })).status).toBe(404);
  const cleared = await api(world.as.secretariat, 'POST', `/brackets/${bracket}/clear`, { keep: 'text' });
  expect(cleared.status).toBe(200);
  expect(cleared.body.bracket).toEqual({
    bracketId: bracket,
    clauseId: CLAUSE,
    keep: 'text',
    languages: ['en', 'es'],
    runs: { en: ['shall'], es: ['cooperarán'] },
  });
  await waitFor(() => !clauseBrackets(secretariat.doc, CLAUSE, LANGS).has(bracket), 'the clear to reach the clients');
  expect([textOf(secretariat.doc, 'en'), textOf(secretariat.doc, 'es')]).toEqual(['The Participants shall cooperate.', 'Los Participantes cooperarán.']);
  const { rows } = await world.pool.query("SELECT subject FROM audit_events WHERE document_id = $1 AND action = 'bracket.cleared'", [world.documentId]);
  expect(rows.map((r) => r.subject)).toEqual([{ bracketId: bracket, clauseId: CLAUSE, keep: 'text', languages: ['en', 'es'] }]);
  expect((await api(world.as.observer, 'GET', '/freeze')).body.blockers.filter((b: { reason: string }) => b.reason === 'brackets')).toEqual([]);
});

it('deletes the bracketed text, and converges with a delegate typing inside the bracket meanwhile (drafting phase)', async () => {
  expect((await api(world.as.secretariat, 'PUT', '/phase', { phase: 'drafting' })).status).toBe(200);
  const id = newBracketId();
  const guatemala = await joinAs(world, world.as.delegateP);
  guatemala.doc.transact(() => firstText(guatemala.doc, 'en').format(17, 5, { bracket: { id } }), origin);
  await waitFor(() => clauseBrackets(secretariat.doc, CLAUSE, LANGS).has(id), 'the bracket');
  // Guatemala types inside the bracket while the secretariat deletes it.
  const clearing = api(world.as.secretariat, 'POST', `/brackets/${id}/clear`, { keep: 'delete' });
  guatemala.doc.transact(() => firstText(guatemala.doc, 'en').insert(19, 'XY', { bracket: { id } }), origin);
  expect((await clearing).status).toBe(200);
  await waitFor(() => textOf(guatemala.doc, 'en') === textOf(secretariat.doc, 'en') && !clauseBrackets(secretariat.doc, CLAUSE, LANGS).has(id), 'convergence');
  await sleep(300);
  expect(textOf(guatemala.doc, 'en')).toBe(textOf(secretariat.doc, 'en'));
  expect(textOf(secretariat.doc, 'en')).not.toContain('shall');
  guatemala.destroy();
});
