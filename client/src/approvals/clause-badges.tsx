/**
 * The approval state of one clause, for its row in the workspace: a badge per Participant (approved,
 * changed since approval, not approved) and one for the concordance of the language versions. Statuses
 * are derived from the Y.Doc as it is now, so a badge turns "changed" on the keystroke that changes the
 * text; the badges read only their clause's row, so another clause's change does not re-render them.
 * The person's own Participant gets Approve / Revoke, and its head of delegation "Confirm for the
 * capital" while its approval is ad referendum ("US ✓ᵃʳ", approval-marks.ts); a badge or the concordance
 * badge opens what changed since.
 */
import { useServerReachable } from '../app/connectivity';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, languageTitle, localized } from '../app/format';
import { useErrorMessage } from '../app/error-message';
import type { MatrixParticipant } from '../../../shared/src/api/approvals';
import type { ApprovalsStore } from './approvals-store';
import { useApprovalRow, useApprovalsMeta } from './use-approvals';
import { ApproveDialog } from './approve-dialog';
import { ChangedSince } from './changed-since';
import { ConfirmCapitalDialog } from './confirm-capital-dialog';
import { adReferendumClass, approvalDetail, approvalMark, CONCORDANCE_MARK, statusWord } from './approval-marks';
import { rowPackageContext, useWorkspacePackages } from '../packages/package-context';
import './approvals.css';

export interface ApprovalPermissions {
  /** The person's own Participant (delegates; null otherwise). */
  participantId: string | null;
  /** Policy 'clause.approve' on this document (its status included). */
  canApprove: boolean;
  /** Policy 'concordance.confirm'. */
  canConfirmConcordance: boolean;
  /** Policy 'approval.confirm_for_capital': the head of delegation of `participantId`. */
  canConfirmForCapital?: boolean;
}

export interface ClauseBadgesProps {
  clauseId: string;
  /** The document's approvals, kept live by the screen (useApprovalsStore). */
  store: ApprovalsStore;
  /** "Article 3", as the workspace labels the clause. */
  label: string;
  me: ApprovalPermissions;
  /** Says a sentence to screen-reader users (and may show it), e.g. after approving. */
  announce?(message: string): void;
}

type Open =
  | { kind: 'approve'; participant: MatrixParticipant }
  | { kind: 'capital'; participant: MatrixParticipant }
  | { kind: 'changes'; participantId: string | null }
  | null;

