/** PostgreSQL rows of proposals (migrations/008_proposals.sql): sponsors, decisions, positions, co-sponsors. */
import type { Queryable } from '../db/queryable';
import type { DocumentPhase } from '../../../shared/src/policy';
import type { ProposalPosition, ProposalStatus } from '../../../shared/src/api/proposals';
import type { ProposalRun } from '../../../shared/src/proposals';

export interface ProposalRow {
  id: string;
  document_id: string;
  clause_id: string;
  sponsor_participant_id: string | null;
  author_user_id: string | null;
  author_name: string | null;
  explanation: string | null;
  status: ProposalStatus;
  decided_by: string | null;
  decider_name: string | null;
  decided_at: Date | null;
  decided_runs: Record<string, ProposalRun[]> | null;
  created_at: Date;
}

export interface PositionRow {
  proposal_id: string;
  participant_id: string;
  position: ProposalPosition;
  note: string | null;
  user_id: string;
  user_name: string;
  updated_at: Date;
}

export interface CosponsorRow {
  proposal_id: string;
  participant_id: string;
}

const PROPOSAL_COLUMNS = `p.id, p.document_id, p.clause_id, p.sponsor_participant_id, p.author_user_id, a.display_name AS author_name,
  p.explanation, p.status, p.decided_by, d.display_name AS decider_name, p.decided_at, p.decided_runs, p.created_at`;
const PROPOSAL_FROM = `proposals p LEFT JOIN users a ON a.id = p.author_user_id LEFT JOIN users d ON d.id = p.decided_by`;

/** What a live copy of the document needs to check updates: its phase, languages and every proposal's sponsor. */
export async function loadLiveProposalState(
  db: Queryable,
  documentId: string,
): Promise<{ phase: DocumentPhase; languages: string[]; sponsors: Map<string, { sponsor: string | null; clauseId: string }>; closed: Set<string> }> {
  const meta = await db.query<{ phase: DocumentPhase; languages: string[] }>('SELECT phase, languages FROM documents WHERE id = $1', [documentId]);
  const { rows } = await db.query<{ id: string; sponsor_participant_id: string | null; clause_id: string; status: string }>(
    'SELECT id, sponsor_participant_id, clause_id, status FROM proposals WHERE document_id = $1',
    [documentId],
  );
  return {
    phase: meta.rows[0]?.phase ?? 'drafting',
    languages: meta.rows[0]?.languages ?? [],
    sponsors: new Map(rows.map((row) => [row.id, { sponsor: row.sponsor_participant_id, clauseId: row.clause_id }])),
    closed: new Set(rows.filter((row) => row.status !== 'open').map((row) => row.id)),
  };
}

/** Records proposals a client update tabled; an id already recorded keeps its first sponsor. Returns the ids inserted now. */
export async function insertTabledProposals(
  db: Queryable,
  documentId: string,
  proposals: readonly { id: string; clauseId: string }[],
  author: { userId: string | null; participantId: string },
): Promise<string[]> {
  const inserted: string[] = [];
  for (const proposal of proposals) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO proposals (id, document_id, clause_id, sponsor_participant_id, author_user_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (document_id, id) DO NOTHING RETURNING id`,
      [proposal.id, documentId, proposal.clauseId, author.participantId, author.userId],
    );
    if (rows[0]) inserted.push(rows[0].id);
  }
  return inserted;
}

export async function listProposalRows(
  db: Queryable,
  documentId: string,
  filter: { clauseId?: string; sponsorParticipantId?: string; status?: ProposalStatus; ids?: readonly string[] } = {},
): Promise<ProposalRow[]> {
  const { rows } = await db.query<ProposalRow>(
    `SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_FROM}
      WHERE p.document_id = $1
        AND ($2::text IS NULL OR p.clause_id = $2)
        AND ($3::uuid IS NULL OR p.sponsor_participant_id = $3)
        AND ($4::text IS NULL OR p.status = $4)
        AND ($5::text[] IS NULL OR p.id = ANY($5))
      ORDER BY p.created_at, p.id`,
    [documentId, filter.clauseId ?? null, filter.sponsorParticipantId ?? null, filter.status ?? null, filter.ids ?? null],
  );
  return rows;
}

export async function positionRows(db: Queryable, documentId: string, ids: readonly string[]): Promise<PositionRow[]> {
  const { rows } = await db.query<PositionRow>(
    `SELECT pp.proposal_id, pp.participant_id, pp.position, pp.note, pp.user_id, u.display_name AS user_name, pp.updated_at
       FROM proposal_positions pp JOIN users u ON u.id = pp.user_id
      WHERE pp.document_id = $1 AND pp.proposal_id = ANY($2)
      ORDER BY pp.updated_at`,
    [documentId, ids],
  );
  return rows;
}

export async function cosponsorRows(db: Queryable, documentId: string, ids: readonly string[]): Promise<CosponsorRow[]> {
  const { rows } = await db.query<CosponsorRow>(
    'SELECT proposal_id, participant_id FROM proposal_cosponsors WHERE document_id = $1 AND proposal_id = ANY($2) ORDER BY created_at',
    [documentId, ids],
  );
  return rows;
}

/** Locks one proposal row for a change of its status; null when there is no such proposal. */
export async function lockProposal(db: Queryable, documentId: string, id: string): Promise<ProposalRow | null> {
  const { rows } = await db.query<ProposalRow>(`SELECT ${PROPOSAL_COLUMNS} FROM ${PROPOSAL_FROM} WHERE p.document_id = $1 AND p.id = $2 FOR UPDATE OF p`, [
    documentId,
    id,
  ]);
  return rows[0] ?? null;
}

/** Moves an open proposal to a decided status; false when it was no longer open (another decision won). */
export async function markDecided(db: Queryable, documentId: string, id: string, status: Exclude<ProposalStatus, 'open'>, userId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE proposals SET status = $3, decided_by = $4, decided_at = now() WHERE document_id = $1 AND id = $2 AND status = 'open'`,
    [documentId, id, status, userId],
  );
  return rowCount === 1;
}

