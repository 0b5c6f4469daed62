/**
 * "What changed since": for one clause and one Participant's approval — or for the clause's confirmed
 * concordance — every language version's word diff from the recorded text to the text as this client has
 * it now (recomputed live), who edited the document since, and the clause's history. An approval given ad
 * referendum says so, and whether (and by whom) it was confirmed for the capital.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerReachable } from '../app/connectivity';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime, languageTitle, localized } from '../app/format';
import { hasChanges, wordDiff } from '../../../shared/src/word-diff';
import type { ClauseApprovals, MatrixParticipant, UserRef } from '../../../shared/src/api/approvals';
import { resource, watch } from '../realtime/live-store';
import { useLive } from '../realtime/use-live';
import type { ApprovalsStore } from './approvals-store';
import { fetchClauseApprovals } from './approvals-api';
import { useApprovalRow, useApprovalsMeta } from './use-approvals';
import { livePlainTexts } from './clause-texts';
import { DiffView } from './diff-view';
import { Modal } from './modal';
import './approvals.css';

/** How long the text must rest before the server is asked again who changed it. */
const REFRESH_AFTER_MS = 800;

export interface ChangedSinceProps {
  store: ApprovalsStore;
  clauseId: string;
  label: string;
  /** A Participant's approval, or null for the concordance of the language versions. */
  participantId: string | null;
  /** Whether this person may confirm concordance (policy 'concordance.confirm'). */
  canConfirmConcordance?: boolean;
  /** A sentence shown first, saying why the dialog opened (e.g. a confirmation refused because the text changed). */
  notice?: string;
  onClose(): void;
  onConfirmed?(message: string): void;
}

export function ChangedSince({ store, clauseId, label, participantId, canConfirmConcordance = false, notice, onClose, onConfirmed }: ChangedSinceProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const meta = useApprovalsMeta(store);
  const row = useApprovalRow(store, clauseId);
  // Read again once the clause's row (its text or its records) changed and rested.
  const history = useLive(
    useMemo(
      () =>
        resource((signal) => fetchClauseApprovals(store.documentId, clauseId, signal), {
          reloadWhen: [watch(store, (snapshot) => snapshot.byClause.get(clauseId))],
          settleMs: REFRESH_AFTER_MS,
        }),
      [store, clauseId],
    ),
  );
  const detail = history.value;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reachable = useServerReachable();

  // The row is another object whenever the clause's text changed: that is when the texts are read again.
  const live = useMemo(() => (row ? livePlainTexts(store.ydoc, row.clauseId, meta.languages) : {}), [store.ydoc, row, meta.languages]);

  const participant = participantId ? meta.participants.find((p) => p.id === participantId) : undefined;
  const participantName = participant ? localized(participant.name, i18n.language) : '';
  const date = (iso: string) => formatDateTime(iso, i18n.language);

  let heading: string | null = null;
  let capital: string | null = null;
  let recorded: Record<string, string> | null = null;
  let changedBy: UserRef[] | null = null;
  if (detail && participantId) {
    const cell = detail.participants.find((p) => p.participantId === participantId);
    if (cell?.approval) {
      const { approval } = cell;
      heading = t(approval.adReferendum ? 'approvals:changes.sinceApprovalAdReferendum' : 'approvals:changes.sinceApproval', {
        participant: participantName,
        name: approval.approvedBy.displayName,
        date: date(approval.approvedAt),
      });
      if (approval.adReferendum) capital = t('approvals:changes.awaitingCapital');
      else if (approval.confirmedBy && approval.confirmedAt)
        capital = t('approvals:changes.confirmedForCapital', { name: approval.confirmedBy.displayName, date: date(approval.confirmedAt) });
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
      await store.confirmConcordance(clauseId, row.languageHashes);
      onConfirmed?.(t('approvals:concordance.confirmed', { label }));
      onClose(); // one click: the texts were side by side, the confirmation is announced
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  const showConfirm = participantId === null && canConfirmConcordance && meta.documentStatus === 'draft' && row?.concordance.status !== 'concordant';
  const failure = error ?? (history.status === 'error' ? errorMessage(history.error) : null);

  return (
    <Modal
      title={participantId ? t('approvals:changes.title', { label }) : t('approvals:changes.concordanceTitle', { label })}
      onClose={onClose}
      className="changed-since"
      footer={
        <>
          {showConfirm && (
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !row?.fingerprint || !reachable}
              title={reachable ? undefined : t('approvals:offline.reason')}
              onClick={() => void confirm()}
            >
              {t('approvals:concordance.confirm')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {t('approvals:actions.close')}
          </button>
        </>
      }
    >
      {notice && (
        <p className="approval-alert" role="alert">
          {notice}
        </p>
      )}
      {!detail && !failure && <p role="status">{t('approvals:changes.loading')}</p>}
      {showConfirm && !reachable && (
        <p className="approval-alert" role="status">
          {t('approvals:offline.reason')}
        </p>
      )}
      {detail && participantId && !recorded && <p>{t('approvals:changes.notApproved', { participant: participantName })}</p>}
      {detail && !participantId && !recorded && <p>{t('approvals:changes.unconfirmed')}</p>}
      {heading && <p className="changed-since-heading">{heading}</p>}
      {capital && <p className="changed-since-capital">{capital}</p>}
      {detail && (
        <div className="approval-texts" style={{ ['--text-columns' as string]: meta.languages.length }}>
          {meta.languages.map((lang) => {
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
          <p>
            {changedBy.length > 0 ? t('approvals:changes.changedBy', { names: changedBy.map((u) => u.displayName).join(', ') }) : t('approvals:changes.nobody')}
          </p>
          {changedBy.length > 0 && <p className="approval-note">{t('approvals:changes.changedByNote')}</p>}
        </div>
      )}
      {showConfirm && <p className="approval-note">{t('approvals:concordance.confirmHint')}</p>}
      {failure && (
        <p className="approval-alert" role="alert">
          {failure}
        </p>
      )}
      {detail && <History detail={detail} participants={meta.participants} />}
    </Modal>
  );
}

function History({ detail, participants }: { detail: ClauseApprovals; participants: readonly MatrixParticipant[] }) {
  const { t, i18n } = useTranslation();
  const nameOf = (participantId: string) => {
    const participant = participants.find((p) => p.id === participantId);
    return participant ? localized(participant.name, i18n.language) : participantId;
  };
  return (
    <section className="approval-history">
      <h3>{t('approvals:changes.history')}</h3>
      {detail.history.length === 0 ? (
        <p>{t('approvals:changes.historyEmpty')}</p>
      ) : (
        <ol>
          {[...detail.history].reverse().map((entry) => (
            <li key={`${entry.type}-${entry.id}`}>
              <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
              {' — '}
              {entry.type === 'approval' &&
                t(entry.adReferendum ? 'approvals:changes.historyApprovalAdReferendum' : 'approvals:changes.historyApproval', {
                  name: entry.user.displayName,
                  participant: nameOf(entry.participantId),
                })}
              {entry.type === 'confirmation' &&
                t('approvals:changes.historyConfirmation', { name: entry.user.displayName, participant: nameOf(entry.participantId) })}
              {entry.type === 'revocation' &&
                t('approvals:changes.historyRevocation', { name: entry.user.displayName, participant: nameOf(entry.participantId) })}
              {entry.type === 'concordance' && t('approvals:changes.historyConcordance', { name: entry.user.displayName })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
