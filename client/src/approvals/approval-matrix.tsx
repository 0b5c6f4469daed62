/**
 * The approval matrix: every clause × every Participant, live. Readiness of the document, progress per
 * Participant, filters ("changed since approval", "missing Guatemala"); each cell opens what changed
 * since that Participant's approval, the concordance column what changed since it was confirmed, and
 * the person's own Participant's empty cells offer Approve.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatNumber, languageTitle, localized } from '../app/format';
import { clauseLabels } from '../workspace/clause-label';
import { filterMatrixClauses, type MatrixFilterOptions } from '../../../shared/src/approval-matrix';
import { MATRIX_FILTERS, type MatrixFilter, type MatrixParticipant } from '../../../shared/src/api/approvals';
import type { ApprovalsStore } from './approvals-store';
import { useApprovals } from './use-approvals';
import type { ApprovalPermissions } from './clause-badges';
import { ApproveDialog } from './approve-dialog';
import { ChangedSince } from './changed-since';
import { MatrixProposalCell, MatrixProposalHeader } from '../proposals/matrix-proposal-cell';
import { adReferendumClass, approvalDetail, approvalMark, statusWord } from './approval-marks';
import { rowPackageContext, useWorkspacePackages } from '../packages/package-context';
import './approvals.css';

export interface ApprovalMatrixProps {
  /** The document's approvals, kept live by the screen. */
  store: ApprovalsStore;
  me: ApprovalPermissions;
  announce?(message: string): void;
}

type Open = { kind: 'approve'; clauseId: string; participant: MatrixParticipant } | { kind: 'changes'; clauseId: string; participantId: string | null } | null;

