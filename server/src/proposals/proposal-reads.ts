/** Reading proposals: their rows, positions and co-sponsors, and what each open one changes in the committed text. */
import type { AppContext } from '../context';
import type { DocumentRow } from '../policies/document-access';
import type { ProposalJSON, ProposalStatus } from '../../../shared/src/api/proposals';
import type { ProposalRun } from '../../../shared/src/proposals';
import { cosponsorRows, listProposalRows, positionRows } from './proposal-store';
import { clauseProposals } from './proposal-text';
import { presentProposal } from '../presenters/proposal';
import { countVisibleThreadsOfProposals } from '../comments/comment-store';
import type { ThreadReader } from '../comments/visibility';

export interface ProposalFilter {
  clauseId?: string;
  sponsorParticipantId?: string;
  status?: ProposalStatus;
  ids?: readonly string[];
}

/**
 * `reader`: whose comment threads `threadCount` counts; without one, the public threads only (what every
 * member reads: the answer may go to the document's room) — a delegation's internal notes never count
 * for anyone outside it.
 */
export async function loadProposals(
  ctx: AppContext,
  document: Pick<DocumentRow, 'id' | 'languages'>,
  filter: ProposalFilter = {},
  reader: ThreadReader | null = null,
): Promise<ProposalJSON[]> {
  const rows = await listProposalRows(ctx.pool, document.id, filter);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [positions, cosponsors, threads] = await Promise.all([
    positionRows(ctx.pool, document.id, ids),
    cosponsorRows(ctx.pool, document.id, ids),
    countVisibleThreadsOfProposals(ctx.pool, document.id, ids, reader),
  ]);
  const openClauses = [...new Set(rows.filter((row) => row.status === 'open').map((row) => row.clause_id))];
  const live = new Map<string, Record<string, ProposalRun[]>>();
  if (openClauses.length > 0) {
    const { value } = await ctx.documents.read(document.id, (doc) => openClauses.map((clauseId) => clauseProposals(doc, clauseId, document.languages)));
    for (const byId of value) for (const [id, changes] of byId) live.set(id, changes);
  }
  return rows.map((row) => ({ ...presentProposal(row, positions, cosponsors, live.get(row.id)), threadCount: threads.get(row.id) ?? 0 }));
}

export async function loadProposal(
  ctx: AppContext,
  document: Pick<DocumentRow, 'id' | 'languages'>,
  id: string,
  reader: ThreadReader | null = null,
): Promise<ProposalJSON | null> {
  const [proposal] = await loadProposals(ctx, document, { ids: [id] }, reader);
  return proposal ?? null;
}
