/**
 * A confirmed import reaches the live document in steps (built on a worker thread, applied 25 clauses
 * at a time so the event loop keeps serving everyone), yet an open workspace never sees part of it:
 * the clause entries come first, outside the order, and the order last, in one update. Every state a
 * stock y-websocket client passes through shows either the text before the import or all of it.
 */
import * as Y from 'yjs';
import type { TestServer } from '../../utils/test-server';
import { connectClient, type CollabClient } from '../../utils/collab-client';
import { manyArticlesText } from '../../utils/bad-import-files';
import { waitFor } from '../../utils/wait';
import { clauseItems, clauseOrder, getClause, orderArray, readClauseJSON } from '../../../shared/src/yjs-layout';
import { newNegotiation, signIn, startImportServer, storedClauses, type Person } from './support';

const CLAUSES = 300;

let server: TestServer;
let secretariat: Person;
let client: CollabClient | null = null;

beforeAll(async () => {
  server = await startImportServer();
  secretariat = await signIn(server, 'secretariat@demo.test');
});
afterEach(() => {
  client?.destroy();
  client = null;
});
afterAll(async () => {
  await server.stop();
});

async function preview(documentId: string, count: number, word: string): Promise<string> {
  const text = manyArticlesText(count).toString('utf8').replaceAll('Text', word);
  const answer = await secretariat.upload(`/api/documents/${documentId}/import/preview`, { en: { name: `${word}.txt`, bytes: text, type: 'text/plain' } });
  expect(answer.status).toBe(201);
  return answer.body.preview.id as string;
}

/**
 * The length of the order (as stored, before any reader skips an id) after every update the client
 * applies, and how many times an id in it had no complete clause entry (kind and both texts) then.
 */
function watchOrder(doc: Y.Doc): { lengths: number[]; incomplete: number } {
  const seen = { lengths: [] as number[], incomplete: 0 };
  doc.on('afterTransaction', () => {
    const order = orderArray(doc).toArray();
    if (seen.lengths[seen.lengths.length - 1] !== order.length) seen.lengths.push(order.length);
    for (const id of order) {
      const entry = getClause(doc, id);
      if (!entry || !(entry.get('en') instanceof Y.XmlFragment) || !(entry.get('es') instanceof Y.XmlFragment)) seen.incomplete += 1;
    }
  });
  return seen;
}

it(`shows an open workspace none of a ${CLAUSES}-clause import until it shows all of it`, async () => {
  const documentId = await newNegotiation(secretariat);
  const previewId = await preview(documentId, CLAUSES, 'Imported');
  client = connectClient(server.wsUrl, documentId);
  await client.synced();
  const seen = watchOrder(client.doc);

  const answer = await secretariat.request('POST', `/api/documents/${documentId}/import`, { previewId, mode: 'replace', operations: [] });
  expect(answer.status).toBe(200);
  expect(answer.body.clauseIds).toHaveLength(CLAUSES);
  await waitFor(() => clauseOrder(client!.doc).length === CLAUSES, 'the import in the workspace', 20_000);

  expect(seen.lengths).toEqual([0, CLAUSES]);
  expect(seen.incomplete).toBe(0);
  expect(clauseOrder(client.doc)).toEqual(answer.body.clauseIds);
  expect((await storedClauses(server, documentId)).map((clause) => clause.kind)).toEqual(Array(CLAUSES).fill('clause'));
});

it('replaces a text in one step: the workspace goes from the old clauses to the new ones, never a mixture or a part', async () => {
  const documentId = await newNegotiation(secretariat);
  const first = await secretariat.request('POST', `/api/documents/${documentId}/import`, {
    previewId: await preview(documentId, 40, 'Old'),
    mode: 'replace',
    operations: [],
  });
  expect(first.status).toBe(200);
  const previewId = await preview(documentId, CLAUSES, 'New');
  client = connectClient(server.wsUrl, documentId);
  await client.synced();
  await waitFor(() => clauseOrder(client!.doc).length === 40, 'the first import in the workspace');
  const before = orderArray(client.doc).toArray();
  const orders: string[][] = [before];
  client.doc.on('afterTransaction', () => {
    const order = orderArray(client!.doc).toArray();
    if (orders[orders.length - 1].join() !== order.join()) orders.push(order);
  });

  const answer = await secretariat.request('POST', `/api/documents/${documentId}/import`, { previewId, mode: 'replace', operations: [] });
  expect(answer.status).toBe(200);
  await waitFor(() => clauseOrder(client!.doc).join() === (answer.body.clauseIds as string[]).join(), 'the second import in the workspace', 20_000);

  expect(orders).toEqual([before, answer.body.clauseIds]);
  const texts = clauseItems(client.doc).map(({ id }) => JSON.stringify(readClauseJSON(client!.doc, id, 'en')));
  expect(texts.every((text) => text.includes('New'))).toBe(true);
});
