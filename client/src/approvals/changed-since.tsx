/**
 * "What changed since": for one clause and one Participant's approval — or for the clause's confirmed
 * concordance — every language version's word diff from the recorded text to the text as this client has
 * it now (recomputed live), who edited the document since, and the clause's history.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, languageTitle, localized } from '../app/format';
import { ApiError } from '../api/http';
import { hasChanges, wordDiff } from '../../../shared/src/word-diff';
import type { ClauseApprovals, UserRef } from '../../../shared/src/approval-api';
import type { Approvals } from './use-approvals';
import { fetchClauseApprovals } from './approvals-api';
import { livePlainTexts } from './clause-texts';
import { DiffView } from './diff-view';
import { Modal } from './modal';
import './approvals.css';

/** How long the text must rest before the server is asked again who changed it. */
const REFRESH_AFTER_MS = 800;

export interface ChangedSinceProps {
  approvals: Approvals;
  clauseId: string;
  label: string;
  /** A Participant's approval, or null for the concordance of the language versions. */
  participantId: string | null;
  /** Whether this person may confirm concordance (policy 'concordance.confirm'). */
  canConfirmConcordance?: boolean;
  onClose(): void;
  onConfirmed?(message: string): void;
}

export function ChangedSince({ approvals, clauseId, label, participantId, canConfirmConcordance = false, onClose, onConfirmed }: ChangedSinceProps) {
  const { t, i18n } = useTranslation();
  const [detail, setDetail] = useState<ClauseApprovals | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const row = approvals.clauses.find((c) => c.clauseId === clauseId);
  const fingerprint = row?.fingerprint ?? null;
  const recordId = participantId ? approvals.records.approvals[clauseId]?.[participantId]?.id : approvals.records.confirmations[clauseId]?.id;

  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetchClauseApprovals(approvals.documentId, clauseId, abort.signal).then(setDetail, (failure: unknown) => {
        if (!abort.signal.aborted) setError(failure instanceof ApiError ? failure.message : String(failure));
      });
    }, detail ? REFRESH_AFTER_MS : 0);
    return () => { clearTimeout(timer); abort.abort(); };
    // Fetched again when the text or the record changes (not when the detail itself arrives).
  }, [approvals.documentId, clauseId, fingerprint, recordId]);

  const live = useMemo(() => livePlainTexts(approvals.ydoc, clauseId, approvals.languages),
    // `fingerprint` changes with any edit of the clause: that is when the texts must be read again.
    [approvals.ydoc, clauseId, approvals.languages, fingerprint]);

  const participant = participantId ? approvals.participants.find((p) => p.id === participantId) : undefined;
  const participantName = participant ? localized(participant.name, i18n.language) : '';
  const date = (iso: string) => formatDateTime(iso, i18n.language);

  let heading: string | null = null;
  let recorded: Record<string, string> | null = null;
  let changedBy: UserRef[] | null = null;
  if (detail && participantId) {
    const cell = detail.participants.find((p) => p.participantId === participantId);
    if (cell?.approval) {
      heading = t('approvals:changes.sinceApproval', { participant: participantName, name: cell.approval.approvedBy.displayName, date: date(cell.approval.approvedAt) });
      recorded = cell.approval.plainTexts;
      changedBy = cell.changedSince?.changedBy ?? [];
    }
  } else if (detail) {
    const confirmation = detail.concordance.confirmation;
    if (confirmation) {
      heading = t('approvals:changes.sinceConfirmation', { name: confirmation.confirmedBy.displayName, date: date(confirmation.confirmedAt) });
      recorded = confirmation.plainTexts;
      changedBy = detail.concordance.changedSince?.changedBy ?? [];
    }
  }

  async function confirm() {
    if (!row) return;
    setBusy(true);
    setError(null);
    try {
      await approvals.confirmConcordance(clauseId, row.languageHashes);
      onConfirmed?.(t('approvals:concordance.confirmed', { label }));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  const showConfirm = participantId === null && canConfirmConcordance && approvals.documentStatus === 'draft' && row?.concordance.status !== 'concordant';

  return (
    <Modal
      title={t('approvals:changes.title', { label })}
      onClose={onClose}
      className="changed-since"
      footer={(
        <>
          {showConfirm && (
            <button type="button" className="button button-primary" disabled={busy || !row?.fingerprint} onClick={() => void confirm()}>
              {t('approvals:concordance.confirm')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>{t('approvals:actions.close')}</button>
        </>
      )}
    >
      {!detail && !error && <p role="status">{t('approvals:changes.loading')}</p>}
      {detail && participantId && !recorded && <p>{t('approvals:changes.notApproved', { participant: participantName })}</p>}
      {detail && !participantId && !recorded && <p>{t('approvals:changes.unconfirmed')}</p>}
      {heading && <p className="changed-since-heading">{heading}</p>}
      {detail && (
        <div className="approval-texts" style={{ ['--text-columns' as string]: approvals.languages.length }}>
          {approvals.languages.map((lang) => {
            const parts = recorded ? wordDiff(recorded[lang] ?? '', live[lang] ?? '') : [{ op: 'equal' as const, text: live[lang] ?? '' }];
            const changed = recorded !== null && hasChanges(parts);
            return (
              <section key={lang} className={`approval-text${changed ? ' is-changed' : ''}`}>
                <h3>
                  {languageTitle(lang, i18n.language)}
                  {recorded && <span className="approval-text-state"> · {changed ? t('approvals:changes.changed') : t('approvals:changes.unchanged')}</span>}
                </h3>
                <DiffView parts={parts} lang={lang} />
              </section>
            );
          })}
        </div>
      )}
      {changedBy && (
        <div className="changed-by">
          <p>{changedBy.length > 0 ? t('approvals:changes.changedBy', { names: changedBy.map((u) => u.displayName).join(', ') }) : t('approvals:changes.nobody')}</p>
          {changedBy.length > 0 && <p className="approval-note">{t('approvals:changes.changedByNote')}</p>}
        </div>
      )}
      {showConfirm && <p className="approval-note">{t('approvals:concordance.confirmHint')}</p>}
      {error && <p className="approval-alert" role="alert">{error}</p>}
      {detail && <History detail={detail} approvals={approvals} />}
    </Modal>
  );
}

function History({ detail, approvals }: { detail: ClauseApprovals; approvals: Approvals }) {
  const { t, i18n } = useTranslation();
  const nameOf = (participantId: string) => {
    const participant = approvals.participants.find((p) => p.id === participantId);
    return participant ? localized(participant.name, i18n.language) : participantId;
  };
  return (
    <section className="approval-history">
      <h3>{t('approvals:changes.history')}</h3>
      {detail.history.length === 0 ? <p>{t('approvals:changes.historyEmpty')}</p> : (
        <ol>
          {[...detail.history].reverse().map((entry) => (
            <li key={`${entry.type}-${entry.id}`}>
              <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>{' — '}
              {entry.type === 'approval' && t('approvals:changes.historyApproval', { name: entry.user.displayName, participant: nameOf(entry.participantId) })}
              {entry.type === 'revocation' && t('approvals:changes.historyRevocation', { name: entry.user.displayName, participant: nameOf(entry.participantId) })}
              {entry.type === 'concordance' && t('approvals:changes.historyConcordance', { name: entry.user.displayName })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