export function ApprovalMatrix({ store, me, announce }: ApprovalMatrixProps) {
  const { t, i18n } = useTranslation(['approvals', 'workspace']);
  const approvals = useApprovals(store);
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState<MatrixFilterOptions>({});
  const [open, setOpen] = useState<Open>(null);
  // The side panel holds one or two Participant columns; the full-width view shows every one at once.
  const [wide, setWide] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const statusId = useId();
  // The section moves in and out of the portal: keep the focus on the button that moved it.
  const toggled = useRef(false);
  useEffect(() => {
    if (toggled.current) toggle.current?.focus({ preventScroll: true });
  }, [wide]);
  useEffect(() => {
    if (!wide || open) return;
    const leave = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setWide(false);
    };
    window.addEventListener('keydown', leave);
    return () => window.removeEventListener('keydown', leave);
  }, [wide, open]);
  const missingId = useId();
  const packages = useWorkspacePackages();

  const labels = useMemo(
    () =>
      clauseLabels(
        t,
        approvals.clauses.map((c) => ({ id: c.clauseId, kind: c.kind })),
      ),
    [approvals.clauses, t],
  );
  const shown = useMemo(() => filterMatrixClauses(approvals.clauses, approvals.participants, filter), [approvals.clauses, approvals.participants, filter]);
  // Approvals in force given ad referendum, by Participant: counted as approved, but not final until confirmed.
  const awaitingCapital = useMemo(() => {
    const counts = new Map<string, number>();
    for (const clause of approvals.clauses)
      for (const [participantId, approval] of Object.entries(clause.approvals))
        if (approval.adReferendum && clause.statuses[participantId] === 'approved') counts.set(participantId, (counts.get(participantId) ?? 0) + 1);
    return counts;
  }, [approvals.clauses]);

  if (approvals.status === 'loading')
    return (
      <p role="status" className="approval-matrix-status">
        {t('approvals:matrix.loading')}
      </p>
    );
  if (approvals.status === 'error') {
    return (
      <div role="alert" className="approval-matrix-status">
        <p>
          {t('approvals:matrix.error')} {errorMessage(approvals.error)}
        </p>
        <button type="button" className="button" onClick={approvals.reload}>
          {t('approvals:matrix.retry')}
        </button>
      </div>
    );
  }

  const { readiness } = approvals;
  const mayChange = approvals.documentStatus === 'draft';
  const labelOf = (clauseId: string) => labels.get(clauseId) ?? clauseId;

  const matrix = (
    <section
      className={`approval-matrix${wide ? ' is-wide' : ''}`}
      aria-labelledby={`${statusId}-title`}
      role={wide ? 'dialog' : undefined}
      aria-modal={wide ? true : undefined}
    >
      <div className="approval-matrix-head">
        <h2 id={`${statusId}-title`}>{t('approvals:matrix.title')}</h2>
        <button
          ref={toggle}
          type="button"
          className="button"
          aria-pressed={wide}
          onClick={() => {
            toggled.current = true;
            setWide((was) => !was);
          }}
        >
          {wide ? t('approvals:matrix.narrow') : t('approvals:matrix.wide')}
        </button>
      </div>
      <p className={`approval-readiness${readiness.ready ? ' is-ready' : ''}`} role="status">
        {readiness.ready
          ? t('approvals:matrix.ready')
          : t('approvals:matrix.notReady', { approved: formatNumber(readiness.approved, i18n.language), total: formatNumber(readiness.total, i18n.language) })}
        {!mayChange && <> {t('approvals:matrix.frozen')}</>}
      </p>

      <ul className="approval-progress">
        {approvals.participants.map((participant) => {
          const progress = approvals.progress[participant.id];
          if (!progress) return null;
          const percent = progress.total === 0 ? 0 : Math.round((progress.approved / progress.total) * 100);
          return (
            <li key={participant.id} style={{ ['--participant-color' as string]: participant.color }}>
              <span className="approval-progress-name">{localized(participant.name, i18n.language)}</span>
              <span className="approval-progress-bar" aria-hidden="true">
                <span style={{ width: `${percent}%` }} />
              </span>
              <span>
                {t('approvals:matrix.progress', {
                  approved: formatNumber(progress.approved, i18n.language),
                  total: formatNumber(progress.total, i18n.language),
                })}
                {progress.outdated > 0 && <> · {t('approvals:matrix.progressOutdated', { count: progress.outdated })}</>}
                {progress.held > 0 && <> · {t('approvals:matrix.progressHeld', { count: progress.held })}</>}
                {(awaitingCapital.get(participant.id) ?? 0) > 0 && (
                  <> · {t('approvals:matrix.progressAdReferendum', { count: awaitingCapital.get(participant.id) })}</>
                )}
              </span>
            </li>
          );
        })}
      </ul>

      <fieldset className="approval-filters">
        <legend>{t('approvals:matrix.filters.label')}</legend>
        <label htmlFor={statusId}>{t('approvals:matrix.filters.status')}</label>
        <select
          id={statusId}
          value={filter.status ?? ''}
          onChange={(event) => setFilter((f) => ({ ...f, status: (event.target.value || undefined) as MatrixFilter | undefined }))}
        >
          <option value="">{t('approvals:matrix.filters.all')}</option>
          {MATRIX_FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`approvals:matrix.filters.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor={missingId}>{t('approvals:matrix.filters.missing')}</label>
        <select id={missingId} value={filter.missing ?? ''} onChange={(event) => setFilter((f) => ({ ...f, missing: event.target.value || undefined }))}>
          <option value="">{t('approvals:matrix.filters.anyone')}</option>
          {approvals.participants.map((p) => (
            <option key={p.id} value={p.id}>
              {localized(p.name, i18n.language)}
            </option>
          ))}
        </select>
        <span className="approval-filter-count" role="status">
          {t('approvals:matrix.count', { count: shown.length })}
        </span>
      </fieldset>

      {shown.length === 0 ? (
        <p>{t('approvals:matrix.empty')}</p>
      ) : (
        <div className="approval-table-wrap">
          <table className="approval-table">
            <caption className="visually-hidden">{t('approvals:matrix.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('approvals:matrix.columns.clause')}</th>
                <th scope="col">{t('approvals:concordance.label')}</th>
                <MatrixProposalHeader />
                {approvals.participants.map((p) => (
                  <th key={p.id} scope="col" style={{ ['--participant-color' as string]: p.color }}>
                    <abbr title={localized(p.name, i18n.language)} className="approval-badge-code">
                      {p.code}
                    </abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((clause) => {
                const label = labelOf(clause.clauseId);
                const concordance = clause.concordance;
                const concordanceText =
                  concordance.status === 'stale'
                    ? `${t(`approvals:concordance.${concordance.status}`)} — ${t('approvals:concordance.changedIn', { languages: concordance.changedLanguages.map((c) => languageTitle(c, i18n.language)).join(', ') })}`
                    : t(`approvals:concordance.${concordance.status}`);
                return (
                  <tr key={clause.clauseId} className={`kind-${clause.kind}`}>
                    <th scope="row">{label}</th>
                    <td>
                      <button
                        type="button"
                        className={`matrix-cell concordance-${concordance.status}`}
                        title={concordanceText}
                        aria-label={`${label}, ${t('approvals:concordance.label')}: ${concordanceText}`}
                        onClick={() => setOpen({ kind: 'changes', clauseId: clause.clauseId, participantId: null })}
                      >
                        {t(`approvals:concordance.short.${concordance.status}`)}
                      </button>
                    </td>
                    <MatrixProposalCell clauseId={clause.clauseId} label={label} participants={approvals.participants} />
                    {approvals.participants.map((participant) => {
                      const status = clause.statuses[participant.id];
                      const approval = clause.approvals[participant.id];
                      const detail = approvalDetail(t, status, approval, i18n.language, rowPackageContext(t, store.ydoc, clause, packages)(participant.id));
                      const text = `${label}, ${localized(participant.name, i18n.language)}: ${statusWord(t, status, approval)}${detail ? ` (${detail})` : ''}`;
                      const ownEmpty =
                        status === 'not_approved' && me.canApprove && me.participantId === participant.id && mayChange && clause.fingerprint !== null;
                      return (
                        <td key={participant.id}>
                          <button
                            type="button"
                            className={`matrix-cell status-${status}${adReferendumClass(status, approval)}`}
                            title={text}
                            aria-label={ownEmpty ? `${t('approvals:actions.approve')}: ${text}` : text}
                            onClick={() =>
                              setOpen(
                                ownEmpty
                                  ? { kind: 'approve', clauseId: clause.clauseId, participant }
                                  : { kind: 'changes', clauseId: clause.clauseId, participantId: participant.id },
                              )
                            }
                          >
                            <span aria-hidden="true">{approvalMark(status, approval)}</span>
                            {ownEmpty && (
                              <span className="matrix-cell-action" aria-hidden="true">
                                {t('approvals:actions.approve')}
                              </span>
                            )}
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      {open?.kind === 'approve' && (
        <ApproveDialog
          store={store}
          clauseId={open.clauseId}
          label={labelOf(open.clauseId)}
          participant={open.participant}
          onClose={() => setOpen(null)}
          onApproved={announce}
        />
      )}
      {open?.kind === 'changes' && (
        <ChangedSince
          store={store}
          clauseId={open.clauseId}
          label={labelOf(open.clauseId)}
          participantId={open.participantId}
          canConfirmConcordance={me.canConfirmConcordance && mayChange}
          onClose={() => setOpen(null)}
          onConfirmed={announce}
        />
      )}
    </section>
  );
  // Over the whole workspace, outside the side panel's stacking context; React context still reaches it.
  return wide ? createPortal(matrix, document.body) : matrix;
}
