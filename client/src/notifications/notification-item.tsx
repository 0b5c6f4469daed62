/** One notification: what happened, who, when, and a link to where; unread ones say so and can be marked read. */
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../app/router';
import { formatDateTime } from '../app/format';
import type { NotificationJSON } from '../../../shared/src/api/notifications';
import { notificationHref, notificationSentence } from './notification-text';

export function NotificationItem({ notification: n, onOpen, onMarkRead }: { notification: NotificationJSON; onOpen: () => void; onMarkRead: () => void }) {
  const { t, i18n } = useTranslation();
  const sentenceId = useId();
  const itemRef = useRef<HTMLLIElement>(null);
  const unread = n.readAt === null;
  const excerpt = n.details.kind === 'mention' ? (n.details.excerpt ?? t('notifications:text.deletedComment')) : null;
  return (
    <li ref={itemRef} className={unread ? 'notification-item unread' : 'notification-item'} data-notification-kind={n.kind}>
      <Link href={notificationHref(n)} className="notification-link" onClick={onOpen}>
        {unread && <span className="visually-hidden">{t('notifications:panel.unread')}: </span>}
        <span id={sentenceId} className="notification-sentence">
          {notificationSentence(t, n, i18n.language)}
        </span>
        {excerpt !== null && <span className="notification-excerpt">{excerpt}</span>}
        <time className="notification-time" dateTime={n.createdAt}>
          {formatDateTime(n.createdAt, i18n.language)}
        </time>
      </Link>
      {unread && (
        <button
          type="button"
          className="button button-quiet button-small"
          aria-describedby={sentenceId}
          onClick={() => {
            // The button goes once it is read: the focus stays on this notification.
            itemRef.current?.querySelector<HTMLAnchorElement>('a')?.focus();
            onMarkRead();
          }}
        >
          {t('notifications:panel.markRead')}
        </button>
      )}
    </li>
  );
}
