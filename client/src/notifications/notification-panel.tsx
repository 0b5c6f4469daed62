/**
 * My notifications, grouped per negotiation (newest group first), each a link to the clause it is
 * about; marking one, a negotiation's or all of them read; and my mail preferences.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../app/format';
import type { LiveStore } from '../realtime/live-store';
import type { NotificationJSON } from '../../../shared/src/api/notifications';
import type { NotificationsHeld } from './notifications-store';
import { markAllRead, markRead } from './my-notifications';
import { NotificationItem } from './notification-item';
import { MailPreferencesForm } from './mail-preferences-form';

interface Group {
  documentId: string;
  title: Record<string, string>;
  items: NotificationJSON[];
}

/** Per negotiation, in the order of each one's newest notification. */
export function groupByNegotiation(notifications: readonly NotificationJSON[]): Group[] {
  const groups = new Map<string, Group>();
  for (const n of notifications) {
    const group = groups.get(n.documentId) ?? { documentId: n.documentId, title: n.documentTitle, items: [] };
    group.items.push(n);
    groups.set(n.documentId, group);
  }
  return [...groups.values()];
}

export function NotificationPanel({
  id,
  ref,
  store,
  live,
  onClose,
}: {
  id: string;
  ref: Ref<HTMLDivElement>;
  store: LiveStore<NotificationsHeld>;
  live: NotificationsHeld & { status: string; error: unknown; reload(): Promise<void> };
  onClose: (refocus: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<'list' | 'preferences'>('list');
  const [failure, setFailure] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), [view]);

  const act = (work: Promise<void>) => {
    setFailure(null);
    work.catch((error: Error) => setFailure(t('notifications:panel.actionFailed', { message: error.message })));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
    }
  };

  const groups = groupByNegotiation(live.notifications);
  const headingId = `${id}-heading`;
  return (
    <div id={id} ref={ref} className="notification-panel" role="dialog" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="notification-panel-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {view === 'list' ? t('notifications:panel.title') : t('notifications:preferences.title')}
        </h2>
        <button type="button" className="button button-quiet" onClick={() => onClose(true)}>
          {t('notifications:panel.close')}
        </button>
      </div>
      {view === 'preferences' ? (
        <>
          <MailPreferencesForm />
          <button type="button" className="button button-quiet" onClick={() => setView('list')}>
            {t('notifications:panel.backToList')}
          </button>
        </>
      ) : (
        <>
          <div className="notification-panel-actions">
            {live.unreadCount > 0 && (
              <button type="button" className="button button-quiet button-small" onClick={() => act(markAllRead(store))}>
                {t('notifications:panel.markAllRead')}
              </button>
            )}
            <button type="button" className="button button-quiet button-small" onClick={() => setView('preferences')}>
              {t('notifications:panel.preferences')}
            </button>
          </div>
          {failure && (
            <p className="notification-failure" role="alert">
              {failure}
            </p>
          )}
          {live.status === 'loading' && live.notifications.length === 0 ? (
            <p className="notification-empty">{t('notifications:panel.loading')}</p>
          ) : live.status === 'error' ? (
            <div className="notification-empty" role="alert">
              <p>{t('notifications:panel.loadFailed')}</p>
              <button type="button" className="button button-quiet" onClick={() => void live.reload()}>
                {t('notifications:panel.retry')}
              </button>
            </div>
          ) : groups.length === 0 ? (
            <p className="notification-empty">{t('notifications:panel.empty')}</p>
          ) : (
            <div className="notification-groups">
              {groups.map((group) => {
                const title = localized(group.title, i18n.language);
                const groupHeading = `${id}-${group.documentId}`;
                return (
                  <section key={group.documentId} className="notification-group" aria-labelledby={groupHeading}>
                    <div className="notification-group-head">
                      <h3 id={groupHeading}>{title}</h3>
                      {group.items.some((n) => n.readAt === null) && (
                        <button
                          type="button"
                          className="button button-quiet button-small"
                          aria-describedby={groupHeading}
                          onClick={() => act(markAllRead(store, group.documentId))}
                        >
                          {t('notifications:panel.markGroupRead')}
                        </button>
                      )}
                    </div>
                    <ul className="notification-list">
                      {group.items.map((n) => (
                        <NotificationItem
                          key={n.id}
                          notification={n}
                          onOpen={() => {
                            if (n.readAt === null) act(markRead(store, n.id));
                            onClose(false);
                          }}
                          onMarkRead={() => act(markRead(store, n.id))}
                        />
                      ))}
                    </ul>
                  </section>
                );
              })}
            </div>
          )}
        </>
      )}
    </div>
  );
}
