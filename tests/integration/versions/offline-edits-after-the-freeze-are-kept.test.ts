/**
 * Edits that reach the server after the freeze — an offline client reconnecting — are not applied
 * but kept, attributed to their author and shown to them ("not applied: the text was frozen").
 * Nothing is silently lost, and nobody else sees them.
 */
import { approveEverything, currentPlainText, freeze, liveDoc, startWorld, type World } from './support';
import { connectClient, type CollabClient } from '../../utils/collab-client';
import { waitFor } from '../../utils/wait';
import { typeInto } from '../../utils/clause-edits';
import { documentTextState } from '../../../shared/src/approval-status';
import type { ActivityEvent, RejectedUpdates } from '../../../shared/src/api/versions';

let world: World;
let guatemala: CollabClient;
let clauseId: string;
let warn: jest.SpyInstance;

beforeAll(async () => {
  // y-websocket reports the server's "permission denied" with console.warn: expected here.
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  world = await startWorld();
  clauseId = world.d.clauseIds[12];
  await approveEverything(world);
});
afterAll(async () => {
  guatemala?.destroy();
  warn.mockRestore();
  await world.server.stop();
});

it('keeps an offline edit that arrives after the freeze, attributed to its author, without applying it', async () => {
  guatemala = connectClient(world.server.wsUrl, world.d.documentId, { headers: { Cookie: world.delegates.GT.cookie } });
  await guatemala.synced();
  guatemala.provider.disconnect();
  typeInto(guatemala.doc, clauseId, 'es', ' (enmienda sin conexión de Guatemala)');
  const before = JSON.stringify(documentTextState(await liveDoc(world.server, world.d.documentId), ['en', 'es']));

  expect((await freeze(world)).status).toBe(201);
  guatemala.provider.connect();
  await waitFor(async () => {
    const { rows } = await world.server.concordia.db.pool.query('SELECT 1 FROM rejected_updates WHERE user_id = $1', [world.delegates.GT.userId]);
    return rows.length > 0;
  }, 'the offline edit to be kept');

  const { rows } = await world.server.concordia.db.pool.query<{ user_id: string; reason: string; document_id: string }>(
    'SELECT user_id, reason, document_id FROM rejected_updates',
  );
  expect(rows.every((r) => r.user_id === world.delegates.GT.userId && r.reason === 'frozen' && r.document_id === world.d.documentId)).toBe(true);
  expect(JSON.stringify(documentTextState(await liveDoc(world.server, world.d.documentId), ['en', 'es']))).toBe(before);
  expect(await currentPlainText(world.server, world.d.documentId, clauseId, 'es')).not.toContain('enmienda sin conexión');
});

it('shows the author what was not applied, word by word', async () => {
  const { status, body } = await world.delegates.GT.request<RejectedUpdates>('GET', `/api/documents/${world.d.documentId}/rejected-updates`);
  expect(status).toBe(200);
  expect(body.updates.length).toBeGreaterThan(0);
  expect(body.updates.every((u) => u.reason === 'frozen' && u.bytes > 0)).toBe(true);
  expect(body.changes).toHaveLength(1);
  expect(body.changes[0]).toMatchObject({ clauseId, inText: true });
  expect(body.changes[0].languages.es.filter((p) => p.op !== 'equal')).toEqual([{ op: 'insert', text: ' (enmienda sin conexión de Guatemala)' }]);
  expect(body.changes[0].languages.en.every((p) => p.op === 'equal')).toBe(true);
});

it('shows nobody else the refused edit, in the list or in their activity feed, but the secretariat sees that it happened', async () => {
  for (const person of [world.delegates.US, world.secretariat, world.observer]) {
    const { body } = await person.request<RejectedUpdates>('GET', `/api/documents/${world.d.documentId}/rejected-updates`);
    expect(body).toEqual({ updates: [], changes: [] });
  }
  const feed = async (person: typeof world.secretariat) =>
    (await person.request<{ events: ActivityEvent[] }>('GET', `/api/documents/${world.d.documentId}/activity?limit=200`)).body.events.filter(
      (e) => e.action === 'collab.update_rejected',
    );
  expect((await feed(world.delegates.GT)).length).toBeGreaterThan(0);
  expect((await feed(world.delegates.GT))[0]).toMatchObject({ actor: { id: world.delegates.GT.userId }, subject: { reason: 'frozen' } });
  expect((await feed(world.secretariat)).length).toBeGreaterThan(0);
  expect(await feed(world.delegates.US)).toEqual([]);
  expect(await feed(world.observer)).toEqual([]);
});
