/** My notifications and my mail choices (docs/api.md, "Notifications"). */
import { api } from '../api/http';
import type { NotificationList, NotificationPreferences, NotificationPreferencesBody, UnreadCount } from '../../../shared/src/api/notifications';

/** How many the panel shows: the newest, read or not. */
export const PANEL_PAGE = 50;

export const fetchNotifications = (signal?: AbortSignal) => api.get<NotificationList>(`/api/notifications?limit=${PANEL_PAGE}`, { signal });

export const markNotificationRead = (notificationId: string) => api.post<UnreadCount>(`/api/notifications/${encodeURIComponent(notificationId)}/read`, {});

export const markAllNotificationsRead = (documentId?: string) => api.post<UnreadCount>('/api/notifications/read-all', documentId ? { documentId } : {});

export const fetchNotificationPreferences = (signal?: AbortSignal) => api.get<NotificationPreferences>('/api/notifications/preferences', { signal });

export const saveNotificationPreferences = (body: NotificationPreferencesBody) => api.put<NotificationPreferences>('/api/notifications/preferences', body);
