/**
 * My notifications (docs/api.md, "Notifications"): signed-in routes that only ever read and change the
 * caller's own rows — another person's notification is not found [N3]. Marking read changes nothing
 * anyone else sees, so these stay open on a frozen document.
 */
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { AppError } from '../../http/errors';
import { listVisible, markAllRead, markRead, unreadCount } from '../../notifications/notification-store';
import { presentNotification } from '../../notifications/present-notification';
import { readPreferences, writePreferences } from '../../notifications/preferences';
import {
  MENTION_EXCERPT_MAX,
  markAllReadBodySchema,
  notificationIdParamsSchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationPreferencesBodySchema,
  notificationPreferencesSchema,
  unreadCountSchema,
} from '../../../../shared/src/api/notifications';

const DEFAULT_PAGE = 50;

/** A timestamptz as PostgreSQL writes it ("2026-12-07 14:30:00.123456+00"), and a uuid. */
const CREATED_KEY = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `nextCursor`: the last row's creation time (as PostgreSQL writes it) and id. */
const encodeCursor = (createdKey: string, id: string) => Buffer.from(JSON.stringify([createdKey, id])).toString('base64url');
function decodeCursor(cursor: string): { createdKey: string; id: string } {
  try {
    const [createdKey, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdKey === 'string' && typeof id === 'string' && CREATED_KEY.test(createdKey) && UUID.test(id)) {
      return { createdKey, id };
    }
  } catch {
    // answered below
  }
  throw new AppError('validation_failed', { field: 'cursor', reason: 'not a cursor this list gave' });
}

export function notificationsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/notifications',
      tag: 'notifications',
      summary: 'My notifications, newest first, with the unread count',
      description: 'Only notifications I may read now: of negotiations I am a member of, mentions in threads I may read.',
      access: { kind: 'session' },
      query: notificationListQuerySchema,
      response: notificationListSchema,
      handler: async ({ res, session, query }) => {
        res.setHeader('Cache-Control', 'no-store');
        const limit = query.limit ?? DEFAULT_PAGE;
        const rows = await listVisible(
          ctx.pool,
          session.user.id,
          {
            documentId: query.documentId,
            unreadOnly: query.unread === 'true',
            limit: limit + 1,
            before: query.cursor ? decodeCursor(query.cursor) : undefined,
          },
          MENTION_EXCERPT_MAX,
        );
        const page = rows.slice(0, limit);
        const last = page[page.length - 1];
        return {
          notifications: page.map(presentNotification),
          unreadCount: await unreadCount(ctx.pool, session.user.id, query.documentId),
          nextCursor: rows.length > limit && last ? encodeCursor(last.created_key, last.id) : null,
        };
      },
    })
    .add({
      method: 'post',
      path: '/notifications/:notificationId/read',
      tag: 'notifications',
      summary: 'Mark one of my notifications read',
      access: { kind: 'session' },
      params: notificationIdParamsSchema,
      response: unreadCountSchema,
      errors: ['not_found'],
      handler: async ({ session, params }) => {
        if (!(await markRead(ctx.pool, session.user.id, params.notificationId))) throw new AppError('not_found');
        const count = await unreadCount(ctx.pool, session.user.id);
        ctx.events.emit('notification.read', { userId: session.user.id, ids: [params.notificationId], documentId: null, unreadCount: count });
        return { unreadCount: count };
      },
    })
    .add({
      method: 'post',
      path: '/notifications/read-all',
      tag: 'notifications',
      summary: 'Mark all my notifications read (of one negotiation when `documentId` is given)',
      access: { kind: 'session' },
      body: markAllReadBodySchema,
      response: unreadCountSchema,
      handler: async ({ session, body }) => {
        await markAllRead(ctx.pool, session.user.id, body.documentId);
        const count = await unreadCount(ctx.pool, session.user.id);
        ctx.events.emit('notification.read', { userId: session.user.id, ids: null, documentId: body.documentId ?? null, unreadCount: count });
        return { unreadCount: count };
      },
    })
    .add({
      method: 'get',
      path: '/notifications/preferences',
      tag: 'notifications',
      summary: 'Which kinds of notification also come to me by mail',
      access: { kind: 'session' },
      response: notificationPreferencesSchema,
      handler: async ({ res, session }) => {
        res.setHeader('Cache-Control', 'no-store');
        return readPreferences(ctx.pool, session.user.id);
      },
    })
    .add({
      method: 'put',
      path: '/notifications/preferences',
      tag: 'notifications',
      summary: 'Choose which kinds of notification also come to me by mail (in my interface language)',
      access: { kind: 'session' },
      body: notificationPreferencesBodySchema,
      response: notificationPreferencesSchema,
      handler: async ({ session, body }) => writePreferences(ctx.pool, session.user.id, body.mail),
    });
}
