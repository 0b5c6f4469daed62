/**
 * Who changed what between two versions, where the data allows: every stored update carries its
 * sender (document_updates.user_id; null for the server's own changes — seeding, imports). Replaying
 * the updates between the two versions on the older version's state, one transaction per update,
 * tells which clause (and in which language) each one touched: text changes by language, and
 * "structure" — the clause added, moved, deleted or restored, or its kind changed.
 *
 * The update a decision on a proposal committed (its row recorded on the proposal: decision-updates.ts)
 * is the server's, but it is the proposal's change: what it touched is noted for the proposal, not for
 * the server (null).
 */
import * as Y from 'yjs';
import type { Queryable } from '../db/queryable';
import { CLAUSES_KEY, KIND_KEY, ORDER_KEY } from '../../../shared/src/yjs-layout';

export interface ClauseAuthors {
  /** Language code → user ids (null: a change made by the server). */
  languages: Map<string, Set<string | null>>;
  structure: Set<string | null>;
  /** Language code → the proposals whose decision changed it. */
  proposals: Map<string, Set<string>>;
}

export interface Attribution {
  clauses: Map<string, ClauseAuthors>;
  names: Map<string, string>;
}

/**
 * Replays the stored updates in (fromUpdateId, toUpdateId] on `fromState` and attributes each change;
 * `decisions` maps the id of an update that decided a proposal to that proposal's id.
 */
export async function attributeChanges(
  db: Queryable,
  documentId: string,
  fromState: Uint8Array,
  fromUpdateId: number,
  toUpdateId: number,
  decisions: ReadonlyMap<number, string> = new Map(),
): Promise<Attribution> {
  const clauses = new Map<string, ClauseAuthors>();
  const names = new Map<string, string>();
  if (toUpdateId <= fromUpdateId) return { clauses, names };
  const { rows } = await db.query<{ id: string; update: Buffer; user_id: string | null }>(
    'SELECT id, update, user_id FROM document_updates WHERE document_id = $1 AND id > $2 AND id <= $3 ORDER BY id',
    [documentId, fromUpdateId, toUpdateId],
  );
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, fromState);
    let author: string | null = null;
    let decided: string | null = null;
    const entry = (id: string) => {
      let found = clauses.get(id);
      if (!found) clauses.set(id, (found = { languages: new Map(), structure: new Set(), proposals: new Map() }));
      return found;
    };
    const noteText = (id: string, lang: string) => {
      const found = entry(id);
      if (decided !== null) {
        if (!found.proposals.has(lang)) found.proposals.set(lang, new Set());
        found.proposals.get(lang)!.add(decided);
        return;
      }
      if (!found.languages.has(lang)) found.languages.set(lang, new Set());
      found.languages.get(lang)!.add(author);
    };
    doc.getMap(CLAUSES_KEY).observeDeep((events) => {
      for (const event of events) {
        const [clauseId, key] = event.path as Array<string | number>;
        if (clauseId === undefined) {
          for (const id of (event as Y.YMapEvent<unknown>).keysChanged) entry(id).structure.add(author); // a clause entry added
        } else if (key === undefined) {
          for (const changed of (event as Y.YMapEvent<unknown>).keysChanged) {
            if (changed === KIND_KEY) entry(String(clauseId)).structure.add(author);
            else noteText(String(clauseId), changed);
          }
        } else if (typeof key === 'string') {
          noteText(String(clauseId), key);
        }
      }
    });
    doc.getArray<string>(ORDER_KEY).observe((event) => {
      for (const item of [...event.changes.added, ...event.changes.deleted]) {
        for (const id of item.content.getContent()) if (typeof id === 'string') entry(id).structure.add(author);
      }
    });
    for (const row of rows) {
      author = row.user_id;
      decided = decisions.get(Number(row.id)) ?? null;
      try {
        Y.applyUpdate(doc, new Uint8Array(row.update));
      } catch {
        // A stored update that cannot be applied is skipped on load as well (document-store.ts).
      }
    }
  } finally {
    doc.destroy();
  }
  const ids = new Set<string>();
  for (const authors of clauses.values()) {
    for (const set of [authors.structure, ...authors.languages.values()]) for (const id of set) if (id) ids.add(id);
  }
  if (ids.size > 0) {
    const users = await db.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', [[...ids]]);
    for (const user of users.rows) names.set(user.id, user.display_name);
  }
  return { clauses, names };
}
