/**
 * The legend of the marks beside each clause: the Participants' approval badges ("US –", "US ✓",
 * "US ✓ᵃʳ" approved ad referendum, "US ✓ᵖ" conditional on a package, "US ◐ᵖ" held by it, "US !"), the concordance of the language versions ("EN ? ES", "EN = ES", "EN ≠ ES"), the comments
 * button and the proposal markers — drawn with the very classes and marks the clause rows use
 * (clause-badges.tsx), with this document's own codes and languages.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../approvals/modal';
import { AD_REFERENDUM_MARK, CONCORDANCE_MARK, CONDITIONAL_MARK, STATUS_MARK } from '../approvals/approval-marks';
import type { ApprovalsMeta } from '../approvals';
import type { ApprovalStatus, ConcordanceStatus } from '../../../shared/src/approval-status';
import { languageName } from '../app/format';
import { GO_TO_SHORTCUT } from './go-to-dialog';

const STATUSES: { status: ApprovalStatus; key: 'approved' | 'outdated' | 'notApproved' }[] = [
  { status: 'not_approved', key: 'notApproved' },
  { status: 'approved', key: 'approved' },
  { status: 'outdated', key: 'outdated' },
];
const CONCORDANCES: ConcordanceStatus[] = ['unconfirmed', 'concordant', 'stale'];

export interface LegendDialogProps {
  meta: ApprovalsMeta;
  /** The person's own Participant, whose code the examples show first. */
  participantId: string | null;
  languages: readonly string[];
  onClose(): void;
  /** Closes the legend and opens "Go to". */
  onGoTo(): void;
}

export function LegendDialog({ meta, participantId, languages, onClose, onGoTo }: LegendDialogProps) {
  const { t, i18n } = useTranslation();
  const participant = meta.participants.find((p) => p.id === participantId) ?? meta.participants[0];
  const codes = languages.map((code) => code.toUpperCase());
  const languageNames = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(languages.map((code) => languageName(code, i18n.language)));
  const color = participant ? ({ ['--participant-color' as string]: participant.color } as CSSProperties) : undefined;

  return (
    <Modal title={t('navigation:legend.title')} onClose={onClose} className="legend-dialog">
      {participant && (
        <section>
          <h3>{t('navigation:legend.participants')}</h3>
          <dl className="legend-list">
            {STATUSES.map(({ status, key }) => (
              <div key={status} className="legend-entry">
                <dt>
                  <span className={`approval-badge status-${status}`} style={color}>
                    <span className="approval-badge-code">{participant.code}</span>
                    <span className="approval-badge-mark">{STATUS_MARK[status]}</span>
                  </span>
                </dt>
                <dd>{t(`navigation:legend.${key}`, { code: participant.code })}</dd>
              </div>
            ))}
            <div className="legend-entry">
              <dt>
                <span className="approval-badge status-approved is-ad-referendum" style={color}>
                  <span className="approval-badge-code">{participant.code}</span>
                  <span className="approval-badge-mark">{`${STATUS_MARK.approved}${AD_REFERENDUM_MARK}`}</span>
                </span>
              </dt>
              <dd>{t('approvals:legend.adReferendum', { code: participant.code })}</dd>
            </div>
            <div className="legend-entry">
              <dt>
                <span className="approval-badge status-approved is-conditional" style={color}>
                  <span className="approval-badge-code">{participant.code}</span>
                  <span className="approval-badge-mark">{`${STATUS_MARK.approved}${CONDITIONAL_MARK}`}</span>
                </span>
              </dt>
              <dd>{t('approvals:legend.conditional', { code: participant.code })}</dd>
            </div>
            <div className="legend-entry">
              <dt>
                <span className="approval-badge status-held is-conditional" style={color}>
                  <span className="approval-badge-code">{participant.code}</span>
                  <span className="approval-badge-mark">{`${STATUS_MARK.held}${CONDITIONAL_MARK}`}</span>
                </span>
              </dt>
              <dd>{t('approvals:legend.held', { code: participant.code })}</dd>
            </div>
          </dl>
        </section>
      )}
      <section>
        <h3>{t('navigation:legend.concordanceHeading')}</h3>
        <dl className="legend-list">
          {CONCORDANCES.map((status) => (
            <div key={status} className="legend-entry">
              <dt>
                <span className={`concordance-badge concordance-${status}`}>{codes.join(` ${CONCORDANCE_MARK[status]} `)}</span>
              </dt>
              <dd>{t(`navigation:legend.${status}`, { languages: languageNames })}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">{t('navigation:legend.clickHint')}</p>
      </section>
      <section>
        <h3>{t('navigation:legend.othersHeading')}</h3>
        <dl className="legend-list">
          <div className="legend-entry">
            <dt>
              <span className="thread-count-badge has-threads">
                <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                  <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z" fill="currentColor" />
                </svg>
                {2}
              </span>
            </dt>
            <dd>{t('navigation:legend.comments')}</dd>
          </div>
          {participant && (
            <div className="legend-entry">
              <dt>
                <span className="proposal-marker" style={{ ['--proposal-color' as string]: participant.color }}>
                  {participant.code}
                </span>
              </dt>
              <dd>{t('navigation:legend.proposals')}</dd>
            </div>
          )}
        </dl>
      </section>
      <section>
        <h3>{t('navigation:legend.shortcutsHeading')}</h3>
        <ul className="legend-shortcuts">
          <li>{t('navigation:legend.shortcutGoTo', { shortcut: GO_TO_SHORTCUT })}</li>
          <li>{t('navigation:legend.shortcutOutline')}</li>
        </ul>
        <p>
          <button type="button" className="button button-small" onClick={onGoTo}>
            {t('navigation:goTo.button')}
          </button>
        </p>
      </section>
    </Modal>
  );
}
