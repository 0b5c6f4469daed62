/**
 * The bell in the header: my unread count, live; it opens the panel of my notifications (a non-modal
 * dialog: Escape or a click elsewhere closes it and gives the focus back to the bell).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLive } from '../realtime/use-live';
import { formatNumber } from '../app/format';
import { BellIcon } from './bell-icon';
import { myNotifications } from './my-notifications';
import { NotificationPanel } from './notification-panel';
import './notifications.css';

export function NotificationBell({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const store = myNotifications(userId);
  const live = useLive(store);
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const count = live.unreadCount;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    // Escape closes it wherever the focus is (a control that went away leaves it on the page).
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  return (
    <div className="notification-bell">
      <button
        ref={buttonRef}
        type="button"
        className="button button-quiet bell-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={count > 0 ? t('notifications:bell.labelUnread', { count }) : t('notifications:bell.label')}
        onClick={() => setOpen((was) => !was)}
      >
        <BellIcon />
        {count > 0 && (
          <span className="bell-count" aria-hidden="true" data-testid="notification-count">
            {count > 99 ? '99+' : formatNumber(count, i18n.language)}
          </span>
        )}
      </button>
      {/* The count is announced politely when it changes, not only when the bell is focused. */}
      <span className="visually-hidden" role="status">
        {count > 0 ? t('notifications:bell.labelUnread', { count }) : ''}
      </span>
      {open && <NotificationPanel id={panelId} ref={panelRef} store={store} live={live} onClose={close} />}
    </div>
  );
}
