/**
 * A proposal by my delegation (sponsored or co-sponsored by my Participant) got a position from another
 * delegation, or was decided. 'proposal.changed' carries the proposal as it is now; what is new is
 * found by source [N1]: each position statement (Participant and time) once, the decision once.
 */
import type { DomainEvents } from '../events';
import type { Notifier } from './notifier';
import type { ProposalDecision, ProposalJSON } from '../../../shared/src/api/proposals';

const DECISION_OF: Partial<Record<ProposalJSON['status'], ProposalDecision>> = { accepted: 'accept', rejected: 'reject', withdrawn: 'withdraw' };

export async function noticeProposal(notifier: Notifier, { documentId, proposal }: DomainEvents['proposal.changed']): Promise<void> {
  const delegations = [proposal.sponsorParticipantId, ...proposal.cosponsorParticipantIds].filter((id): id is string => id !== null);
  if (delegations.length === 0) return;
  const recipients = await notifier.members(documentId, { delegationsOf: delegations });
  if (recipients.length === 0) return;
  const codes = await notifier.participantCodes(documentId);
  const clause = await notifier.clauseRef(documentId, proposal.clauseId);
  const decision = DECISION_OF[proposal.status];
  if (decision) {
    await notifier.tell(recipients, {
      documentId,
      kind: 'proposal',
      source: `proposal:${proposal.id}:decision`,
      clause,
      actorUserId: proposal.decidedBy?.id ?? null,
      details: { proposalId: proposal.id, event: 'decision', decision },
    });
  }
  for (const position of proposal.positions) {
    if (delegations.includes(position.participantId)) continue; // my own delegation's position is not news to it
    await notifier.tell(recipients, {
      documentId,
      kind: 'proposal',
      source: `proposal:${proposal.id}:position:${position.participantId}:${position.updatedAt}`,
      clause,
      actorUserId: position.by.id,
      details: { proposalId: proposal.id, event: 'position', position: position.position, participantCode: codes.get(position.participantId) ?? '' },
    });
  }
}
