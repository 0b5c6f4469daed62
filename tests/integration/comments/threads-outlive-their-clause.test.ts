/**
 * Deleting a clause takes its id out of the order and keeps its entry (docs/document-model.md §4), so
 * its threads stay readable — with their anchors and quotes — and say their clause was deleted.
 */
import { startTestServer, type TestServer } from '../../utils/test-server';
import { connectClient, type CollabClient } from '../../utils/collab-client';
import { anchorOn, demoFacts, DEMO_EMAILS, listAll, signIn, type DemoFacts, type Person } from './support';
import { waitFor } from '../../utils/wait';
import { deleteClause, restoreClause } from '../../../shared/src/yjs-layout';
import type { CommentThread } from '../../../shared/src/api/comments';

let server: TestServer;
let d: DemoFacts;
let gt: Person;
let observer: Person;
let client: CollabClient;
let clauseId: string;
let opened: CommentThread;

const find = async (who: Person) => (await listAll(who, d.documentId)).find((t) => t.id === opened.id);

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demoFacts(server);
  [gt, observer] = await Promise.all([signIn(server, DEMO_EMAILS.gt), signIn(server, DEMO_EMAILS.observer)]);
  client = connectClient(server.wsUrl, d.documentId);
  await client.synced();
  clauseId = d.traffickingClause;
  const answer = await gt.request('POST', `/api/documents/${d.documentId}/comments`, {
    clauseId,
    language: 'en',
    anchor: anchorOn(client.doc, clauseId, 'en', 'dismantle'),
    body: 'Keep "dismantle".',
  });
  opened = answer.body.thread;
  deleteClause(client.doc, clauseId, { kind: 'test-client' });
  await waitFor(async () => (await find(gt))?.clauseDeleted === true, 'the server to see the clause deleted');
});
afterAll(async () => {
  client.destroy();
  await server.stop();
});

describe('a thread on a clause that is later deleted', () => {
  it('stays readable by everyone who could read it, with its anchor, and says its clause was deleted', async () => {
    for (const who of [gt, observer]) {
      expect(await find(who)).toMatchObject({
        clauseId,
        clauseDeleted: true,
        comments: [{ body: 'Keep "dismantle".' }],
        anchor: { quote: 'dismantle', state: 'present', text: 'dismantle' },
      });
    }
  });

  it('is still counted for its clause', async () => {
    const { body } = await gt.request('GET', `/api/documents/${d.documentId}/comments/counts`);
    expect(body.clauses[clauseId].open).toBeGreaterThanOrEqual(1);
  });

  it('can still be answered and resolved: deleting the clause is what the thread may be about', async () => {
    const reply = await gt.request('POST', `/api/comments/${opened.id}/replies`, { body: 'Deleted on purpose?' });
    expect(reply.status).toBe(201);
    const resolved = await gt.request('POST', `/api/comments/${opened.id}/resolve`, {});
    expect(resolved.body.thread).toMatchObject({ status: 'resolved', clauseDeleted: true });
  });

  it('takes no new thread on the deleted clause', async () => {
    const answer = await gt.request('POST', `/api/documents/${d.documentId}/comments`, { clauseId, body: 'Too late' });
    expect(answer).toMatchObject({ status: 404, body: { error: { code: 'clause_not_found' } } });
  });

  it('is back on its clause when the clause is restored', async () => {
    restoreClause(client.doc, clauseId, null, { kind: 'test-client' });
    await waitFor(async () => (await find(gt))?.clauseDeleted === false, 'the server to see the clause restored');
    expect((await find(gt))?.anchor).toMatchObject({ state: 'present', text: 'dismantle' });
  });
});
