/**
 * What the versions routes read: a stored version's record, the text now as a record's clauses, the
 * freeze status, and a person's edits that were refused after the freeze. The redline between two
 * texts is compare-versions.ts.
 */
import * as Y from 'yjs';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { blockersOf, loadRecordInputs, recordClauses, textProposals, type TextProposals } from './build-record';
import { findVersion, rejectedUpdatesOf, type FullVersionRow } from './version-store';
import { unappliedChanges } from './rejected-updates';
import { presentVersion } from '../presenters/version';
import { fixedNumbersOfDocument } from '../numbering/numbering-store';
import { plainText } from '../../../shared/src/canonical';
import type { RecordClause, VersionRecord } from '../../../shared/src/versions/version-record';
import type { FreezeStatus, RejectedUpdates } from '../../../shared/src/api/versions';

export interface DocumentRef {
  id: string;
  status: string;
  languages: string[];
}

export async function requireVersion(ctx: AppContext, documentId: string, versionId: string): Promise<FullVersionRow> {
  const row = await findVersion(ctx.pool, documentId, versionId);
  if (!row) throw new AppError('not_found');
  return row;
}

export function recordOf(row: FullVersionRow): VersionRecord {
  return JSON.parse(row.record) as VersionRecord;
}

/** Clause id → language → plain text, for reading a version without a ProseMirror renderer. */
export function plainTextsOf(record: VersionRecord): Record<string, Record<string, string>> {
  const texts: Record<string, Record<string, string>> = {};
  for (const clause of record.clauses) {
    texts[clause.id] = {};
    for (const lang of record.document.languages) {
      const text = clause.texts[lang];
      texts[clause.id][lang] = text ? plainText(text as never) : '';
    }
  }
  return texts;
}

interface TextNow {
  clauses: RecordClause[];
  proposals: TextProposals;
  state: Uint8Array;
  throughUpdateId: number;
}

async function textNow(ctx: AppContext, document: DocumentRef): Promise<TextNow> {
  const fixed = await fixedNumbersOfDocument(ctx.pool, document.id);
  const { value, throughUpdateId } = await ctx.documents.read(document.id, (doc) => ({
    clauses: recordClauses(doc, document.languages, fixed),
    proposals: textProposals(doc, document.languages),
    state: Y.encodeStateAsUpdate(doc),
  }));
  return { ...value, throughUpdateId };
}

/** What stands between the text now and its freeze [F1–F5], or the frozen version once it is frozen. */
export async function freezeStatus(ctx: AppContext, document: DocumentRef): Promise<FreezeStatus> {
  const now = await textNow(ctx, document);
  const inputs = await loadRecordInputs(ctx.pool, document.id);
  const blockers = document.status === 'draft' ? blockersOf(now.clauses, inputs, now.proposals) : [];
  const { rows } = await ctx.pool.query<{ frozen_version_id: string | null }>('SELECT frozen_version_id FROM documents WHERE id = $1', [document.id]);
  const frozenId = rows[0]?.frozen_version_id ?? null;
  const frozen = frozenId ? await findVersion(ctx.pool, document.id, frozenId) : undefined;
  return {
    documentStatus: document.status,
    ready: document.status === 'draft' && blockers.length === 0,
    blockers,
    clauses: now.clauses.map((c) => ({ id: c.id, kind: c.kind, number: c.number, excerpt: excerptOf(c, document.languages) })),
    participants: inputs.participants.map((p) => ({ id: p.id, code: p.code, name: p.name })),
    frozenVersion: frozen ? presentVersion(frozen) : null,
  };
}

/** The first words of a clause in each language ("El Departamento de Seguridad Nacional…"). */
function excerptOf(clause: RecordClause, languages: readonly string[]): Record<string, string> {
  const excerpt: Record<string, string> = {};
  for (const lang of languages) {
    const text = clause.texts[lang];
    const plain = text
      ? plainText(text as never)
          .replace(/\s+/g, ' ')
          .trim()
      : '';
    excerpt[lang] = plain.length > 60 ? `${plain.slice(0, 60).replace(/\s\S*$/, '')}…` : plain;
  }
  return excerpt;
}

/** The caller's own refused updates and, all of them together, what they would have changed. */
export async function rejectedUpdatesFor(ctx: AppContext, document: DocumentRef, userId: string): Promise<RejectedUpdates> {
  const rows = await rejectedUpdatesOf(ctx.pool, document.id, userId);
  if (rows.length === 0) return { updates: [], changes: [] };
  const now = await textNow(ctx, document);
  return {
    updates: rows.map((row) => ({ id: row.id, receivedAt: row.created_at.toISOString(), reason: row.reason, bytes: row.update.byteLength })),
    changes: unappliedChanges(
      now.state,
      rows.map((row) => new Uint8Array(row.update)),
      document.languages,
    ),
  };
}
