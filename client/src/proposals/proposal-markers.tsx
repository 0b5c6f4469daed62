/**
 * In a clause's margin: one marker per open proposal, with its sponsor's code in its colour. Hovering
 * shows who tabled it, when, and the positions; the marker is a button (keyboard focusable) that opens
 * the proposal in the side panel, where everything about it is.
 */
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/src/api/participants';
import type { ProposalsStore } from './proposals-store';
import { proposalSummary, sponsorOf } from './proposal-format';
import { useOpenProposals } from './use-proposals';

export interface ProposalMarkersProps {
  store: ProposalsStore;
  clauseId: string;
  participants: readonly Participant[];
  onOpen(clauseId: string, proposalId: string): void;
}

export function ProposalMarkers({ store, clauseId, participants, onOpen }: ProposalMarkersProps) {
  const { t } = useTranslation();
  const open = useOpenProposals(store, clauseId);
  if (open.length === 0) return null;
  return (
    <ul className="proposal-markers" aria-label={t('proposals:matrix.count', { count: open.length })}>
      {open.map((proposal) => {
        const summary = proposalSummary(t, proposal, participants);
        const sponsor = sponsorOf(proposal, participants);
        return (
          <li key={proposal.id}>
            <button
              type="button"
              className="proposal-marker"
              data-proposal-marker={proposal.id}
              style={sponsor ? { ['--proposal-color' as string]: sponsor.color } : undefined}
              title={summary}
              aria-label={summary}
              onClick={() => onOpen(clauseId, proposal.id)}
            >
              {sponsor?.code ?? '?'}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
