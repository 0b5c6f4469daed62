import { z } from 'zod';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { toAppError } from '../http/error-handler';
import { translator } from '../i18n';
import { authorize } from '../policies/authorize';
import { loadDocumentAccess, type DocumentAccess } from '../policies/document-access';
import { can } from '../../../shared/src/policy';
import { delegationOf, SECRETARIAT_DELEGATION } from '../../../shared/src/comment-visibility';
import { SocketEvent, type SocketAck } from '../../../shared/src/protocol';
import { delegationRoom, documentRoom } from './rooms';
import { identityOf, type AppSocket } from './socket-auth';

type Ack = (answer: SocketAck) => void;

const documentPayload = z.object({ documentId: z.uuid() }).strict();

/** Events a client may send; anything else is answered with an error. */
const CLIENT_EVENTS = new Set<string>([SocketEvent.JoinDocument, SocketEvent.LeaveDocument]);

function errorAnswer(socket: AppSocket, err: unknown): SocketAck {
  const error = toAppError(err);
  return { error: { code: error.code, message: translator(identityOf(socket).lang)(error.code, error.params) } };
}

/**
 * Puts the socket in the rooms its person may be in on a document — `doc:<id>` for every reader, and
 * the delegation's own room when the policy lets them read its internal notes — and out of the
 * others. Throws when they may not read the document at all (a refused request, `target`, is recorded).
 */
export async function placeInRooms(ctx: AppContext, socket: AppSocket, documentId: string, target: string | null): Promise<void> {
  const identity = identityOf(socket);
  const access = await loadDocumentAccess(ctx.pool, documentId, { id: identity.userId, isAdmin: identity.isAdmin });
  if (!access) throw new AppError('not_found');
  const object = { documentStatus: access.document.status };
  // A person's own request is authorized (and a refusal recorded); a re-check after a membership change is not a request.
  if (target) await authorize(ctx, access.subject, 'document.read', object, { channel: 'socket.io', target, documentId });
  else if (!can(access.subject, 'document.read', object).allowed) throw new AppError('forbidden');
  const own = readableDelegationRoom(access, documentId);
  leaveDelegationRooms(socket, documentId, own);
  void socket.join(documentRoom(documentId));
  if (own) void socket.join(own);
  identity.documents.add(documentId);
}

/**
 * The one delegation room whose internal notes this membership reads, or null: the same rule as the
 * SQL predicate ([V3] `delegationOf`), and allowed by the policy too. A member with no delegation (an
 * observer, a legal reviewer without a Participant) has none — "no Participant" is never read as the
 * secretariat's room.
 */
function readableDelegationRoom(access: DocumentAccess, documentId: string): string | null {
  const membership = access.membership;
  if (!membership) return null;
  const delegation = delegationOf({ role: membership.role, participantId: membership.participant_id });
  if (delegation === null) return null;
  const participantId = delegation === SECRETARIAT_DELEGATION ? null : delegation;
  if (!can(access.subject, 'comment.read_internal', { participantId }).allowed) return null;
  return delegationRoom(documentId, participantId);
}

/** Leaves every delegation room of the document but `keep`. */
export function leaveDelegationRooms(socket: AppSocket, documentId: string, keep: string | null = null): void {
  const prefix = `${documentRoom(documentId)}:p:`;
  for (const room of [...socket.rooms]) if (room.startsWith(prefix) && room !== keep) void socket.leave(room);
}

export function leaveDocument(socket: AppSocket, documentId: string): void {
  for (const room of [...socket.rooms]) if (room === documentRoom(documentId) || room.startsWith(`${documentRoom(documentId)}:`)) void socket.leave(room);
  identityOf(socket).documents.delete(documentId);
}

/** The events of one socket: join and leave a document; unknown events and bad payloads get an error answer. */
export function handleDocumentChannel(ctx: AppContext, socket: AppSocket): void {
  socket.on(SocketEvent.JoinDocument, async (payload: unknown, ack?: Ack) => {
    try {
      const { documentId } = documentPayload.parse(payload);
      await placeInRooms(ctx, socket, documentId, SocketEvent.JoinDocument);
      if (typeof ack === 'function') ack({ ok: true });
    } catch (err) {
      if (typeof ack === 'function') ack(errorAnswer(socket, err));
    }
  });
  socket.on(SocketEvent.LeaveDocument, (payload: unknown, ack?: Ack) => {
    const parsed = documentPayload.safeParse(payload);
    if (parsed.success) leaveDocument(socket, parsed.data.documentId);
    if (typeof ack === 'function') ack(parsed.success ? { ok: true } : errorAnswer(socket, parsed.error));
  });
  socket.onAny((event: string, ...args: unknown[]) => {
    if (CLIENT_EVENTS.has(event)) return;
    ctx.log.warn({ channel: 'socket.io', userId: identityOf(socket).userId, event: String(event).slice(0, 100) }, 'socket.io event refused: unknown event');
    const ack = args[args.length - 1];
    if (typeof ack === 'function') (ack as Ack)(errorAnswer(socket, new AppError('bad_request')));
  });
}
