/**
 * Confirming for the capital: the head of delegation (a delegate the secretariat marked as one who may
 * confirm for the capital) makes their Participant's ad referendum approval final. The dialog shows the
 * texts that approval covers, side by side, and one click confirms it — bound to the approval's
 * fingerprint, so the server refuses when the text changed since. When the text changed (seen live here,
 * or told by the server's 409 approval_text_changed), what changed is shown instead of a bare error.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useErrorMessage } from '../app/error-message';
import { useServerReachable } from '../app/connectivity';
import { formatDateTime, languageTitle, localized } from '../app/format';
import type { MatrixParticipant } from '../../../shared/src/api/approvals';
import type { ApprovalsStore } from './approvals-store';
import { useApprovalRow, useApprovalsMeta } from './use-approvals';
import { livePlainTexts } from './clause-texts';
import { ChangedSince } from './changed-since';
import { Modal } from './modal';
import './approvals.css';

export interface ConfirmCapitalDialogProps {
  store: ApprovalsStore;
  clauseId: string;
  /** "Article 3", as the workspace labels it. */
  label: string;
  participant: MatrixParticipant;
  onClose(): void;
  /** Called with a sentence to announce once the approval is final. */
  onConfirmed?(message: string): void;
}

export function ConfirmCapitalDialog({ store, clauseId, label, participant, onClose, onConfirmed }: ConfirmCapitalDialogProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const meta = useApprovalsMeta(store);
  const row = useApprovalRow(store, clauseId);
  const reachable = useServerReachable();
  const [refused, setRefused] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const participantName = localized(participant.name, i18n.language);
  // The approval as it was when the dialog opened: the one this person looks at and confirms.
  const [approval] = useState(() => store.clause(clauseId)?.approvals[participant.id] ?? null);
  const [texts] = useState(() => livePlainTexts(store.ydoc, clauseId, store.getSnapshot().languages));

  const current = row?.approvals[participant.id];
  const changed = refused || (row !== undefined && current?.id === approval?.id && row.statuses[participant.id] === 'outdated');
  if (approval && changed) {
    return (
      <ChangedSince
        store={store}
        clauseId={clauseId}
        label={label}
        participantId={participant.id}
        notice={t('approvals:capital.textChanged', { participant: participantName })}
        onClose={onClose}
      />
    );
  }

  async function submit() {
    if (!approval) return;
    setBusy(true);
    setError(null);
    try {
      await store.confirmForCapital(clauseId, participant.id, approval.fingerprint);
      onConfirmed?.(t('approvals:capital.confirmed', { label, participant: participantName }));
      onClose();
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'approval_text_changed') setRefused(true);
      else setError(errorMessage(failure));
      setBusy(false);
    }
  }

  // Someone else confirmed it, or it was revoked, while the dialog was open: nothing is left to confirm.
  const gone = !approval || !current || current.id !== approval.id || !current.adReferendum;
  return (
    <Modal
      title={t('approvals:capital.title', { label, participant: participantName })}
      onClose={onClose}
      className="approve-dialog confirm-capital-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('approvals:actions.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || gone || !reachable}
            title={reachable ? undefined : t('approvals:offline.reason')}
            onClick={() => void submit()}
          >
            {busy ? t('approvals:capital.submitting') : t('approvals:capital.submit')}
          </button>
        </>
      }
    >
      {approval && <p>{t('approvals:capital.explain', { name: approval.approvedBy.displayName, date: formatDateTime(approval.approvedAt, i18n.language) })}</p>}
      {!reachable && (
        <p className="approval-alert" role="status">
          {t('approvals:offline.reason')}
        </p>
      )}
      {gone && current && !current.adReferendum && (
        <p className="approval-alert" role="status">
          {current.confirmedBy && current.confirmedAt
            ? t('approvals:changes.confirmedForCapital', { name: current.confirmedBy.displayName, date: formatDateTime(current.confirmedAt, i18n.language) })
            : t('approvals:capital.alreadyFinal')}
        </p>
      )}
      {gone && !current && (
        <p className="approval-alert" role="status">
          {t('approvals:changes.notApproved', { participant: participantName })}
        </p>
      )}
      <div className="approval-texts" style={{ ['--text-columns' as string]: meta.languages.length }}>
        {meta.languages.map((lang) => (
          <section key={lang} className="approval-text">
            <h3>{languageTitle(lang, i18n.language)}</h3>
            <p lang={lang}>{texts[lang]}</p>
          </section>
        ))}
      </div>
      {error && (
        <p className="approval-alert" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
