import http from 'node:http';
import WebSocket from 'ws';
import { io, type Socket } from 'socket.io-client';
import type { Credentials, World } from './world';

/** A socket.io client as the browser app opens it: the session cookie and our Origin. */
export function connectSocketIo(world: World, who: Credentials, options: { origin?: string; transports?: Array<'websocket' | 'polling'> } = {}): Promise<Socket> {
  const headers: Record<string, string> = { origin: options.origin ?? world.origin };
  if (who.cookie) headers.cookie = who.cookie;
  const socket = io(world.server.url, { transports: options.transports ?? ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true, timeout: 5000 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => { socket.close(); reject(err); });
  });
}

/** Emits with an acknowledgement and resolves with the answer. */
export function emitWithAck(socket: Socket, event: string, payload: unknown): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return socket.timeout(5000).emitWithAck(event, payload);
}

/** Sends a raw upgrade request; resolves with the HTTP status (101 when the server upgraded). */
export function upgradeStatus(world: World, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${world.server.url}${path}`, {
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    req.on('upgrade', (res, socket) => { socket.destroy(); resolve({ status: res.statusCode ?? 0, body: '' }); });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A raw collab websocket with the cookie (or a ?token=) and our Origin; every frame it receives is kept. */
export interface RawCollab { ws: WebSocket; frames: Uint8Array[]; closed: Promise<{ code: number; reason: string }>; isClosed(): boolean }

export function openCollab(world: World, who: Credentials, documentId: string, options: { token?: string; origin?: string } = {}): Promise<RawCollab> {
  const headers: Record<string, string> = { origin: options.origin ?? world.origin };
  if (who.cookie && !options.token) headers.cookie = who.cookie;
  const query = options.token ? `?token=${encodeURIComponent(options.token)}` : '';
  const ws = new WebSocket(`${world.server.wsUrl}/collab/${documentId}${query}`, { headers });
  const frames: Uint8Array[] = [];
  let isClosed = false;
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => { isClosed = true; resolve({ code, reason: reason.toString() }); }));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, closed, isClosed: () => isClosed }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d; });
      res.on('end', () => reject(Object.assign(new Error(`collab upgrade refused: ${res.statusCode} ${body}`), { status: res.statusCode, body })));
    });
    ws.once('error', reject);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<number> {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
  return Date.now() - started;
}
