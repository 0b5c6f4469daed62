/**
 * Structure edits from this browser: each is one Yjs transaction (shared yjs-layout), so it merges
 * with what others do at the same moment.
 */
import type * as Y from 'yjs';
import { clauseOrder, deleteClause, insertClause, moveClause, newClauseId, restoreClause, type ClauseKind } from '../../../shared/src/yjs-layout';

/** The origin of this client's structure transactions (never null: see docs/document-model.md rule 7). */
export const structureOrigin = { origin: 'client-structure' } as const;

export function addClauseAfter(ydoc: Y.Doc, languages: readonly string[], afterId: string | null, kind: ClauseKind): string {
  const id = newClauseId();
  insertClause(ydoc, { id, kind }, languages, afterId, structureOrigin);
  return id;
}

/** Moves a clause one place up or down; false when it is already first or last. */
export function moveClauseBy(ydoc: Y.Doc, id: string, direction: -1 | 1): boolean {
  const order = clauseOrder(ydoc);
  const index = order.indexOf(id);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= order.length) return false;
  // After the move the clause sits at `target`: after the clause now at target-1 (skipping itself).
  const without = order.filter((other) => other !== id);
  const afterId = target === 0 ? null : without[target - 1];
  moveClause(ydoc, id, afterId, structureOrigin);
  return true;
}

/** Drag and drop: puts `id` just before or after `targetId`. */
export function moveClauseNextTo(ydoc: Y.Doc, id: string, targetId: string, place: 'before' | 'after'): boolean {
  if (id === targetId) return false;
  const without = clauseOrder(ydoc).filter((other) => other !== id);
  const targetIndex = without.indexOf(targetId);
  if (targetIndex < 0) return false;
  const afterId = place === 'after' ? targetId : (without[targetIndex - 1] ?? null);
  const current = clauseOrder(ydoc);
  const currentAfter = current[current.indexOf(id) - 1] ?? null;
  if (afterId === currentAfter) return false;
  moveClause(ydoc, id, afterId, structureOrigin);
  return true;
}

export interface DeletedClause {
  id: string;
  /** The clauses before it when it was deleted, nearest first: restore puts it after the first still there. */
  before: string[];
}

export function removeClause(ydoc: Y.Doc, id: string): DeletedClause {
  const order = clauseOrder(ydoc);
  const before = order.slice(0, Math.max(0, order.indexOf(id))).reverse();
  deleteClause(ydoc, id, structureOrigin);
  return { id, before };
}

export function undoRemoveClause(ydoc: Y.Doc, deleted: DeletedClause): boolean {
  const order = clauseOrder(ydoc);
  if (order.includes(deleted.id)) return false;
  const afterId = deleted.before.find((id) => order.includes(id)) ?? null;
  restoreClause(ydoc, deleted.id, afterId, structureOrigin);
  return true;
}
