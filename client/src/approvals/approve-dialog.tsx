/**
 * Approving a clause for one's Participant: every language version shown side by side, exactly the texts
 * the approval will cover (their fingerprint is taken when the dialog opens). If the text changes while
 * the dialog is open the person is told and must look again; a clause whose concordance is stale or
 * unconfirmed needs the explicit acknowledgement. The person chooses to approve as final or ad referendum
 * (subject to confirmation by their capital, which their head of delegation gives later), and may make
 * the approval conditional on one of the document's packages [A5].
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useErrorMessage } from '../app/error-message';
import { useServerReachable } from '../app/connectivity';
import { languageTitle, localized } from '../app/format';
import { concordanceState } from '../../../shared/src/approval-status';
import type { MatrixParticipant } from '../../../shared/src/api/approvals';
import type { ApprovalsStore } from './approvals-store';
import { useApprovalRow, useApprovalsMeta } from './use-approvals';
import { livePlainTexts } from './clause-texts';
import { Modal } from './modal';
import { ClauseOpenProposals } from '../proposals/clause-open-proposals';
import { useWorkspacePackages } from '../packages/package-context';
import './approvals.css';

interface Shown {
  fingerprint: string | null;
  languageHashes: Record<string, string>;
  plainTexts: Record<string, string>;
}

export interface ApproveDialogProps {
  store: ApprovalsStore;
  clauseId: string;
  /** "Article 3", as the workspace labels it. */
  label: string;
  participant: MatrixParticipant;
  onClose(): void;
  /** Called with a sentence to announce once the approval is recorded. */
  onApproved?(message: string): void;
}