export function ClauseBadges({ clauseId, store, label, me, announce }: ClauseBadgesProps) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const meta = useApprovalsMeta(store);
  const row = useApprovalRow(store, clauseId);
  const reachable = useServerReachable();
  const packages = useWorkspacePackages();
  if (meta.status !== 'ready' || !row) return null;
  const packageOf = rowPackageContext(t, store.ydoc, row, packages);

  const own = me.participantId ? meta.participants.find((p) => p.id === me.participantId) : undefined;
  const ownStatus = own ? row.statuses[own.id] : undefined;
  const mayChange = meta.documentStatus === 'draft';
  const date = (iso: string) => formatDateTime(iso, i18n.language);
  const say = (message: string) => announce?.(message);

  async function revoke(participant: MatrixParticipant) {
    setBusy(true);
    try {
      await store.revoke(clauseId, participant.id);
      say(t('approvals:dialog.revoked', { label, participant: localized(participant.name, i18n.language) }));
    } catch (failure) {
      say(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const concordance = row.concordance;
  const concordanceTitle = [
    t(`approvals:concordance.${concordance.status}`),
    concordance.status === 'stale'
      ? t('approvals:concordance.changedIn', { languages: concordance.changedLanguages.map((code) => languageTitle(code, i18n.language)).join(', ') })
      : null,
    concordance.confirmation
      ? t('approvals:concordance.confirmedBy', { name: concordance.confirmation.confirmedBy.displayName, date: date(concordance.confirmation.confirmedAt) })
      : null,
  ]
    .filter(Boolean)
    .join(' — ');

  return (
    <div className="clause-badges" role="group" aria-label={t('approvals:badge.group', { label })}>
      <ul className="approval-badges">
        {meta.participants.map((participant) => {
          const status = row.statuses[participant.id];
          const approval = row.approvals[participant.id];
          const name = localized(participant.name, i18n.language);
          const detail = approvalDetail(t, status, approval, i18n.language, packageOf(participant.id));
          // The name holds the code the badge shows (WCAG 2.5.3, label in name): a person using speech input says "US".
          const text = `${t('approvals:badge.cell', { code: participant.code, participant: name, status: statusWord(t, status, approval) })}${detail ? ` (${detail})` : ''}`;
          return (
            <li key={participant.id}>
              <button
                type="button"
                className={`approval-badge status-${status}${adReferendumClass(status, approval)}`}
                style={{ ['--participant-color' as string]: participant.color }}
                title={text}
                aria-label={text}
                onClick={() => setOpen({ kind: 'changes', participantId: participant.id })}
              >
                <span className="approval-badge-code">{participant.code}</span>
                <span className="approval-badge-mark" aria-hidden="true">
                  {approvalMark(status, approval)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <div className="clause-badges-line">
        <button
          type="button"
          className={`concordance-badge concordance-${concordance.status}`}
          title={concordanceTitle}
          // Ends with the languages the badge shows (label in name, as above).
          aria-label={`${t('approvals:concordance.label')}: ${concordanceTitle} — ${meta.languages.map((code) => code.toUpperCase()).join(', ')}`}
          onClick={() => setOpen({ kind: 'changes', participantId: null })}
        >
          <span aria-hidden="true">{meta.languages.map((code) => code.toUpperCase()).join(` ${CONCORDANCE_MARK[concordance.status]} `)}</span>
        </button>
        {own && (me.canApprove || me.canConfirmForCapital) && mayChange && (
          <span className="approval-actions">
            {me.canApprove && ownStatus !== 'approved' && (
              <button
                type="button"
                className="button button-small button-primary"
                disabled={busy || row.fingerprint === null}
                onClick={() => setOpen({ kind: 'approve', participant: own })}
              >
                {t('approvals:actions.approve')}
              </button>
            )}
            {/* An approval the text changed under can no longer be confirmed: its badge shows what changed. */}
            {me.canConfirmForCapital && ownStatus === 'approved' && row.approvals[own.id]?.adReferendum && (
              <button
                type="button"
                className="button button-small button-primary"
                disabled={busy || !reachable}
                title={reachable ? t('approvals:actions.confirmForCapital') : t('approvals:offline.reason')}
                // The gutter is narrow: the button says "Confirm", its name the whole action (it starts with the word shown).
                aria-label={t('approvals:actions.confirmForCapitalOf', { label, participant: own.code })}
                onClick={() => setOpen({ kind: 'capital', participant: own })}
              >
                {t('approvals:actions.confirmForCapitalShort')}
              </button>
            )}
            {me.canApprove && row.approvals[own.id] && (
              <button
                type="button"
                className="button button-small"
                disabled={busy || !reachable}
                title={reachable ? undefined : t('approvals:offline.reason')}
                onClick={() => void revoke(own)}
              >
                {t('approvals:actions.revoke')}
              </button>
            )}
          </span>
        )}
      </div>
      {open?.kind === 'approve' && (
        <ApproveDialog store={store} clauseId={clauseId} label={label} participant={open.participant} onClose={() => setOpen(null)} onApproved={say} />
      )}
      {open?.kind === 'capital' && (
        <ConfirmCapitalDialog store={store} clauseId={clauseId} label={label} participant={open.participant} onClose={() => setOpen(null)} onConfirmed={say} />
      )}
      {open?.kind === 'changes' && (
        <ChangedSince
          store={store}
          clauseId={clauseId}
          label={label}
          participantId={open.participantId}
          canConfirmConcordance={me.canConfirmConcordance}
          onClose={() => setOpen(null)}
          onConfirmed={say}
        />
      )}
    </div>
  );
}
