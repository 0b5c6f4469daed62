import crypto from 'node:crypto';
import * as Y from 'yjs';
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { buildRecord, loadRecordInputs, recordClauses } from '../versions/build-record';
import { insertVersion } from '../versions/version-store';
import { recordBytes, versionFingerprint, type VersionRecord } from '../../../shared/src/versions/version-record';

export interface CreateVersionInput {
  documentId: string;
  kind: 'named' | 'automatic';
  name: string | null;
  /** Null for an automatic version. */
  userId: string | null;
}

export interface CreatedVersion {
  record: VersionRecord;
  fingerprint: string;
  seq: number;
}

/**
 * Takes a version of the text as it is committed now: its Yjs state, its canonical record and the
 * fingerprint of that record, stored once (the table refuses changes). The caller has authorized
 * 'version.create' (or is the automatic versioner).
 */
export async function createVersion(ctx: AppContext, input: CreateVersionInput): Promise<CreatedVersion> {
  const { documentId } = input;
  const languages = await documentLanguages(ctx, documentId);
  const { value: read, throughUpdateId } = await ctx.documents.read(documentId, (doc) => ({
    clauses: recordClauses(doc, languages),
    state: Y.encodeStateAsUpdate(doc),
  }));
  const created = await withTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<{ title: Record<string, string>; languages: string[]; status: string }>(
      'SELECT title, languages, status FROM documents WHERE id = $1 FOR UPDATE',
      [documentId],
    );
    const document = rows[0];
    if (!document) throw new AppError('not_found');
    if (document.status !== 'draft') throw new AppError('document_frozen');
    const inputs = await loadRecordInputs(client, documentId);
    const record = buildRecord(
      { id: documentId, title: document.title, languages: document.languages },
      { id: crypto.randomUUID(), kind: input.kind, name: input.name, takenAt: new Date().toISOString() },
      read.clauses,
      inputs,
    );
    const bytes = recordBytes(record);
    const fingerprint = versionFingerprint(record);
    const { seq } = await insertVersion(client, { record, bytes, fingerprint, state: read.state, throughUpdateId, createdBy: input.userId });
    await recordAuditEvent(client, {
      documentId,
      actorUserId: input.userId,
      action: 'version.created',
      subject: { versionId: record.version.id, kind: input.kind, name: input.name, fingerprint, seq, clauses: record.clauses.length, throughUpdateId },
    });
    return { record, fingerprint, seq };
  });
  ctx.log.info({ documentId, versionId: created.record.version.id, kind: input.kind, fingerprint: created.fingerprint }, 'version taken');
  if (input.kind === 'named' && input.name !== null) {
    ctx.events.emit('version.named', { documentId, versionId: created.record.version.id, name: input.name, userId: input.userId });
  }
  return created;
}

async function documentLanguages(ctx: AppContext, documentId: string): Promise<string[]> {
  const { rows } = await ctx.pool.query<{ languages: string[] }>('SELECT languages FROM documents WHERE id = $1', [documentId]);
  if (!rows[0]) throw new AppError('not_found');
  return rows[0].languages;
}
