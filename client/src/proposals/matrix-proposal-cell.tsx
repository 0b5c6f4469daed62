/**
 * The approval matrix's proposals column: each open proposal on a clause with its sponsor and where
 * each Participant stands on it (a chip per stated position: supports ✓, opposes ✗, reserves ?), one
 * button that opens them in the panel. Only inside an open document (nothing otherwise).
 */
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { FeaturesContext } from '../workspace/features-context';
import type { ProposalJSON, ProposalPosition } from '../../../shared/src/api/proposals';
import type { ProposalsStore } from './proposals-store';
import { useOpenProposals } from './use-proposals';

/** What the matrix knows of a Participant. */
export interface MatrixPositionParticipant {
  id: string;
  code: string;
}

const POSITION_MARK: Record<ProposalPosition, string> = { supports: '✓', opposes: '✗', reserves: '?' };

export function MatrixProposalHeader() {
  const { t } = useTranslation();
  const features = useContext(FeaturesContext);
  return features ? <th scope="col">{t('proposals:matrix.column')}</th> : null;
}

export function MatrixProposalCell(props: { clauseId: string; label: string; participants: readonly MatrixPositionParticipant[] }) {
  const features = useContext(FeaturesContext);
  if (!features) return null;
  return <Cell {...props} store={features.proposals} onOpen={() => features.showProposals(props.clauseId, null)} />;
}

interface CellProps {
  store: ProposalsStore;
  clauseId: string;
  label: string;
  participants: readonly MatrixPositionParticipant[];
  onOpen(): void;
}

function Cell({ store, clauseId, label, participants, onOpen }: CellProps) {
  const { t } = useTranslation();
  const open = useOpenProposals(store, clauseId);
  if (open.length === 0) return <td />;
  const described = open.map((proposal) => describe(t, proposal, participants));
  const text = `${label}: ${t('proposals:matrix.count', { count: open.length })} — ${described.map((d) => d.sentence).join('; ')}`;
  return (
    <td>
      <button type="button" className="matrix-cell matrix-proposals" title={text} aria-label={text} onClick={onOpen}>
        {described.map(({ proposal, sponsor, chips }) => (
          <span key={proposal.id} className="matrix-proposal" aria-hidden="true">
            <span className="matrix-proposal-sponsor">{sponsor}</span>
            {chips.map((chip) => (
              <span key={chip.code} className={`matrix-position position-${chip.position}`} data-participant={chip.code}>
                {chip.code}
                {POSITION_MARK[chip.position]}
              </span>
            ))}
          </span>
        ))}
      </button>
    </td>
  );
}

interface Described {
  proposal: ProposalJSON;
  sponsor: string;
  chips: Array<{ code: string; position: ProposalPosition }>;
  sentence: string;
}

/** "HN: US opposes, SV supports" — the positions in the matrix's Participant order. */
function describe(t: TFunction, proposal: ProposalJSON, participants: readonly MatrixPositionParticipant[]): Described {
  const sponsor = participants.find((p) => p.id === proposal.sponsorParticipantId)?.code ?? t('proposals:card.unknownSponsor');
  const chips = participants.flatMap((participant) => {
    const stated = proposal.positions.find((position) => position.participantId === participant.id);
    return stated ? [{ code: participant.code, position: stated.position }] : [];
  });
  const positions = chips.length
    ? chips.map((chip) => t('proposals:position.chip', { participant: chip.code, position: t(`proposals:position.${chip.position}`) })).join(', ')
    : t('proposals:marker.noPositions');
  return { proposal, sponsor, chips, sentence: t('proposals:matrix.proposal', { sponsor, positions }) };
}
