/**
 * A socket.io client as the browser app opens one (client/src/realtime): the session cookie and our
 * Origin, no reconnection, a connection of its own. `joinDocument` then enters a negotiation's rooms.
 */
import { io, type Socket } from 'socket.io-client';
import { SocketEvent } from '../../shared/src/protocol';

export interface RealtimeOptions {
  /** Defaults to the server's own origin. */
  origin?: string;
  transports?: Array<'websocket' | 'polling'>;
}

/** Resolves once connected; rejects with socket.io's connect_error (its `data` holds the server's code). */
export function connectRealtime(url: string, cookie: string | null, options: RealtimeOptions = {}): Promise<Socket> {
  const extraHeaders: Record<string, string> = { origin: options.origin ?? url };
  if (cookie) extraHeaders.cookie = cookie;
  const socket = io(url, { transports: options.transports ?? ['websocket'], extraHeaders, reconnection: false, forceNew: true, timeout: 5000 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Emits with an acknowledgement and resolves with the answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an acknowledgement is whatever the server answered
export function emitWithAck(socket: Socket, event: string, payload: unknown): Promise<any> {
  return socket.timeout(5000).emitWithAck(event, payload);
}

/** Joins the document's room (and the delegation's, where the policy lets the person in); throws when refused. */
export async function joinDocument(socket: Socket, documentId: string, who = 'the socket'): Promise<void> {
  const answer = await emitWithAck(socket, SocketEvent.JoinDocument, { documentId });
  if (!answer?.ok) throw new Error(`${who} could not join ${documentId}: ${JSON.stringify(answer)}`);
}
