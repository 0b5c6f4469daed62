/**
 * What a draft export says of approvals (issue 16, "Approval states": an ad referendum approval shows
 * as such in the exports of drafts): per clause and Participant, whether the Participant approved the
 * text as it stands — finally or ad referendum — or its approval is outdated or missing.
 *
 * The text now takes the statuses of the approval matrix (the same derivation as the workspace's); a
 * stored version takes the approvals its record lists (those in force that covered the text then),
 * each ad referendum unless its confirmation came before the version was taken.
 */
import type { AppContext } from '../context';
import { loadApprovalMatrix } from '../approvals/approval-matrix';
import type { ExportLabels } from './labels';
import type { ApprovalStatus } from '../../../shared/src/approval-status';
import type { ClauseKind } from '../../../shared/src/yjs-layout';
import type { ClauseNumber } from '../../../shared/src/numbering';
import type { VersionRecord } from '../../../shared/src/versions/version-record';

export interface DraftApprovalCell {
  status: ApprovalStatus;
  /** An approval subject to confirmation by the capital, not yet confirmed. */
  adReferendum: boolean;
}

/** One clause's cells, by Participant id (every Participant has one). */
export type DraftApprovals = Record<string, Record<string, DraftApprovalCell>>;

const NOT_APPROVED: DraftApprovalCell = { status: 'not_approved', adReferendum: false };

/** The statuses of every visible clause now, as the approval matrix derives them. */
export async function currentDraftApprovals(ctx: AppContext, document: { id: string; status: string; languages: string[] }): Promise<DraftApprovals> {
  const matrix = await loadApprovalMatrix(ctx, document);
  const out: DraftApprovals = {};
  for (const clause of matrix.clauses) {
    const cells: Record<string, DraftApprovalCell> = {};
    for (const participant of matrix.participants) {
      const approval = clause.approvals[participant.id];
      cells[participant.id] = {
        status: clause.statuses[participant.id] ?? 'not_approved',
        adReferendum: Boolean(approval?.adReferendum && !approval.confirmedAt),
      };
    }
    out[clause.clauseId] = cells;
  }
  return out;
}

/** The approvals a version's record lists, ad referendum where no confirmation preceded the version. */
export async function versionDraftApprovals(ctx: AppContext, record: VersionRecord): Promise<DraftApprovals> {
  const ids = record.approvals.map((a) => a.id);
  const { rows } = await ctx.pool.query<{ id: string; ad_referendum: boolean; confirmed_at: Date | null }>(
    `SELECT a.id::text AS id, a.ad_referendum, c.created_at AS confirmed_at
       FROM approvals a LEFT JOIN approval_confirmations c ON c.approval_id = a.id
      WHERE a.document_id = $1 AND a.id::text = ANY($2)`,
    [record.document.id, ids],
  );
  const takenAt = Date.parse(record.version.takenAt);
  const pending = new Set(rows.filter((r) => r.ad_referendum && (!r.confirmed_at || r.confirmed_at.getTime() > takenAt)).map((r) => r.id));
  const out: DraftApprovals = {};
  for (const clause of record.clauses) {
    out[clause.id] = Object.fromEntries(record.participants.map((p) => [p.id, NOT_APPROVED]));
  }
  for (const approval of record.approvals) {
    const cells = out[approval.clauseId];
    if (cells) cells[approval.participantId] = { status: 'approved', adReferendum: pending.has(approval.id) };
  }
  return out;
}

/** "US ✓ · SV ✓ ad ref. · GT outdated · HN —": one clause's approvals in one language. */
export function approvalLine(
  labels: ExportLabels,
  participants: readonly { id: string; code: string }[],
  cells: Record<string, DraftApprovalCell> | undefined,
): string {
  return participants
    .map((p) => {
      const cell = cells?.[p.id] ?? NOT_APPROVED;
      const key = cell.status === 'approved' && cell.adReferendum ? 'adReferendum' : cell.status;
      return `${p.code} ${labels.t(`export.draft.approvals.cell.${key}`)}`;
    })
    .join(' · ');
}

/** How a clause is named in the list: "Article 3", "Section 2", or its kind ("Preamble"). */
export function clauseName(labels: ExportLabels, clause: { kind: ClauseKind; number: ClauseNumber }): string {
  return labels.clause(clause.kind, clause.number) || labels.t(`export.draft.approvals.kind.${clause.kind}`);
}

/** The legend under the heading, in one language. */
export function approvalLegend(labels: ExportLabels): string {
  return (['approved', 'adReferendum', 'held', 'outdated', 'not_approved'] as const)
    .map((key) => `${labels.t(`export.draft.approvals.cell.${key}`)} ${labels.t(`export.draft.approvals.legend.${key}`)}`)
    .join(' · ');
}

/** The list a draft ends with: a heading and legend per language, then one entry per clause. */
export interface ApprovalListing {
  headings: string[];
  legends: string[];
  entries: Array<{ name: string; line: string }>;
}

export function approvalListing(
  draft: {
    document: { languages: string[] };
    participants: readonly { id: string; code: string }[];
    clauses: readonly { id: string; kind: ClauseKind; number: ClauseNumber }[];
    approvals: DraftApprovals;
  },
  labels: Record<string, ExportLabels>,
): ApprovalListing {
  const languages = draft.document.languages;
  const first = labels[languages[0]];
  return {
    headings: languages.map((lang) => labels[lang].t('export.draft.approvals.heading')),
    legends: languages.map((lang) => approvalLegend(labels[lang])),
    entries: draft.clauses.map((clause) => ({
      name: languages.map((lang) => clauseName(labels[lang], clause)).join(' / '),
      line: approvalLine(first, draft.participants, draft.approvals[clause.id]),
    })),
  };
}
