/**
 * The document's phase in the header ("Drafting", "Negotiation"); the secretariat switches it, after
 * confirming what it means for the delegates. Every open page follows the socket event (the workspace
 * reads its permissions again).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentPhase } from '../../../shared/src/policy';
import { useErrorMessage } from '../app/error-message';
import { Modal } from '../approvals/modal';
import { proposalsApi } from './proposals-api';

export interface PhaseControlProps {
  documentId: string;
  phase: DocumentPhase;
  canSwitch: boolean;
  onSwitched(phase: DocumentPhase): void;
}

export function PhaseControl({ documentId, phase, canSwitch, onSwitched }: PhaseControlProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next: DocumentPhase = phase === 'drafting' ? 'negotiation' : 'drafting';

  async function switchPhase() {
    setBusy(true);
    setError(null);
    try {
      const answer = await proposalsApi.setPhase(documentId, next);
      setConfirming(false);
      onSwitched(answer.phase);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <span className={`phase-chip phase-${phase}`} data-phase={phase}>
        {t('proposals:phase.label', { phase: t(`proposals:phase.${phase}`) })}
      </span>
      {canSwitch && (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t(`proposals:phase.switchTo.${next}`)}
        </button>
      )}
      {confirming && (
        <Modal
          title={t(`proposals:phase.confirmTitle.${next}`)}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('proposals:phase.cancel')}
              </button>
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void switchPhase()}>
                {t('proposals:phase.confirm')}
              </button>
            </>
          }
        >
          <p>{t(`proposals:phase.confirmText.${next}`)}</p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </Modal>
      )}
    </>
  );
}
