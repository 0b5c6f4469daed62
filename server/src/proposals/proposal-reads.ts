/** Reading proposals: their rows, positions and co-sponsors, and what each open one changes in the committed text. */
import type { AppContext } from '../context';
import type { DocumentRow } from '../policies/document-access';
import type { ProposalJSON, ProposalStatus } from '../../../shared/src/api/proposals';
import type { ProposalRun } from '../../../shared/src/proposals';
import { cosponsorRows, listProposalRows, positionRows } from './proposal-store';
import { clauseProposals } from './proposal-text';
import { presentProposal } from '../presenters/proposal';

export interface ProposalFilter {
  clauseId?: string;
  sponsorParticipantId?: string;
  status?: ProposalStatus;
  ids?: readonly string[];
}

export async function loadProposals(ctx: AppContext, document: Pick<DocumentRow, 'id' | 'languages'>, filter: ProposalFilter = {}): Promise<ProposalJSON[]> {
  const rows = await listProposalRows(ctx.pool, document.id, filter);
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [positions, cosponsors] = await Promise.all([positionRows(ctx.pool, document.id, ids), cosponsorRows(ctx.pool, document.id, ids)]);
  const openClauses = [...new Set(rows.filter((row) => row.status === 'open').map((row) => row.clause_id))];
  const live = new Map<string, Record<string, ProposalRun[]>>();
  if (openClauses.length > 0) {
    const { value } = await ctx.documents.read(document.id, (doc) => openClauses.map((clauseId) => clauseProposals(doc, clauseId, document.languages)));
    for (const byId of value) for (const [id, changes] of byId) live.set(id, changes);
  }
  return rows.map((row) => presentProposal(row, positions, cosponsors, live.get(row.id)));
}

export async function loadProposal(ctx: AppContext, document: Pick<DocumentRow, 'id' | 'languages'>, id: string): Promise<ProposalJSON | null> {
  const [proposal] = await loadProposals(ctx, document, { ids: [id] });
  return proposal ?? null;
}
