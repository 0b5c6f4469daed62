import crypto from 'node:crypto';
import * as Y from 'yjs';
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import type { StatusChange } from '../collab/live-documents';
import { blockersOf, buildRecord, loadRecordInputs, recordClauses, textProposals } from '../versions/build-record';
import { insertVersion } from '../versions/version-store';
import { recordBytes, versionFingerprint, type VersionRecord } from '../../../shared/src/versions/version-record';

/** How often to read the text again when it changed between reading and locking. */
const MAX_ATTEMPTS = 5;

export interface FrozenVersion {
  record: VersionRecord;
  fingerprint: string;
  seq: number;
}

/**
 * Freezes the text for signature, atomically. The caller has authorized 'document.freeze'.
 *
 * 1. The committed text is read through the live-document gateway, with the newest stored update it
 *    includes and the revision of the live copy it was read from.
 * 2. In one transaction the document row is locked (approvals, confirmations and imports wait for it),
 *    the text is checked to be still the one read, the blockers are derived [F1–F5] from that text and
 *    the records in force; any blocker refuses the freeze (409 freeze_blocked, `details.blockers`).
 * 3. In one synchronous step the live text is checked to be still the revision read and turned
 *    read-only (`setStatus`), so from this instant every update a client sends is refused (and kept,
 *    see message-receiver.ts); then the frozen version (state, canonical record, fingerprint) and the
 *    status are written and committed. Should the commit fail, the document turns writable again.
 * 4. Open clients are told (collab permission-denied frame by the gateway, socket.io `document:status`).
 * With several nodes (REDIS_URL) the live copy of this node may lack another node's commit, and under
 * steady typing elsewhere it is rarely the newest: the text is read from PostgreSQL instead, under the
 * lock of step 2 (every commit is fenced on that row, so none lands until the freeze has committed,
 * and each is then refused and kept for its author); step 3 turns the live copy read-only as it is.
 */
export async function freezeDocument(ctx: AppContext, actorId: string, documentId: string): Promise<FrozenVersion> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const frozen = await attemptFreeze(ctx, actorId, documentId);
    if (!frozen) continue;
    ctx.events.emit('document.status', { documentId, status: 'frozen' });
    ctx.log.info({ documentId, versionId: frozen.record.version.id, fingerprint: frozen.fingerprint }, 'document frozen');
    return frozen;
  }
  ctx.log.warn({ documentId }, 'freeze gave up: the text kept changing');
  throw new AppError('text_changed');
}

/** One attempt; null when the text changed since it was read (the caller reads again). */
async function attemptFreeze(ctx: AppContext, actorId: string, documentId: string): Promise<FrozenVersion | null> {
  const languages = await documentLanguages(ctx, documentId);
  const readText = (doc: Y.Doc) => ({ clauses: recordClauses(doc, languages), proposals: textProposals(doc, languages), state: Y.encodeStateAsUpdate(doc) });
  const live = ctx.env.REDIS_URL ? null : await ctx.documents.read(documentId, readText);
  let change: StatusChange | null = null;
  try {
    const frozen = await withTransaction(ctx.pool, async (client) => {
      const { rows } = await client.query<{ title: Record<string, string>; languages: string[]; status: string }>(
        'SELECT title, languages, status FROM documents WHERE id = $1 FOR UPDATE',
        [documentId],
      );
      const document = rows[0];
      if (!document) throw new AppError('not_found');
      if (document.status !== 'draft') throw new AppError('document_frozen');
      if (live) {
        const newest = await client.query<{ id: string | null }>('SELECT max(id) AS id FROM document_updates WHERE document_id = $1', [documentId]);
        if (Number(newest.rows[0].id ?? 0) !== live.throughUpdateId) return null;
      }
      const { value: read, throughUpdateId } = live ?? (await ctx.documents.read(documentId, readText, { stored: true }));

      const inputs = await loadRecordInputs(client, documentId);
      const blockers = blockersOf(read.clauses, inputs, read.proposals);
      if (blockers.length > 0) throw new AppError('freeze_blocked', { count: blockers.length }, { blockers });
      const takenAt = new Date().toISOString();
      const record = buildRecord(
        { id: documentId, title: document.title, languages: document.languages },
        { id: crypto.randomUUID(), kind: 'frozen', name: null, takenAt },
        read.clauses,
        inputs,
      );
      const bytes = recordBytes(record);
      const fingerprint = versionFingerprint(record);

      // The instant of the freeze: the live text is checked to be the one read and turned read-only in one step.
      change = ctx.documents.setStatus(documentId, 'frozen', live ? { unchangedSince: live.revision } : {});
      if (!change) return null;

      const { seq } = await insertVersion(client, { record, bytes, fingerprint, state: read.state, throughUpdateId, createdBy: actorId });
      await client.query(`UPDATE documents SET status = 'frozen', frozen_at = $2, frozen_version_id = $3, updated_at = now() WHERE id = $1`, [
        documentId,
        takenAt,
        record.version.id,
      ]);
      await recordAuditEvent(client, {
        documentId,
        actorUserId: actorId,
        action: 'document.frozen',
        subject: {
          versionId: record.version.id,
          fingerprint,
          seq,
          throughUpdateId,
          clauses: record.clauses.length,
          participants: record.participants.map((p) => p.id),
          approvals: record.approvals.map((a) => a.id),
        },
      });
      return { record, fingerprint, seq };
    });
    (change as StatusChange | null)?.committed();
    return frozen;
  } catch (error) {
    (change as StatusChange | null)?.undo();
    throw error;
  }
}

async function documentLanguages(ctx: AppContext, documentId: string): Promise<string[]> {
  const { rows } = await ctx.pool.query<{ languages: string[] }>('SELECT languages FROM documents WHERE id = $1', [documentId]);
  if (!rows[0]) throw new AppError('not_found');
  return rows[0].languages;
}
