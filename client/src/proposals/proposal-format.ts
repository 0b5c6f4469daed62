/** How a proposal reads in sentences: its sponsor, the positions of the Participants, a short summary for markers. */
import type { TFunction } from 'i18next';
import type { Participant } from '../../../shared/src/api/participants';
import type { ProposalJSON } from '../../../shared/src/api/proposals';
import { formatDateTime, localized } from '../app/format';

export function sponsorOf(proposal: ProposalJSON, participants: readonly Participant[]): Participant | null {
  return participants.find((participant) => participant.id === proposal.sponsorParticipantId) ?? null;
}

export function sponsorName(t: TFunction, proposal: ProposalJSON, participants: readonly Participant[]): string {
  const sponsor = sponsorOf(proposal, participants);
  return sponsor ? `${sponsor.code} — ${localized(sponsor.name)}` : t('proposals:card.unknownSponsor');
}

export function positionCounts(proposal: ProposalJSON): { supports: number; opposes: number; reserves: number } {
  const counts = { supports: 0, opposes: 0, reserves: 0 };
  for (const position of proposal.positions) counts[position.position] += 1;
  return counts;
}

/** "Proposal of HN, by María …, 4 Dec 2026, 10:02: 1 supporting, 1 opposing, 0 reserving". */
export function proposalSummary(t: TFunction, proposal: ProposalJSON, participants: readonly Participant[]): string {
  const sponsor = sponsorOf(proposal, participants);
  const positions = proposal.positions.length === 0 ? t('proposals:marker.noPositions') : t('proposals:marker.positions', positionCounts(proposal));
  return t('proposals:marker.label', {
    sponsor: sponsor?.code ?? t('proposals:card.unknownSponsor'),
    author: proposal.author?.displayName ?? '—',
    time: formatDateTime(proposal.createdAt),
    positions,
  });
}
