/**
 * My notifications, kept live (realtime/live-store.ts): read once signed in, again after every
 * reconnection [L3], and followed over socket.io — a new one arrives on top, one read in another tab
 * turns read here too. The unread count is the server's, sent with every change.
 */
import { LiveStore, type Change } from '../realtime/live-store';
import { NotificationSocketEvent, type NotificationJSON, type NotificationReadEvent } from '../../../shared/src/api/notifications';
import { fetchNotifications, PANEL_PAGE } from './notifications-api';

export interface NotificationsHeld {
  /** Newest first. */
  notifications: readonly NotificationJSON[];
  unreadCount: number;
}

/** A notification on top (once, however often it is told), with the count the server sent. */
export const notificationArrived =
  (notification: NotificationJSON, unreadCount: number): Change<NotificationsHeld> =>
  (held) => {
    if (held.notifications.some((known) => known.id === notification.id)) return held.unreadCount === unreadCount ? held : { ...held, unreadCount };
    return { notifications: [notification, ...held.notifications].slice(0, PANEL_PAGE), unreadCount };
  };

/** Some (or all, or all of one negotiation) marked read, here or elsewhere. */
export const notificationsRead =
  (event: Pick<NotificationReadEvent, 'ids' | 'documentId' | 'unreadCount'>, readAt = new Date().toISOString()): Change<NotificationsHeld> =>
  (held) => {
    const hit = (n: NotificationJSON) =>
      n.readAt === null && (event.ids ? event.ids.includes(n.id) : event.documentId === null || n.documentId === event.documentId);
    if (!held.notifications.some(hit) && held.unreadCount === event.unreadCount) return held;
    return { notifications: held.notifications.map((n) => (hit(n) ? { ...n, readAt } : n)), unreadCount: event.unreadCount };
  };

export function notificationsStore(): LiveStore<NotificationsHeld> {
  return new LiveStore<NotificationsHeld>({
    initial: { notifications: [], unreadCount: 0 },
    load: async (signal) => {
      const { notifications, unreadCount } = await fetchNotifications(signal);
      return { notifications, unreadCount };
    },
    events: {
      [NotificationSocketEvent.Created]: ({ notification, unreadCount }) => notificationArrived(notification, unreadCount),
      [NotificationSocketEvent.Read]: (event) => notificationsRead(event),
    },
  });
}
