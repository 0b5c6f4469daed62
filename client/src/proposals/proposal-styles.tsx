/**
 * The colour of each proposal in the text: one generated rule per proposal id, mapping the
 * `data-proposal` attribute the marks render (shared/src/schema.ts) to its sponsor's colour. Ids the
 * server has not described yet take the colour of my own delegation when this page wrote them.
 */
import type { Participant } from '../../../shared/src/api/participants';
import { isProposalId } from '../../../shared/src/proposals';
import type { ProposalsStore } from './proposals-store';
import { useAllProposals } from './use-proposals';

const COLOR = /^#[0-9a-fA-F]{3,8}$/;

export function proposalColorRules(entries: Iterable<[string, string]>): string {
  const rules: string[] = [];
  for (const [id, color] of entries) {
    // Both come from the server, but a style sheet is no place to trust them.
    if (isProposalId(id) && COLOR.test(color)) rules.push(`[data-proposal="${id}"]{--proposal-color:${color}}`);
  }
  return rules.join('\n');
}

export function ProposalStyles({ store, participants }: { store: ProposalsStore; participants: readonly Participant[] }) {
  const proposals = useAllProposals(store);
  const colors = new Map(participants.map((participant) => [participant.id, participant.color]));
  const entries: Array<[string, string]> = [];
  for (const proposal of proposals.values()) {
    const color = proposal.sponsorParticipantId ? colors.get(proposal.sponsorParticipantId) : undefined;
    if (color) entries.push([proposal.id, color]);
  }
  return <style>{proposalColorRules(entries)}</style>;
}
