/**
 * Edits that reach the server after the freeze — typically an offline client reconnecting with what it
 * typed meanwhile — are never applied, and never silently lost either: the collab message receiver
 * hands each one here, it is stored with its author (rejected_updates) and an audit event, and its
 * author can see it (GET /api/documents/:id/rejected-updates: "not applied: the text was frozen").
 */
import * as Y from 'yjs';
import type pg from 'pg';
import type { Logger } from '../logger';
import type { CollabPrincipal } from '../collab/principal';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { POLICY, isRole } from '../../../shared/src/policy';
import { clauseOrder, getClause, readClauseJSON, clauseKind } from '../../../shared/src/yjs-layout';
import { plainText } from '../../../shared/src/canonical';
import { wordDiff, hasChanges, type DiffPart } from '../../../shared/src/word-diff';

/** Whether this connection's person changes the text of a draft: whose refused edits are worth keeping. */
export function editsDrafts(principal: Pick<CollabPrincipal, 'role'>): boolean {
  if (principal.role === 'developer') return true;
  return isRole(principal.role) && (POLICY['document.edit_text'].roles as readonly string[]).includes(principal.role);
}

export interface RejectedUpdate {
  documentId: string;
  userId: string | null;
  update: Uint8Array;
  reason: 'frozen' | 'archived' | 'refused';
  /** How many refused updates this one merges (rejected-update-keeper.ts). */
  merged?: number;
}

/**
 * Stores a refused update with its author, unless the author already has `limits` kept in this
 * document; never rejects (a failure is logged: the socket is not the place to report it). The keeper
 * (rejected-update-keeper.ts) is what calls it, with the updates of a moment merged.
 */
export async function keepRejectedUpdate(
  pool: pg.Pool,
  log: Logger,
  rejected: RejectedUpdate,
  limits: { maxKeptBytes: number; maxKeptRows: number },
): Promise<void> {
  const { documentId, userId, reason } = rejected;
  try {
    const id = await withTransaction(pool, async (client) => {
      // One author's rows in one document are counted and added one writer at a time.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':rejected:' || $1 || ':' || coalesce($2, '-')))`, [documentId, userId]);
      const kept = await client.query<{ bytes: string; rows: number }>(
        `SELECT coalesce(sum(octet_length(update)), 0)::text AS bytes, count(*)::int AS rows
           FROM rejected_updates WHERE document_id = $1 AND user_id IS NOT DISTINCT FROM $2`,
        [documentId, userId],
      );
      const { bytes, rows } = kept.rows[0];
      if (rows >= limits.maxKeptRows || Number(bytes) + rejected.update.byteLength > limits.maxKeptBytes) return null;
      const { rows: inserted } = await client.query<{ id: string }>(
        'INSERT INTO rejected_updates (document_id, user_id, update, reason) VALUES ($1, $2, $3, $4) RETURNING id::text',
        [documentId, userId, Buffer.from(rejected.update), reason],
      );
      await recordAuditEvent(client, {
        documentId,
        actorUserId: userId,
        action: 'collab.update_rejected',
        subject: { rejectedUpdateId: inserted[0].id, reason, bytes: rejected.update.byteLength, merged: rejected.merged ?? 1 },
      });
      return inserted[0].id;
    });
    if (id === null)
      log.warn({ documentId, userId, reason, bytes: rejected.update.byteLength }, 'refused update not kept: its author has kept all one may in this document');
    else log.info({ documentId, userId, rejectedUpdateId: id, reason, merged: rejected.merged ?? 1 }, 'update refused: kept, not applied');
  } catch (err) {
    log.error({ err, documentId, userId }, 'a refused update could not be kept');
  }
}

export interface UnappliedClauseChange {
  clauseId: string;
  /** Whether the clause is in the frozen text (false: the edit added it). */
  inText: boolean;
  languages: Record<string, DiffPart[]>;
}

/**
 * What the refused updates would have changed, clause by clause and word by word, against the text as
 * it stands (the frozen text): they are applied together to a copy, never to the document.
 */
export function unappliedChanges(state: Uint8Array, updates: readonly Uint8Array[], languages: readonly string[]): UnappliedClauseChange[] {
  const before = new Y.Doc({ gc: false });
  const after = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(before, state);
    Y.applyUpdate(after, state);
    for (const update of updates) {
      try {
        Y.applyUpdate(after, update);
      } catch {
        // An update that does not decode is kept as bytes; there is no text to show for it.
      }
    }
    const ids = [...new Set([...clauseOrder(after), ...clauseOrder(before)])];
    const visibleBefore = new Set(clauseOrder(before));
    const changes: UnappliedClauseChange[] = [];
    for (const id of ids) {
      const parts: Record<string, DiffPart[]> = {};
      let changed = !visibleBefore.has(id) || !clauseOrder(after).includes(id);
      for (const lang of languages) {
        const diff = wordDiff(textIn(before, id, lang), textIn(after, id, lang));
        parts[lang] = diff;
        if (hasChanges(diff)) changed = true;
      }
      if (changed) changes.push({ clauseId: id, inText: visibleBefore.has(id), languages: parts });
    }
    return changes;
  } finally {
    before.destroy();
    after.destroy();
  }
}

function textIn(doc: Y.Doc, id: string, lang: string): string {
  if (!getClause(doc, id)) return '';
  try {
    clauseKind(doc, id);
    return plainText(readClauseJSON(doc, id, lang));
  } catch {
    return '';
  }
}
