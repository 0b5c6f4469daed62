/**
 * A stored row that cannot be applied (disk damage, a bug of an older version) is logged and skipped on
 * load: every update before and after it still reaches the clients. Compaction (on its own thread)
 * skips it the same way: the snapshot it writes holds every good update.
 */
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { createDocument } from '../utils/factories';
import { documentJSON, seedClauses, typeInto } from '../utils/clause-edits';
import { freshSchema, dropSchema } from '../utils/test-db';
import pino from 'pino';
import { loadDocumentState } from '../../server/src/collab/document-store';

const schema = freshSchema('corrupt_row');
let server: TestServer;
const clients: CollabClient[] = [];
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.stop({ keepSchema: true });
  await dropSchema(schema);
});

it('loads every good update around a row that cannot be applied', async () => {
  server = await startTestServer({ COLLAB_DEV_OPEN: '1' }, schema);
  const pool = server.concordia.db.pool;
  const documentId = await createDocument(pool);

  // Three updates written as the server would store them, with a damaged row between the second and third.
  const author = new Y.Doc();
  const updates: Uint8Array[] = [];
  author.on('update', (update: Uint8Array) => updates.push(update));
  seedClauses(author, 1, 'k');
  typeInto(author, 'k0', 'en', 'first words');
  const before = updates.length;
  typeInto(author, 'k0', 'es', 'palabras');
  expect(updates.length).toBeGreaterThan(before);
  const rows = [...updates.slice(0, before), new Uint8Array([0xff, 0xfe, 0x07, 0x00, 0x13]), ...updates.slice(before)];
  const ids: string[] = [];
  for (const update of rows) {
    const inserted = await pool.query<{ id: string }>(`INSERT INTO document_updates (document_id, update, origin) VALUES ($1, $2, 'server') RETURNING id`, [
      documentId,
      Buffer.from(update),
    ]);
    ids.push(inserted.rows[0].id);
  }

  // The log names the damaged row by its id, so an operator can find it.
  const lines: string[] = [];
  const log = pino(
    { level: 'error' },
    {
      write: (line: string) => {
        lines.push(line);
      },
    },
  );
  await loadDocumentState(pool, documentId, new Y.Doc(), log);
  expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
    expect.objectContaining({
      msg: 'stored update could not be applied; skipped',
      documentId,
      storedAs: `document_updates.id=${ids[before]}`,
      reason: expect.any(String),
    }),
  ]);

  const reader = connectClient(server.wsUrl, documentId);
  clients.push(reader);
  await reader.synced();
  expect(documentJSON(reader.doc)).toEqual(documentJSON(author));

  // The last client leaves: the document is unloaded and its tail folded into a snapshot.
  reader.destroy();
  const snapshot = async () =>
    (
      await pool.query<{ state: Buffer; through_update_id: string }>('SELECT state, through_update_id FROM document_snapshots WHERE document_id = $1', [
        documentId,
      ])
    ).rows[0];
  await waitFor(async () => (await snapshot()) !== undefined, 'the snapshot after the document was unloaded', 30_000);
  const stored = await snapshot();
  const {
    rows: [last],
  } = await pool.query<{ id: string }>('SELECT max(id) AS id FROM document_updates WHERE document_id = $1', [documentId]);
  expect(stored.through_update_id).toBe(last.id);
  const fromSnapshot = new Y.Doc();
  Y.applyUpdate(fromSnapshot, new Uint8Array(stored.state));
  expect(documentJSON(fromSnapshot)).toEqual(documentJSON(author));
});
