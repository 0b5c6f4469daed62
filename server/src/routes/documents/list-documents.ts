/**
 * "My negotiations": the documents a person is a member of (administrators: all), each with their
 * membership and its progress — clauses approved by every Participant, open threads the person may
 * read. A fixed number of queries whatever the number of documents; the text of a document is read
 * again only when it changed (StoredFingerprints).
 */
import type { AppContext } from '../../context';
import type { SessionUser } from '../../auth/sessions';
import type { DocumentRow, MembershipRow } from '../../policies/document-access';
import { threadVisibleToMember } from '../../comments/visibility';
import { storedTextKey, storedTextKeyColumns, type StoredFingerprints, type StoredTextKeyRow } from '../../approvals/stored-fingerprints';
import { approvedClauses, unanimousApprovals } from '../../approvals/approved-clauses';
import type { DocumentProgress, SinceLastVisit } from '../../../../shared/src/api/documents';
import { changesSinceLastVisit } from './since-last-visit';

/** Changes that move a negotiation's "Updated" date besides its text: what every member sees in its activity. */
const DATED_ACTIONS = [
  'clause.approved',
  'clause.approval_revoked',
  'clause.approval_confirmed',
  'clause.concordance_confirmed',
  'clause.restored',
  'document.frozen',
  'document.phase_changed',
  'document.imported',
  'proposal.tabled',
  'proposal.accepted',
  'proposal.rejected',
  'proposal.withdrawn',
  'proposal.position_stated',
  'version.created',
];

export interface ListedDocument {
  document: DocumentRow;
  membership: { role: MembershipRow['role']; participant_id: string | null } | null;
  progress: DocumentProgress;
  sinceLastVisit: SinceLastVisit | null;
}

type Row = DocumentRow & StoredTextKeyRow & { membership_role: MembershipRow['role'] | null; participant_id: string | null; open_threads: number };

export async function listDocuments(ctx: AppContext, fingerprints: StoredFingerprints, user: Pick<SessionUser, 'id' | 'isAdmin'>): Promise<ListedDocument[]> {
  const textKey = storedTextKeyColumns('d');
  const { rows } = await ctx.pool.query<Row>(
    `SELECT d.id, d.title, d.languages, d.status, d.phase, d.created_at,
            greatest(d.updated_at,
                     (SELECT u.created_at FROM document_updates u WHERE u.document_id = d.id ORDER BY u.id DESC LIMIT 1),
                     (SELECT a.occurred_at FROM audit_events a WHERE a.document_id = d.id AND a.action = ANY ($3::text[]) ORDER BY a.id DESC LIMIT 1)) AS updated_at,
            m.role AS membership_role, m.participant_id,
            (SELECT count(*)::int FROM comment_threads t
              WHERE t.document_id = d.id AND t.resolved_at IS NULL AND ${threadVisibleToMember('t', 'm')}) AS open_threads,
            ${textKey.select}
       FROM documents d
       LEFT JOIN memberships m ON m.document_id = d.id AND m.user_id = $1
       ${textKey.joins}
      WHERE m.id IS NOT NULL OR $2::boolean
      ORDER BY updated_at DESC`,
    [user.id, user.isAdmin, DATED_ACTIONS],
  );
  const ids = rows.map((row) => row.id);
  const [unanimous, texts, visits] = await Promise.all([
    unanimousApprovals(ctx.pool, ids),
    fingerprints.read(rows.map((row) => ({ id: row.id, languages: row.languages, textKey: storedTextKey(row) }))),
    changesSinceLastVisit(ctx.pool, user.id, ids),
  ]);
  return rows.map((row) => {
    const clauses = approvedClauses(texts.get(row.id) ?? [], unanimous.get(row.id));
    return {
      document: {
        id: row.id,
        title: row.title,
        languages: row.languages,
        status: row.status,
        phase: row.phase,
        created_at: row.created_at,
        updated_at: row.updated_at,
      },
      membership: row.membership_role ? { role: row.membership_role, participant_id: row.participant_id } : null,
      progress: { approvedClauses: clauses.approved, totalClauses: clauses.total, openThreads: row.open_threads },
      sinceLastVisit: visits.get(row.id) ?? null,
    };
  });
}
