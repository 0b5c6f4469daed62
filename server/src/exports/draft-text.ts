/**
 * The text a draft export draws: the current text of a document, or a stored version's Yjs state, with
 * the proposals it holds (issue 14, "Exports"). Unlike a version's canonical record, which holds the
 * agreed text only, each clause keeps its `insertion` and `deletion` marks, and each proposal is named
 * with its sponsor Participant (from the `proposals` table: the text never says who sponsors what).
 *
 * A draft is not a record: it has no fingerprint and no envelope, so nobody can mistake it for the
 * signed text or "verify" it (verify-file.ts answers `no_record`).
 */
import * as Y from 'yjs';
import { Node as PMNode } from 'prosemirror-model';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { documentParticipants } from '../approvals/approval-store';
import { findVersion } from '../versions/version-store';
import { recordClauses } from '../versions/build-record';
import { currentDraftApprovals, versionDraftApprovals, type DraftApprovals } from './draft-approvals';
import { schema } from '../../../shared/src/schema';
import { proposalRuns } from '../../../shared/src/proposals';
import { clauseItems, readClauseJSON } from '../../../shared/src/yjs-layout';
import type { CanonicalNode } from '../../../shared/src/canonical';
import type { RecordClause, VersionKind, VersionRecord } from '../../../shared/src/versions/version-record';
import { deriveNumbering, withDeletedRows, type DeletedNumber, type FixedNumbers } from '../../../shared/src/stable-numbering';
import { fixedNumbersOfDocument } from '../numbering/numbering-store';

export interface DraftParticipant {
  id: string;
  code: string;
  name: Record<string, string>;
  /** The Participant's colour, "#rrggbb". */
  color: string;
}

export interface DraftProposal {
  id: string;
  /** Null: a proposal the server never attributed (docs/document-model.md §3.1). */
  sponsor: DraftParticipant | null;
  /** When it was tabled (ISO 8601); the draft's time when unknown. */
  createdAt: string;
}

/** A clause as the exports draw it: the texts keep their proposal marks (null: not valid in the schema). */
export type DraftClause = Pick<RecordClause, 'id' | 'kind' | 'number' | 'texts'>;

export interface DraftText {
  document: { id: string; title: Record<string, string>; languages: string[] };
  /** The text now, or the version it was read from. */
  source: { kind: 'current' } | { kind: VersionKind; id: string; name: string | null };
  /** When the text stood so: now, or the version's time (ISO 8601). */
  at: string;
  participants: DraftParticipant[];
  clauses: DraftClause[];
  /** Every proposal the texts hold, in order of first appearance. */
  proposals: DraftProposal[];
  /** Per clause and Participant, the approval as the text stood (draft-approvals.ts). */
  approvals: DraftApprovals;
}

interface DocumentRow {
  id: string;
  title: Record<string, string>;
  languages: string[];
  status: string;
}

/** The text now, read through the live-document gateway. A frozen document has no draft: its frozen version is the text. */
export async function currentDraft(ctx: AppContext, documentId: string): Promise<DraftText> {
  const document = await documentRow(ctx, documentId);
  if (document.status !== 'draft') throw new AppError('document_frozen');
  const fixed = await fixedNumbersOfDocument(ctx.pool, documentId);
  const { value: clauses } = await ctx.documents.read(documentId, (doc) => draftClauses(doc, document.languages, fixed));
  const approvals = await currentDraftApprovals(ctx, document);
  return withProposals(ctx, document, { kind: 'current' }, new Date().toISOString(), clauses, approvals);
}

/** A stored version as it was, with the proposals its Yjs state holds. */
export async function versionDraft(ctx: AppContext, documentId: string, versionId: string): Promise<DraftText> {
  const document = await documentRow(ctx, documentId);
  const row = await findVersion(ctx.pool, documentId, versionId);
  if (!row) throw new AppError('not_found');
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, new Uint8Array(row.state));
    const record = JSON.parse(row.record) as VersionRecord;
    const clauses = numberedAsRecorded(draftClauses(doc, document.languages), record);
    const approvals = await versionDraftApprovals(ctx, record);
    return withProposals(ctx, document, { kind: row.kind, id: row.id, name: row.name }, row.created_at.toISOString(), clauses, approvals);
  } finally {
    doc.destroy();
  }
}

/** A version's draft numbered as its record is (a fixed numbering's "3 bis" and "[deleted]", issue 15). */
function numberedAsRecorded(clauses: DraftClause[], record: VersionRecord): DraftClause[] {
  const numbers = new Map(record.clauses.map((clause) => [clause.id, clause.number]));
  return withDeletedPlaceholders(
    clauses.map((clause) => ({ ...clause, number: numbers.get(clause.id) ?? clause.number })),
    record.deletedNumbers ?? [],
  );
}

