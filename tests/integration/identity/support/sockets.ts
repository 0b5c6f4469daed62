import http from 'node:http';
import type { Socket } from 'socket.io-client';
import { connectRealtime, type RealtimeOptions } from '../../../utils/realtime-client';
import { openRawSocket, type RawCollabSocket } from '../../../utils/raw-collab-socket';
import type { Credentials, World } from './world';

/** A socket.io client as the browser app opens it: the person's session cookie and our Origin. */
export function connectSocketIo(world: World, who: Credentials, options: RealtimeOptions = {}): Promise<Socket> {
  return connectRealtime(world.server.url, who.cookie, { origin: world.origin, ...options });
}

export { emitWithAck } from '../../../utils/realtime-client';

/** Sends a raw upgrade request; resolves with the HTTP status (101 when the server upgraded). */
export function upgradeStatus(world: World, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${world.server.url}${path}`, {
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, body: '' });
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A raw collab websocket with the person's cookie (or a ?token= ticket instead) and our Origin, once open. */
export async function openCollab(
  world: World,
  who: Credentials,
  documentId: string,
  options: { token?: string; origin?: string } = {},
): Promise<RawCollabSocket> {
  const socket = openRawSocket(world.server.wsUrl, documentId, {
    origin: options.origin ?? world.origin,
    cookie: options.token ? null : who.cookie,
    token: options.token,
  });
  await socket.opened;
  return socket;
}
