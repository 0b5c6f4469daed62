import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type AccessInput, type RouteRegistry } from '../../http/api-router';
import type { Queryable } from '../../db/queryable';
import { AppError } from '../../http/errors';
import { decideProposal } from '../../commands/decide-proposal';
import { stateProposalPosition } from '../../commands/state-proposal-position';
import { setDocumentPhase } from '../../commands/set-document-phase';
import { explainProposal } from '../../commands/explain-proposal';
import { cosponsorProposal } from '../../commands/cosponsor-proposal';
import { loadProposal, loadProposals } from '../../proposals/proposal-reads';
import { threadReader, type ThreadReader } from '../../comments/visibility';
import type { DocumentAccess } from '../../policies/document-access';

/** Whose thread counts a proposal shows: the reader's own delegation's internal notes count, no one else's. */
const readerOf = (userId: string, access: DocumentAccess): ThreadReader =>
  threadReader(userId, access.membership && { role: access.membership.role, participantId: access.membership.participant_id });
import {
  explanationBodySchema,
  phaseAnswerSchema,
  positionBodySchema,
  proposalAnswerSchema,
  proposalIdSchema,
  proposalListQuerySchema,
  proposalListSchema,
  setPhaseBodySchema,
  PROPOSAL_DECISIONS,
  type ProposalDecision,
} from '../../../../shared/src/api/proposals';
import { emptyBody } from '../../../../shared/src/api/common';
import { documentParams } from '../schemas';

const proposalParams = documentParams.extend({ proposalId: proposalIdSchema }).strict();
const positionParams = proposalParams.extend({ participantId: z.uuid() }).strict();

/** The sponsor of the proposal a request names, for the policy's [P5] (withdrawing and explaining are the sponsor's). */
async function sponsorOf(input: AccessInput, db: Queryable, documentId: string): Promise<{ participantId?: string | null }> {
  const proposalId = input.params.proposalId;
  if (!proposalId || !proposalIdSchema.safeParse(proposalId).success) return {};
  const { rows } = await db.query<{ sponsor_participant_id: string | null }>(
    'SELECT sponsor_participant_id FROM proposals WHERE document_id = $1 AND id = $2',
    [documentId, proposalId],
  );
  // An unknown proposal: the handler answers not_found; an unattributed one has no sponsor to act for it.
  return rows[0] ? { participantId: rows[0].sponsor_participant_id ?? '' } : {};
}

const DECISION_DOCS: Record<ProposalDecision, { summary: string; description?: string }> = {
  accept: {
    summary: 'Accept a proposal: its change enters the agreed text',
    description:
      'One Yjs change by the server; approvals of the clause turn outdated as after any edit. ' +
      '409 proposal_not_open when another decision came first, 409 proposal_text_gone when its text is no longer in the clause.',
  },
  reject: { summary: 'Reject a proposal: its insertions disappear, its deletions are kept' },
  withdraw: { summary: 'Withdraw a proposal my Participant sponsors' },
};

const namedParticipant = (input: AccessInput) => ({ participantId: input.params.participantId });

/**
 * Proposals and the phase of the negotiation (docs/api.md, "Proposals"). Tabling happens in the text
 * (the collab socket); these routes read proposals, record positions and decisions.
 */
