import * as Y from 'yjs';
import type pg from 'pg';
import type { Logger } from '../logger';
import { persistenceOrigin } from './origins';
import { withTransaction } from '../db/database';
import { applyEach, foldUpdates, type FoldedState } from './fold-updates';

export class DocumentNotFoundError extends Error {
  constructor(readonly documentId: string) {
    super(`Document ${documentId} does not exist`);
    this.name = 'DocumentNotFoundError';
  }
}

/** Logs each stored update that could not be applied by where it is kept: the snapshot, or its row id. */
function logSkipped(log: Logger, documentId: string, stored: StoredState, skipped: ReadonlyArray<{ index: number; reason: string }>): void {
  for (const { index, reason } of skipped) {
    log.error({ documentId, storedAs: stored.sources[index], index, reason }, 'stored update could not be applied; skipped');
  }
}

interface StoredState {
  /** The snapshot (if any) then every later update, in order. */
  updates: Uint8Array[];
  /** Where each of `updates` is kept: 'snapshot' or 'document_updates.id=<id>'. */
  sources: string[];
  tailLength: number;
  lastUpdateId: number;
  status: string;
}

/** Reads what PostgreSQL holds of a document: its latest snapshot and the updates after it (up to `upTo`). */
async function readStored(pool: pg.Pool, documentId: string, upTo: number): Promise<StoredState> {
  const meta = await pool.query<{ status: string }>('SELECT status FROM documents WHERE id = $1', [documentId]);
  if (!meta.rows[0]) throw new DocumentNotFoundError(documentId);
  const snapshot = await pool.query<{ state: Buffer; through_update_id: string }>(
    'SELECT state, through_update_id FROM document_snapshots WHERE document_id = $1',
    [documentId],
  );
  const through = snapshot.rows[0] ? Number(snapshot.rows[0].through_update_id) : 0;
  const tail = await pool.query<{ id: string; update: Buffer }>(
    'SELECT id, update FROM document_updates WHERE document_id = $1 AND id > $2 AND id <= $3 ORDER BY id',
    [documentId, through, upTo],
  );
  const updates: Uint8Array[] = [];
  const sources: string[] = [];
  if (snapshot.rows[0]) {
    updates.push(new Uint8Array(snapshot.rows[0].state));
    sources.push('snapshot');
  }
  for (const row of tail.rows) {
    updates.push(new Uint8Array(row.update));
    sources.push(`document_updates.id=${row.id}`);
  }
  const lastUpdateId = tail.rows.length ? Number(tail.rows[tail.rows.length - 1].id) : through;
  return { updates, sources, tailLength: tail.rows.length, lastUpdateId, status: meta.rows[0].status };
}

/** Reads a document's Yjs state from PostgreSQL: the latest snapshot plus the updates after it (up to `upTo`). */
export async function loadDocumentState(
  pool: pg.Pool,
  documentId: string,
  doc: Y.Doc,
  log: Logger,
  upTo = Number.MAX_SAFE_INTEGER,
): Promise<{ tailLength: number; lastUpdateId: number; status: string }> {
  const stored = await readStored(pool, documentId, upTo);
  if (stored.updates.length > 0) logSkipped(log, documentId, stored, applyEach(doc, stored.updates, persistenceOrigin));
  return { tailLength: stored.tailLength, lastUpdateId: stored.lastUpdateId, status: stored.status };
}

/**
 * The newest row id of the document below which no row can still appear. Ids are handed out when an
 * INSERT runs but become visible at its commit, so another writer (another instance, a command in
 * its own transaction) may commit a smaller id after a larger one is visible; a snapshot through the
 * larger id would hide that row from every later load. SHARE mode waits for the inserts in flight
 * and holds new ones back only while max(id) is read; every later insert gets a larger id.
 */
async function committedHorizon(pool: pg.Pool, documentId: string): Promise<number> {
  return withTransaction(pool, async (client) => {
    // Never hold the writers back for long: a compaction that cannot get the lock soon fails and is retried later.
    await client.query(`SET LOCAL lock_timeout = '1s'`);
    await client.query('LOCK TABLE document_updates IN SHARE MODE');
    const { rows } = await client.query<{ id: string | null }>('SELECT max(id) AS id FROM document_updates WHERE document_id = $1', [documentId]);
    return Number(rows[0].id ?? 0);
  });
}

/** Folds a snapshot and its tail into one state: in this thread by default, in a FoldThread for a live server. */
export type Fold = (updates: Uint8Array[]) => Promise<FoldedState>;

/**
 * Folds the tail into a new snapshot. Reads from PostgreSQL (not from memory), so the snapshot holds
 * exactly the committed updates up to `through`; rows are never deleted, so an update committed
 * during compaction simply stays in the tail. Idempotent; a newer snapshot is never replaced by an older one.
 */
export async function compactDocument(
  pool: pg.Pool,
  documentId: string,
  log: Logger,
  fold: Fold = async (updates) => foldUpdates(updates),
): Promise<{ through: number; folded: number } | null> {
  const horizon = await committedHorizon(pool, documentId);
  const stored = await readStored(pool, documentId, horizon);
  const { tailLength, lastUpdateId } = stored;
  if (tailLength === 0) return null;
  const { state, skipped } = await fold(stored.updates);
  logSkipped(log, documentId, stored, skipped);
  const count = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM document_updates WHERE document_id = $1 AND id <= $2', [
    documentId,
    lastUpdateId,
  ]);
  await pool.query(
    `INSERT INTO document_snapshots (document_id, state, through_update_id, update_count) VALUES ($1, $2, $3, $4)
     ON CONFLICT (document_id) DO UPDATE SET state = EXCLUDED.state, through_update_id = EXCLUDED.through_update_id,
       update_count = EXCLUDED.update_count, created_at = now()
     WHERE document_snapshots.through_update_id < EXCLUDED.through_update_id`,
    [documentId, Buffer.from(state), lastUpdateId, count.rows[0].n],
  );
  log.info({ documentId, through: lastUpdateId, folded: tailLength, bytes: state.byteLength }, 'document compacted');
  return { through: lastUpdateId, folded: tailLength };
}
