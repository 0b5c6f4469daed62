import type { AppContext } from '../context';
import { NotificationSocketEvent } from '../../../shared/src/api/notifications';
import { identityOf, type AppServer, type AppSocket } from './socket-auth';

/** Every socket of one person (each of their tabs) is in this room, from its handshake on. */
export const userRoom = (userId: string) => `user:${userId}`;

/**
 * Tells a person's own sockets, and no one else's, of their notifications once written (and of those
 * marked read in another tab), so every bell they have open shows the same unread count.
 */
export function relayNotificationEvents(ctx: AppContext, io: AppServer): () => void {
  const join = (socket: AppSocket) => void socket.join(userRoom(identityOf(socket).userId));
  io.on('connection', join);
  const offCreated = ctx.events.on('notification.created', ({ userId, ...event }) => {
    io.to(userRoom(userId)).emit(NotificationSocketEvent.Created, event);
  });
  const offRead = ctx.events.on('notification.read', ({ userId, ...event }) => {
    io.to(userRoom(userId)).emit(NotificationSocketEvent.Read, event);
  });
  return () => {
    io.off('connection', join);
    offCreated();
    offRead();
  };
}