export function proposalsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  const router = new ApiRouter(ctx, registry)
    .add({
      method: 'put',
      path: '/documents/:documentId/phase',
      tag: 'proposals',
      summary: 'Move the negotiation to the drafting or the negotiation phase',
      description:
        'In the negotiation phase delegations only propose: an update of theirs that would change the agreed text is refused on the collab socket. The secretariat keeps editing directly.',
      access: { kind: 'document', action: 'document.set_phase' },
      params: documentParams,
      body: setPhaseBodySchema,
      response: phaseAnswerSchema,
      handler: async ({ params, body, session }) => setDocumentPhase(ctx, { documentId: params.documentId, phase: body.phase, userId: session.user.id }),
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/proposals',
      tag: 'proposals',
      summary: 'The proposals of the document',
      description: 'Oldest first. `clause`, `sponsor` (a Participant id or code) and `status` narrow the list.',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      query: proposalListQuerySchema,
      response: proposalListSchema,
      handler: async ({ access, query, session }) => {
        let sponsorParticipantId: string | undefined;
        if (query.sponsor) {
          const { rows } = await ctx.pool.query<{ id: string }>('SELECT id FROM participants WHERE document_id = $1 AND (id::text = $2 OR code = $2)', [
            access.document.id,
            query.sponsor,
          ]);
          if (!rows[0]) throw new AppError('unknown_participant');
          sponsorParticipantId = rows[0].id;
        }
        const filter = { clauseId: query.clause, sponsorParticipantId, status: query.status };
        return { proposals: await loadProposals(ctx, access.document, filter, readerOf(session.user.id, access)) };
      },
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/proposals/:proposalId',
      tag: 'proposals',
      summary: 'One proposal: its changes, sponsor, positions and decision',
      access: { kind: 'document', action: 'document.read' },
      params: proposalParams,
      response: proposalAnswerSchema,
      handler: async ({ access, params, session }) => {
        const proposal = await loadProposal(ctx, access.document, params.proposalId, readerOf(session.user.id, access));
        if (!proposal) throw new AppError('not_found');
        return { proposal };
      },
    })
    .add({
      method: 'put',
      path: '/documents/:documentId/proposals/:proposalId/positions/:participantId',
      tag: 'proposals',
      summary: 'State my Participant’s position on a proposal',
      access: { kind: 'document', action: 'proposal.position', object: namedParticipant },
      params: positionParams,
      body: positionBodySchema,
      response: proposalAnswerSchema,
      handler: async ({ access, params, body, session }) => ({
        proposal: await stateProposalPosition(ctx, {
          document: access.document,
          proposalId: params.proposalId,
          participantId: params.participantId,
          body,
          userId: session.user.id,
        }),
      }),
    })
    .add({
      method: 'put',
      path: '/documents/:documentId/proposals/:proposalId/explanation',
      tag: 'proposals',
      summary: 'Explain a proposal my Participant sponsors',
      access: { kind: 'document', action: 'proposal.withdraw', object: sponsorOf },
      params: proposalParams,
      body: explanationBodySchema,
      response: proposalAnswerSchema,
      handler: async ({ access, params, body, session }) => ({
        proposal: await explainProposal(ctx, {
          document: access.document,
          proposalId: params.proposalId,
          explanation: body.explanation,
          userId: session.user.id,
        }),
      }),
    });

  for (const join of [true, false]) {
    router.add({
      method: join ? 'put' : 'delete',
      path: '/documents/:documentId/proposals/:proposalId/cosponsors/:participantId',
      tag: 'proposals',
      summary: join ? 'My Participant joins a proposal as co-sponsor' : 'My Participant stops co-sponsoring a proposal',
      access: { kind: 'document', action: 'proposal.position', object: namedParticipant },
      params: positionParams,
      ...(join ? { body: emptyBody } : {}),
      response: proposalAnswerSchema,
      handler: async ({ access, params, session }) => ({
        proposal: await cosponsorProposal(ctx, {
          document: access.document,
          proposalId: params.proposalId,
          participantId: params.participantId,
          join,
          userId: session.user.id,
        }),
      }),
    });
  }
  for (const decision of PROPOSAL_DECISIONS) {
    router.add({
      method: 'post',
      path: `/documents/:documentId/proposals/:proposalId/${decision}`,
      tag: 'proposals',
      ...DECISION_DOCS[decision],
      access: decision === 'withdraw' ? { kind: 'document', action: 'proposal.withdraw', object: sponsorOf } : { kind: 'document', action: 'proposal.decide' },
      params: proposalParams,
      body: emptyBody,
      response: proposalAnswerSchema,
      handler: async ({ access, params, session }) => ({
        proposal: await decideProposal(ctx, {
          document: access.document,
          proposalId: params.proposalId,
          decision,
          user: { id: session.user.id, participantId: access.membership?.participant_id ?? null },
        }),
      }),
    });
  }
  return router;
}