export function ApproveDialog({ store, clauseId, label, participant, onClose, onApproved }: ApproveDialogProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const meta = useApprovalsMeta(store);
  const live = useApprovalRow(store, clauseId);
  const capture = (): Shown => {
    const row = store.clause(clauseId);
    return {
      fingerprint: row?.fingerprint ?? null,
      languageHashes: row?.languageHashes ?? {},
      plainTexts: livePlainTexts(store.ydoc, clauseId, store.getSnapshot().languages),
    };
  };
  const [shown, setShown] = useState<Shown>(capture);
  const [acknowledged, setAcknowledged] = useState(false);
  const [adReferendum, setAdReferendum] = useState(false);
  const packages = useWorkspacePackages();
  const [packageId, setPackageId] = useState<string>('');
  const chosenPackage = packages.find((p) => p.id === packageId);
  const modeId = useId();
  const packageFieldId = useId();
  const [forceAcknowledge, setForceAcknowledge] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const changedWhileOpen = live !== undefined && live.fingerprint !== shown.fingerprint;
  const concordance = concordanceState(shown.languageHashes, live?.concordance.confirmation ?? null);
  const needsAcknowledgement = forceAcknowledge || concordance.status !== 'concordant';
  const languages = (codes: string[]) => codes.map((code) => languageTitle(code, i18n.language)).join(', ');
  const participantName = localized(participant.name, i18n.language);
  const reachable = useServerReachable();
  const canSubmit = shown.fingerprint !== null && !changedWhileOpen && (!needsAcknowledgement || acknowledged) && !busy && reachable;

  async function submit() {
    if (!shown.fingerprint) return;
    setBusy(true);
    setError(null);
    try {
      await store.approve(clauseId, participant.id, shown.fingerprint, needsAcknowledgement && acknowledged, adReferendum, chosenPackage?.id ?? null);
      onApproved?.(
        chosenPackage
          ? t('approvals:dialog.approvedConditional', { label, participant: participantName, name: chosenPackage.name })
          : t(adReferendum ? 'approvals:dialog.approvedAdReferendum' : 'approvals:dialog.approved', { label, participant: participantName }),
      );
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      if (failure instanceof ApiError && failure.code === 'concordance_unacknowledged') setForceAcknowledge(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      title={t('approvals:dialog.title', { label, participant: participantName })}
      onClose={onClose}
      className="approve-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('approvals:actions.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!canSubmit}
            title={reachable ? undefined : t('approvals:offline.reason')}
            onClick={() => void submit()}
          >
            {busy ? t('approvals:dialog.submitting') : adReferendum ? t('approvals:dialog.submitAdReferendum') : t('approvals:dialog.submit')}
          </button>
        </>
      }
    >
      <p>{t('approvals:dialog.covers')}</p>
      {!reachable && (
        <p className="approval-alert" role="status">
          {t('approvals:offline.reason')}
        </p>
      )}
      {shown.fingerprint === null && (
        <p className="approval-alert" role="alert">
          {t('approvals:dialog.invalidText')}
        </p>
      )}
      {changedWhileOpen && (
        <div className="approval-alert" role="alert">
          <p>{t('approvals:dialog.changedWhileOpen')}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setShown(capture());
              setError(null);
            }}
          >
            {t('approvals:actions.reviewAgain')}
          </button>
        </div>
      )}
      <div className="approval-texts" style={{ ['--text-columns' as string]: meta.languages.length }}>
        {meta.languages.map((lang) => (
          <section key={lang} className="approval-text">
            <h3>{languageTitle(lang, i18n.language)}</h3>
            <p lang={lang}>{shown.plainTexts[lang]}</p>
          </section>
        ))}
      </div>
      <ClauseOpenProposals clauseId={clauseId} languages={meta.languages} />
      <fieldset className="approval-mode">
        <legend>{t('approvals:dialog.mode.legend')}</legend>
        <label className="approval-mode-option">
          <input type="radio" name={modeId} checked={!adReferendum} aria-describedby={`${modeId}-final`} onChange={() => setAdReferendum(false)} />{' '}
          {t('approvals:dialog.mode.final')}
        </label>
        <p id={`${modeId}-final`} className="approval-note">
          {t('approvals:dialog.mode.finalHint')}
        </p>
        <label className="approval-mode-option">
          <input type="radio" name={modeId} checked={adReferendum} aria-describedby={`${modeId}-ad`} onChange={() => setAdReferendum(true)} />{' '}
          {t('approvals:dialog.mode.adReferendum')}
        </label>
        <p id={`${modeId}-ad`} className="approval-note">
          {t('approvals:dialog.mode.adReferendumHint')}
        </p>
      </fieldset>
      <fieldset className="approval-package">
        <legend>{t('approvals:dialog.package.legend')}</legend>
        {packages.length === 0 ? (
          <p className="approval-note">{t('approvals:dialog.package.noPackages')}</p>
        ) : (
          <>
            <label htmlFor={packageFieldId}>{t('approvals:dialog.package.label')}</label>
            <select
              id={packageFieldId}
              value={chosenPackage ? packageId : ''}
              aria-describedby={`${packageFieldId}-hint`}
              onChange={(event) => setPackageId(event.target.value)}
            >
              <option value="">{t('approvals:dialog.package.none')}</option>
              {packages.map((pkg) => (
                <option key={pkg.id} value={pkg.id}>
                  {pkg.name}
                </option>
              ))}
            </select>
            <p id={`${packageFieldId}-hint`} className="approval-note">
              {t('approvals:dialog.package.hint')}
            </p>
          </>
        )}
      </fieldset>
      {needsAcknowledgement && (
        <div className="approval-concordance-warning">
          <p>
            {concordance.status === 'stale'
              ? t('approvals:dialog.concordance.stale', { languages: languages(concordance.changedLanguages) })
              : t('approvals:dialog.concordance.unconfirmed')}
          </p>
          <label className="approval-acknowledge">
            <input type="checkbox" checked={acknowledged} onChange={(event) => setAcknowledged(event.target.checked)} /> {t('approvals:dialog.acknowledge')}
          </label>
        </div>
      )}
      {error && (
        <p className="approval-alert" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
