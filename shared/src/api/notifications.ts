/**
 * Notifications (docs/api.md, "Notifications"): what concerns a person in the negotiations they are a
 * member of, kept per person, listed with an unread count, delivered live over socket.io and — for the
 * kinds the person chose — by mail in their language.
 *
 *  [N1] Each kind is told once per person and per thing it is about (`source`, unique per person and document):
 *       a mention once per comment, an outdated approval once per approval, a position once per
 *       statement, a decision once per proposal, a version once, a freeze once.
 *  [N2] Nobody is told of their own action.
 *  [N3] A notification never reveals what its reader may not read now: it is listed only while they are
 *       a member of its document, a mention only while they may read its thread (comment-visibility.ts),
 *       and a mention's excerpt is the comment as it is now (none once the comment is deleted).
 */
import { z } from 'zod';
import type { ServerToClientEvents } from '../protocol';
import { CLAUSE_KINDS } from '../yjs-layout';
import { PROPOSAL_DECISIONS, PROPOSAL_POSITIONS } from './proposals';

export const NOTIFICATION_KINDS = ['mention', 'approval_outdated', 'proposal', 'version_named', 'document_frozen'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Kinds that come by mail for someone who never chose: being mentioned. */
export const MAIL_BY_DEFAULT: Readonly<Record<NotificationKind, boolean>> = {
  mention: true,
  approval_outdated: false,
  proposal: false,
  version_named: false,
  document_frozen: false,
};

export const NOTIFICATION_PAGE_MAX = 100;
/** A mention's excerpt: the first characters of the comment. */
export const MENTION_EXCERPT_MAX = 200;

/** Where in the document a notification points: a clause and its number when it was told. */
export const notificationClauseSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CLAUSE_KINDS),
    article: z.number().int().positive().optional(),
    section: z.number().int().positive().optional(),
  })
  .strict()
  .meta({ id: 'NotificationClause' });
export type NotificationClause = z.infer<typeof notificationClauseSchema>;

const actorSchema = z.object({ id: z.uuid(), displayName: z.string() }).strict();

/** What each kind says, beyond who and where. */
export const notificationDetailsSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('mention'),
        threadId: z.uuid(),
        commentId: z.uuid(),
        excerpt: z.string().nullable().describe('null once the comment was deleted'),
      })
      .strict(),
    z.object({ kind: z.literal('approval_outdated'), participantCode: z.string() }).strict(),
    z
      .object({
        kind: z.literal('proposal'),
        proposalId: z.string(),
        event: z.enum(['position', 'decision']),
        participantCode: z.string().nullable().describe('who stated the position (event "position")'),
        position: z.enum(PROPOSAL_POSITIONS).nullable(),
        decision: z.enum(PROPOSAL_DECISIONS).nullable(),
      })
      .strict(),
    z.object({ kind: z.literal('version_named'), versionId: z.uuid(), name: z.string() }).strict(),
    z.object({ kind: z.literal('document_frozen') }).strict(),
  ])
  .meta({ id: 'NotificationDetails' });
export type NotificationDetails = z.infer<typeof notificationDetailsSchema>;

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    documentId: z.uuid(),
    documentTitle: z.record(z.string(), z.string()).describe('the negotiation’s title per language'),
    clause: notificationClauseSchema.nullable(),
    actor: actorSchema.nullable().describe('who did it (null: the server, or unknown)'),
    details: notificationDetailsSchema,
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .strict()
  .meta({ id: 'Notification' });
export type NotificationJSON = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z
  .object({
    documentId: z.uuid().optional().describe('only the notifications of this negotiation'),
    unread: z.enum(['true', 'false']).optional().describe('"true": only the unread ones'),
    limit: z.coerce.number().int().min(1).max(NOTIFICATION_PAGE_MAX).optional(),
    cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page'),
  })
  .strict();
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationListSchema = z
  .object({
    notifications: z.array(notificationSchema).describe('newest first'),
    unreadCount: z.number().int().nonnegative().describe('unread notifications of the filter (all negotiations, or `documentId`’s)'),
    nextCursor: z.string().nullable(),
  })
  .strict();
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationIdParamsSchema = z.object({ notificationId: z.uuid() }).strict();

export const markAllReadBodySchema = z.object({ documentId: z.uuid().optional().describe('only this negotiation’s; all when left out') }).strict();
export type MarkAllReadBody = z.infer<typeof markAllReadBodySchema>;

export const unreadCountSchema = z.object({ unreadCount: z.number().int().nonnegative().describe('unread notifications in all negotiations') }).strict();
export type UnreadCount = z.infer<typeof unreadCountSchema>;

const mailChoicesSchema = z
  .object(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean()])) as Record<NotificationKind, z.ZodBoolean>)
  .strict();

export const notificationPreferencesSchema = z
  .object({ mail: mailChoicesSchema.describe('per kind: whether it also comes by mail, in my interface language') })
  .strict()
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const notificationPreferencesBodySchema = z.object({ mail: mailChoicesSchema.partial().strict() }).strict();
export type NotificationPreferencesBody = z.infer<typeof notificationPreferencesBodySchema>;

/** socket.io events to the person's own sockets (every tab of theirs), sent after the commit. */
export const NotificationSocketEvent = {
  /** A notification for me was recorded ({ notification, unreadCount }). */
  Created: 'notification:created',
  /** Some of mine were marked read, here or in another tab ({ ids: null = all of `documentId` (or all), unreadCount }). */
  Read: 'notification:read',
} as const;

export interface NotificationCreatedEvent {
  notification: NotificationJSON;
  unreadCount: number;
}
export interface NotificationReadEvent {
  /** The ids marked read; null: all of them (of `documentId` when given). */
  ids: string[] | null;
  documentId: string | null;
  unreadCount: number;
}

// The events join the typed socket.io surface of protocol.ts (declaration merging), on both ends.
declare module '../protocol' {
  interface ServerToClientEvents {
    [NotificationSocketEvent.Created]: (event: NotificationCreatedEvent) => void;
    [NotificationSocketEvent.Read]: (event: NotificationReadEvent) => void;
  }
}
export type { ServerToClientEvents };
