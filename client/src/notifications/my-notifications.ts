/**
 * The signed-in person's notifications store: one per person for the whole page, so every screen's
 * header shows the same bell without reading again, and the next person to sign in starts afresh.
 */
import { notificationsStore, notificationsRead, type NotificationsHeld } from './notifications-store';
import { markAllNotificationsRead, markNotificationRead } from './notifications-api';
import type { LiveStore } from '../realtime/live-store';

let held: { userId: string; store: LiveStore<NotificationsHeld> } | null = null;

export function myNotifications(userId: string): LiveStore<NotificationsHeld> {
  if (held?.userId !== userId) held = { userId, store: notificationsStore() };
  return held.store;
}

/** Marks one read on the server, then here (the server's count wins). */
export async function markRead(store: LiveStore<NotificationsHeld>, notificationId: string): Promise<void> {
  const { unreadCount } = await markNotificationRead(notificationId);
  store.apply(notificationsRead({ ids: [notificationId], documentId: null, unreadCount }));
}

/** Marks all read (of one negotiation when given) on the server, then here. */
export async function markAllRead(store: LiveStore<NotificationsHeld>, documentId?: string): Promise<void> {
  const { unreadCount } = await markAllNotificationsRead(documentId);
  store.apply(notificationsRead({ ids: null, documentId: documentId ?? null, unreadCount }));
}
