/**
 * Compaction folds the update log into a snapshot while clients keep typing. Whatever is committed
 * while it runs must survive: a later load (snapshot + the rows after it) holds every update.
 */
import * as Y from 'yjs';
import pg from 'pg';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { sleep, waitFor } from '../utils/wait';
import { createDocument } from '../utils/factories';
import { documentJSON, seedClauses, typeInto } from '../utils/clause-edits';
import { interceptQueries } from '../utils/pool-faults';
import { testDatabaseUrl, usingPglite } from '../utils/test-db';
import { clauseFragment } from '../../shared/src/index';

let server: TestServer;
const clients: CollabClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ COLLAB_DEV_OPEN: '1', COMPACT_AFTER_UPDATES: '10' });
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.stop();
});

const plain = (doc: Y.Doc) => ((clauseFragment(doc, 'c0', 'en').get(0) as Y.XmlElement).get(0) as Y.XmlText).toString();

async function snapshotRow(documentId: string): Promise<{ through: number; maxId: number }> {
  const { rows } = await server.concordia.db.pool.query<{ through: string | null; max_id: string }>(
    `SELECT (SELECT through_update_id FROM document_snapshots WHERE document_id = $1) AS through,
            (SELECT max(id) FROM document_updates WHERE document_id = $1) AS max_id`,
    [documentId],
  );
  return { through: Number(rows[0].through ?? 0), maxId: Number(rows[0].max_id) };
}

/** Closes every client, waits for the document to leave memory, and joins again: a load from PostgreSQL. */
async function reloadFromDatabase(documentId: string): Promise<Y.Doc> {
  for (const client of clients.splice(0)) client.destroy();
  await waitFor(async () => (await server.concordia.collab.registry.peek(documentId)) === null, 'the document to be unloaded');
  await waitFor(() => !server.concordia.collab.registry['compacting'].has(documentId), 'compaction to finish');
  const fresh = connectClient(server.wsUrl, documentId);
  clients.push(fresh);
  await fresh.synced();
  return fresh.doc;
}

it('updates committed while compaction is writing its snapshot are in the document loaded afterwards', async () => {
  const documentId = await createDocument(server.concordia.db.pool);
  const author = connectClient(server.wsUrl, documentId);
  clients.push(author);
  await author.synced();
  seedClauses(author.doc, 1);

  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let compacting = false;
  const restore = interceptQueries(server.concordia.db.pool, (text, values) => {
    if (!text.includes('INSERT INTO document_snapshots') || values?.[0] !== documentId) return undefined;
    compacting = true;
    return held;
  });
  const compactionsBefore = server.concordia.collab.registry.stats.compactions;
  try {
    for (let i = 0; i < 12 && !compacting; i += 1) {
      typeInto(author.doc, 'c0', 'en', ` before${i}`);
      await server.concordia.collab.updateLog.whenIdle();
      await sleep(5);
    }
    await waitFor(() => compacting, 'compaction to start');
    for (let i = 0; i < 5; i += 1) {
      typeInto(author.doc, 'c0', 'en', ` during${i}`);
      await sleep(2);
    }
    await server.concordia.collab.updateLog.whenIdle();
  } finally {
    release();
    restore();
  }
  await waitFor(() => server.concordia.collab.registry.stats.compactions > compactionsBefore, 'compaction to finish');
  const { through, maxId } = await snapshotRow(documentId);
  expect(through).toBeGreaterThan(0);
  expect(maxId).toBeGreaterThan(through); // the updates made during compaction are in the tail

  const expected = documentJSON(author.doc);
  const loaded = await reloadFromDatabase(documentId);
  expect(documentJSON(loaded)).toEqual(expected);
  for (let i = 0; i < 5; i += 1) expect(plain(loaded)).toContain(` during${i}`);
});

/**
 * Row ids are handed out when an INSERT runs, but become visible when it commits; a second writer
 * (another app instance, a command in its own transaction) can commit a smaller id after a larger
 * one. Compaction must not put `through` past a row that is still being committed.
 * PGlite is one session: concurrent transactions cannot exist there, so this runs on PostgreSQL.
 */
(usingPglite() ? it.skip : it)(
  'an update from another writer whose commit is still in flight when compaction runs is in the document loaded afterwards',
  async () => {
    const documentId = await createDocument(server.concordia.db.pool);
    const author = connectClient(server.wsUrl, documentId);
    clients.push(author);
    await author.synced();
    seedClauses(author.doc, 1);
    await server.concordia.collab.updateLog.whenIdle();

    // The other writer: an edit made elsewhere, inserted in a transaction that has not committed yet.
    const elsewhere = new Y.Doc();
    Y.applyUpdate(elsewhere, Y.encodeStateAsUpdate(author.doc));
    let update: Uint8Array = new Uint8Array();
    elsewhere.on('update', (u: Uint8Array) => {
      update = u;
    });
    typeInto(elsewhere, 'c0', 'es', ' [desde otra instancia]');
    const other = new pg.Client({ connectionString: testDatabaseUrl() });
    await other.connect();
    try {
      await other.query(`SET search_path TO ${server.schema}, public`);
      await other.query('BEGIN');
      await other.query(`INSERT INTO document_updates (document_id, update, origin) VALUES ($1, $2, 'connection')`, [documentId, Buffer.from(update)]);

      const compactionsBefore = server.concordia.collab.registry.stats.compactions;
      for (let i = 0; i < 12; i += 1) {
        typeInto(author.doc, 'c0', 'en', ` edit${i}`);
        await sleep(5);
      }
      // Give compaction time to run (or to wait for the open transaction), then let the other writer commit.
      await waitFor(() => server.concordia.collab.registry.stats.compactions > compactionsBefore, 'compaction to run', 500).catch(() => undefined);
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    await server.concordia.collab.updateLog.whenIdle();

    const loaded = await reloadFromDatabase(documentId);
    expect((await snapshotRow(documentId)).through).toBeGreaterThan(0);
    const spanish = ((clauseFragment(loaded, 'c0', 'es').get(0) as Y.XmlElement).get(0) as Y.XmlText).toString();
    expect(spanish).toContain('[desde otra instancia]');
    expect(plain(loaded)).toContain(' edit11');
  },
);
