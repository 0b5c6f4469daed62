/**
 * The fingerprint of every visible clause of a document [A1], read from the stored text and held per
 * document until what PostgreSQL stores for it changes. The list of negotiations shows how many
 * clauses are approved; rebuilding every Y.Doc on every visit to that list would cost a load per
 * document, so a document is read again only when its text did change.
 *
 * Whether it changed is told by its `StoredTextKey`: the snapshot it loads from, then the newest update
 * after it and how many there are. Rows of document_updates are only ever appended and none commits
 * below a snapshot (compaction waits for the inserts in flight, document-store.ts), so every committed
 * change — even one whose id is smaller than a row already seen — gives a different key.
 */
import type { LiveDocuments } from '../collab/live-documents';
import { AppError } from '../http/errors';
import { documentTextState } from '../../../shared/src/approval-status';

export interface ClauseFingerprint {
  clauseId: string;
  /** null when the clause's text cannot be hashed (never approved, [A2]). */
  fingerprint: string | null;
}

/** What the store holds for a document's text, as the list query reads it. */
export interface StoredTextKey {
  snapshotThrough: string | null;
  lastUpdateId: string | null;
  updatesAfterSnapshot: number;
}

/** SQL (for a query over `documents <alias>`) selecting the three columns of a StoredTextKey. */
export function storedTextKeyColumns(documentAlias = 'd'): { select: string; joins: string } {
  return {
    select: 'text_snapshot.through_update_id::text AS snapshot_through, text_tail.last_update_id, text_tail.updates AS updates_after_snapshot',
    joins: `LEFT JOIN document_snapshots text_snapshot ON text_snapshot.document_id = ${documentAlias}.id
      LEFT JOIN LATERAL (SELECT max(u.id)::text AS last_update_id, count(*)::int AS updates FROM document_updates u
                          WHERE u.document_id = ${documentAlias}.id AND u.id > coalesce(text_snapshot.through_update_id, 0)) text_tail ON true`,
  };
}

export interface StoredTextKeyRow {
  snapshot_through: string | null;
  last_update_id: string | null;
  updates_after_snapshot: number;
}

export function storedTextKey(row: StoredTextKeyRow): StoredTextKey {
  return { snapshotThrough: row.snapshot_through, lastUpdateId: row.last_update_id, updatesAfterSnapshot: row.updates_after_snapshot };
}

/** Documents read at once on a cold list: each load holds a Y.Doc in memory and a pool connection. */
const PARALLEL_LOADS = 4;

export class StoredFingerprints {
  private readonly held = new Map<string, { key: string; clauses: ClauseFingerprint[] }>();

  /** Texts are read through the live-document gateway (committed text, live or stored). */
  constructor(
    private readonly documents: LiveDocuments,
    private readonly capacity = 500,
  ) {}

  /** The visible clauses of each document in order, with their fingerprints; keyed by document id. */
  async read(documents: ReadonlyArray<{ id: string; languages: readonly string[]; textKey: StoredTextKey }>): Promise<Map<string, ClauseFingerprint[]>> {
    const answer = new Map<string, ClauseFingerprint[]>();
    const missing: Array<{ id: string; languages: readonly string[]; key: string }> = [];
    for (const document of documents) {
      const key = keyOf(document.languages, document.textKey);
      const entry = this.held.get(document.id);
      if (entry?.key === key) {
        this.remember(document.id, entry);
        answer.set(document.id, entry.clauses);
      } else {
        missing.push({ id: document.id, languages: document.languages, key });
      }
    }
    let next = 0;
    const worker = async () => {
      while (next < missing.length) {
        const document = missing[next];
        next += 1;
        // Read at or after the key was: a change committed meanwhile is in the text, and the next key differs.
        const clauses = await this.load(document.id, document.languages);
        this.remember(document.id, { key: document.key, clauses });
        answer.set(document.id, clauses);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_LOADS, missing.length) }, worker));
    return answer;
  }

  private remember(documentId: string, entry: { key: string; clauses: ClauseFingerprint[] }): void {
    this.held.delete(documentId);
    this.held.set(documentId, entry);
    while (this.held.size > this.capacity) this.held.delete(this.held.keys().next().value!);
  }

  private async load(documentId: string, languages: readonly string[]): Promise<ClauseFingerprint[]> {
    try {
      const { value } = await this.documents.read(documentId, (doc) =>
        documentTextState(doc, languages).map(({ clauseId, fingerprint }) => ({ clauseId, fingerprint })),
      );
      return value;
    } catch (err) {
      // Deleted since the list was read: it has no clauses left to count.
      if (err instanceof AppError && err.code === 'not_found') return [];
      throw err;
    }
  }
}

function keyOf(languages: readonly string[], key: StoredTextKey): string {
  return `${languages.join(',')}|${key.snapshotThrough ?? '-'}|${key.lastUpdateId ?? '-'}|${key.updatesAfterSnapshot}`;
}