/** Each deleted fixed number as a clause without text, in its place ("Article 5 [deleted]"). */
function withDeletedPlaceholders(clauses: DraftClause[], deleted: readonly DeletedNumber[]): DraftClause[] {
  if (deleted.length === 0) return clauses;
  return withDeletedRows(clauses, deleted).map((row) =>
    row.type === 'item'
      ? row.item
      : {
          id: `deleted-${row.deleted.clauseId}`,
          kind: row.deleted.kind === 'heading' ? 'heading' : 'clause',
          number: { ...row.deleted.number, deleted: true },
          texts: {},
        },
  );
}

/** Every visible clause, numbered, with each text as stored (proposal marks kept); under a fixed numbering, its deleted numbers in place. */
export function draftClauses(doc: Y.Doc, languages: readonly string[], fixed: FixedNumbers | null = null): DraftClause[] {
  const numbered = new Map(recordClauses(doc, languages, fixed).map((clause) => [clause.id, clause]));
  const deleted = fixed ? deriveNumbering(clauseItems(doc), fixed).deleted : [];
  return withDeletedPlaceholders(draftTexts(doc, languages, numbered), deleted);
}

function draftTexts(doc: Y.Doc, languages: readonly string[], numbered: Map<string, RecordClause>): DraftClause[] {
  return clauseItems(doc).map(({ id }) => {
    const record = numbered.get(id)!;
    const texts: Record<string, CanonicalNode | null> = {};
    for (const lang of languages) {
      try {
        const node = PMNode.fromJSON(schema, readClauseJSON(doc, id, lang));
        node.check();
        texts[lang] = node.toJSON() as CanonicalNode;
      } catch {
        texts[lang] = null;
      }
    }
    return { id, kind: record.kind, number: record.number, texts };
  });
}

/** The ids of the proposals in the clauses' texts, in order of first appearance. */
export function proposalIdsOf(clauses: readonly DraftClause[]): string[] {
  const ids = new Set<string>();
  for (const clause of clauses) {
    for (const text of Object.values(clause.texts)) {
      if (!text) continue;
      for (const id of proposalRuns(PMNode.fromJSON(schema, text)).keys()) ids.add(id);
    }
  }
  return [...ids];
}

async function withProposals(
  ctx: AppContext,
  document: DocumentRow,
  source: DraftText['source'],
  at: string,
  clauses: DraftClause[],
  approvals: DraftApprovals,
): Promise<DraftText> {
  const participants = await documentParticipants(ctx.pool, document.id);
  const byId = new Map(participants.map((p) => [p.id, p]));
  const ids = proposalIdsOf(clauses);
  const { rows } = await ctx.pool.query<{ id: string; sponsor_participant_id: string | null; created_at: Date }>(
    'SELECT id, sponsor_participant_id, created_at FROM proposals WHERE document_id = $1 AND id = ANY($2)',
    [document.id, ids],
  );
  const stored = new Map(rows.map((row) => [row.id, row]));
  const proposals = ids.map((id): DraftProposal => {
    const row = stored.get(id);
    const sponsorId = row?.sponsor_participant_id ?? null;
    return { id, sponsor: (sponsorId && byId.get(sponsorId)) || null, createdAt: row ? row.created_at.toISOString() : at };
  });
  return {
    document: { id: document.id, title: { ...document.title }, languages: [...document.languages] },
    source,
    at,
    participants: participants.map(({ id, code, name, color }) => ({ id, code, name: { ...name }, color })),
    clauses,
    proposals,
    approvals,
  };
}

async function documentRow(ctx: AppContext, documentId: string): Promise<DocumentRow> {
  const { rows } = await ctx.pool.query<DocumentRow>('SELECT id, title, languages, status FROM documents WHERE id = $1', [documentId]);
  if (!rows[0]) throw new AppError('not_found');
  return rows[0];
}

/** The sponsors of a draft's proposals, each once, in Participant order; unattributed proposals as one null entry at the end. */
export function draftSponsors(draft: DraftText): Array<DraftParticipant | null> {
  const sponsoring = new Set(draft.proposals.map((p) => p.sponsor?.id ?? null));
  const sponsors: Array<DraftParticipant | null> = draft.participants.filter((p) => sponsoring.has(p.id));
  if (sponsoring.has(null)) sponsors.push(null);
  return sponsors;
}
