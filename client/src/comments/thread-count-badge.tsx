/** The marker in a clause's gutter: how many comment threads are open on it; a click opens the sidebar. */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../app/format';

export interface ThreadCountBadgeProps {
  /** Open threads on the clause. */
  count: number;
  /** The clause as people name it ("Article 3"). */
  label: string;
  /** The sidebar shows this clause now. */
  active?: boolean;
  /** Show the badge with no open thread (as a "comment" button), e.g. on hover or for the focused clause. */
  showWhenEmpty?: boolean;
  onClick(): void;
}

export function ThreadCountBadge({ count, label, active = false, showWhenEmpty = false, onClick }: ThreadCountBadgeProps) {
  const { t } = useTranslation('comments');
  if (count === 0 && !showWhenEmpty) return null;
  const name = count > 0 ? t('badge.open', { count, label }) : t('badge.none', { label });
  return (
    <button
      type="button"
      className={`thread-count-badge${count > 0 ? ' has-threads' : ''}${active ? ' is-active' : ''}`}
      aria-label={name}
      title={name}
      aria-pressed={active}
      onClick={onClick}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z" fill="currentColor" />
      </svg>
      {count > 0 && <span aria-hidden="true">{formatNumber(count)}</span>}
    </button>
  );
}
