/**
 * Where each Participant stands on a proposal (chips), and, for a delegate of an open proposal's
 * negotiation, the form that states their own delegation's position with a note.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/src/api/participants';
import { PROPOSAL_POSITIONS, type ProposalJSON, type ProposalPosition } from '../../../shared/src/api/proposals';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime } from '../app/format';
import type { ProposalActions } from './use-proposals';

export function PositionChips({ proposal, participants }: { proposal: ProposalJSON; participants: readonly Participant[] }) {
  const { t } = useTranslation();
  return (
    <ul className="position-chips" aria-label={t('proposals:position.title')}>
      {participants.map((participant) => {
        const stated = proposal.positions.find((position) => position.participantId === participant.id);
        const position = stated ? t(`proposals:position.${stated.position}`) : t('proposals:position.none');
        const label = stated?.note
          ? t('proposals:position.chipWithNote', { participant: participant.code, position, note: stated.note })
          : t('proposals:position.chip', { participant: participant.code, position });
        const detail = stated ? `${label} — ${stated.by.displayName}, ${formatDateTime(stated.updatedAt)}` : label;
        return (
          <li key={participant.id} className={`position-chip position-${stated?.position ?? 'none'}`} title={detail} data-participant={participant.code}>
            {label}
          </li>
        );
      })}
    </ul>
  );
}

export interface PositionFormProps {
  proposal: ProposalJSON;
  participant: Participant;
  actions: ProposalActions;
  announce(message: string): void;
}

export function PositionForm({ proposal, participant, actions, announce }: PositionFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const current = proposal.positions.find((position) => position.participantId === participant.id);
  const [note, setNote] = useState(current?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function state(position: ProposalPosition) {
    setBusy(true);
    setError(null);
    try {
      await actions.position(proposal.id, participant.id, note.trim() ? { position, note: note.trim() } : { position });
      announce(t('proposals:position.saved', { participant: participant.code, position: t(`proposals:position.${position}`) }));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="position-form">
      <legend>{t('proposals:position.mine', { participant: participant.code })}</legend>
      <label className="field">
        <span>{t('proposals:position.note')}</span>
        <textarea value={note} rows={2} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
      </label>
      <div className="button-row">
        {PROPOSAL_POSITIONS.map((position) => (
          <button
            key={position}
            type="button"
            className={`button position-button position-${position}`}
            aria-pressed={current?.position === position}
            disabled={busy}
            onClick={() => void state(position)}
          >
            {t('proposals:position.state', { position: t(`proposals:position.${position}`) })}
          </button>
        ))}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