/** Undoes `markDecided` when the change of the text it stood for could not be made. */
export async function reopen(db: Queryable, documentId: string, id: string): Promise<void> {
  await db.query(`UPDATE proposals SET status = 'open', decided_by = NULL, decided_at = NULL, decided_runs = NULL WHERE document_id = $1 AND id = $2`, [
    documentId,
    id,
  ]);
}

export async function saveDecidedRuns(db: Queryable, documentId: string, id: string, runs: Record<string, ProposalRun[]>): Promise<void> {
  await db.query('UPDATE proposals SET decided_runs = $3 WHERE document_id = $1 AND id = $2', [documentId, id, JSON.stringify(runs)]);
}

export async function upsertPosition(
  db: Queryable,
  input: { documentId: string; proposalId: string; participantId: string; position: ProposalPosition; note: string | null; userId: string },
): Promise<void> {
  await db.query(
    `INSERT INTO proposal_positions (document_id, proposal_id, participant_id, position, note, user_id)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (document_id, proposal_id, participant_id)
     DO UPDATE SET position = EXCLUDED.position, note = EXCLUDED.note, user_id = EXCLUDED.user_id, updated_at = now()`,
    [input.documentId, input.proposalId, input.participantId, input.position, input.note, input.userId],
  );
}

/** Adds a co-sponsor; false when it already was one. */
export async function addCosponsor(db: Queryable, input: { documentId: string; proposalId: string; participantId: string; userId: string }): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO proposal_cosponsors (document_id, proposal_id, participant_id, user_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (document_id, proposal_id, participant_id) DO NOTHING`,
    [input.documentId, input.proposalId, input.participantId, input.userId],
  );
  return rowCount === 1;
}

/** Removes a co-sponsor; false when it was none. */
export async function removeCosponsor(db: Queryable, documentId: string, proposalId: string, participantId: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM proposal_cosponsors WHERE document_id = $1 AND proposal_id = $2 AND participant_id = $3', [
    documentId,
    proposalId,
    participantId,
  ]);
  return rowCount === 1;
}

export async function setExplanation(db: Queryable, documentId: string, id: string, explanation: string | null): Promise<void> {
  await db.query('UPDATE proposals SET explanation = $3 WHERE document_id = $1 AND id = $2', [documentId, id, explanation]);
}

/** Open proposals per clause, for freeze blockers and the approve dialog. */
export async function openProposalCounts(db: Queryable, documentId: string): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ clause_id: string; id: string }>(
    `SELECT clause_id, id FROM proposals WHERE document_id = $1 AND status = 'open' ORDER BY created_at`,
    [documentId],
  );
  const byClause = new Map<string, string[]>();
  for (const row of rows) byClause.set(row.clause_id, [...(byClause.get(row.clause_id) ?? []), row.id]);
  return byClause;
}
