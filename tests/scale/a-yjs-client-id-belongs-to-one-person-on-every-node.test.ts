/**
 * Issue 17, Yjs clientIDs across nodes (server/src/scale/client-id-claims.ts): a clientID belongs to
 * the first person who writes with it, on every node — the claim is made in PostgreSQL before the
 * update is committed. Another person writing under it through another node is refused as on one node
 * (collab/client-ids.ts), and nothing of that update is stored; its owner may still write with it anywhere.
 */
import * as Y from 'yjs';
import { itWithPostgres, nodeCluster, type ClusterNode } from '../utils/spawn-nodes';
import { collabFrame, deniedReason, kindOf, openRawSocket, type RawCollabSocket } from '../utils/raw-collab-socket';
import { DEMO_EMAILS, signIn } from '../utils/people';
import { waitFor } from '../utils/wait';
import { DEFAULT_LANGUAGES, insertClause, newClauseId } from '../../shared/src/index';
import { DEMO_SLUG } from '../../server/src/demo/seed-demo';

jest.setTimeout(120_000);

const cluster = nodeCluster();
let a: ClusterNode;
let b: ClusterNode;
let documentId: string;

beforeAll(async () => {
  [a, b] = await cluster.start(2, { DEMO: '1' });
  documentId = (await cluster.pool().query<{ id: string }>('SELECT id FROM documents WHERE slug = $1', [DEMO_SLUG])).rows[0].id;
});

/** A new clause holding `text`, written under Yjs clientID `clientId`, as one update. */
function clauseUnder(clientId: number, text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
  insertClause(doc, { id: newClauseId(), kind: 'clause', content: { en: content, es: content } }, DEFAULT_LANGUAGES, null, { kind: 'test' });
  return Y.encodeStateAsUpdate(doc);
}

async function syncedWriter(node: ClusterNode, cookie: string | null): Promise<RawCollabSocket> {
  const socket = openRawSocket(node.wsUrl, documentId, { cookie });
  await socket.opened;
  socket.send(collabFrame.syncStep1());
  await socket.waitForFrame((f) => kindOf(f) === 'sync-step2', 'the writer to be synced');
  return socket;
}

const storedText = async () => JSON.stringify((await cluster.stage.database.docFromDatabase(documentId))!.getMap('clauses').toJSON());

itWithPostgres('a second person writing on node B under the clientID the first wrote with on node A is refused, and nothing of it is stored', async () => {
  const clientId = 0x2000_0000 + Math.floor(Math.random() * 0x1000_0000);
  // The first person (the open development writer) writes on node A with the clientID.
  const first = await syncedWriter(a, null);
  first.send(collabFrame.update(clauseUnder(clientId, 'written first on A')));
  await waitFor(async () => (await storedText()).includes('written first on A'), 'the first write to be stored');
  const claimed = await cluster
    .pool()
    .query<{ owner: string }>('SELECT owner FROM client_id_claims WHERE document_id = $1 AND client_id = $2', [documentId, clientId]);
  expect(claimed.rows).toEqual([{ owner: 'developer' }]);

  // Another person, on node B, whose own clientIDs are accepted…
  const secretariat = await signIn(b, DEMO_EMAILS.secretariat);
  const second = await syncedWriter(b, secretariat.cookie);
  second.send(collabFrame.update(clauseUnder(clientId + 1, 'the secretariat under its own id')));
  await waitFor(async () => (await storedText()).includes('the secretariat under its own id'), 'the second person’s own write to be stored');

  // …writes under the first one's clientID: refused, as on one node.
  second.send(collabFrame.update(clauseUnder(clientId, 'taken over on B')));
  const denial = await second.waitForFrame((f) => kindOf(f) === 'auth-denied', 'node B to refuse the update');
  expect(deniedReason(denial)).toMatch(`Yjs client ${clientId} belongs to another person`);

  // The owner may still write under it, on either node; the refused text is nowhere.
  const firstOnB = await syncedWriter(b, null);
  firstOnB.send(collabFrame.update(clauseUnder(clientId + 2, 'a fresh id on B')));
  await waitFor(async () => (await storedText()).includes('a fresh id on B'), 'a later write to be stored');
  expect(await storedText()).not.toContain('taken over on B');
  const rows = await cluster
    .pool()
    .query<{ owner: string }>('SELECT owner FROM client_id_claims WHERE document_id = $1 AND client_id = $2', [documentId, clientId]);
  expect(rows.rows).toEqual([{ owner: 'developer' }]);
  for (const socket of [first, second, firstOnB]) socket.close();
});
