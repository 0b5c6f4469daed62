/**
 * A bare websocket on the collab endpoint: it sends exactly the bytes a test gives it (well-formed
 * or not) and records every frame and the close code. The Origin header is set as a browser would;
 * the person is who the session cookie or the collab ticket (?token=) says, or nobody.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DEFAULT_LANGUAGES, insertClause, newClauseId } from '../../shared/src/index';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../shared/src/protocol';

export interface Closed {
  code: number;
  reason: string;
}

/** Why `opened` rejected: the server answered the upgrade with an HTTP status instead of 101. */
export type UpgradeRefused = Error & { status: number; body: string };

export interface RawCollabSocket {
  ws: WebSocket;
  /** Binary frames received so far, in order. */
  frames: Uint8Array[];
  /** Rejects with an UpgradeRefused when the server does not upgrade. */
  opened: Promise<void>;
  closed: Promise<Closed>;
  isClosed(): boolean;
  send(data: Uint8Array | string): void;
  /** Resolves with the first received frame (already received or not) that matches. */
  waitForFrame(match: (frame: Uint8Array) => boolean, what: string, timeoutMs?: number): Promise<Uint8Array>;
  /** Resolves with the close, or rejects when the server keeps the socket open for timeoutMs. */
  waitForClose(timeoutMs?: number): Promise<Closed>;
  close(): void;
}

export interface RawSocketOptions {
  /** Defaults to the server's own origin. */
  origin?: string;
  /** A `concordia_session=…` Cookie header. */
  cookie?: string | null;
  /** A collab ticket, sent as ?token=. */
  token?: string;
}

export function openRawSocket(wsUrl: string, documentId: string, options: RawSocketOptions = {}): RawCollabSocket {
  const headers: Record<string, string> = { origin: options.origin ?? wsUrl.replace(/^ws/, 'http') };
  if (options.cookie) headers.cookie = options.cookie;
  const query = options.token ? `?token=${encodeURIComponent(options.token)}` : '';
  const ws = new WebSocket(`${wsUrl}/collab/${documentId}${query}`, { headers });
  const frames: Uint8Array[] = [];
  const listeners = new Set<() => void>();
  let closedWith: Closed | null = null;
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) return;
    frames.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    for (const listener of listeners) listener();
  });
  ws.on('error', () => undefined); // a refused or reset socket shows up as its close
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk;
      });
      res.on('end', () => {
        reject(Object.assign(new Error(`upgrade refused with HTTP ${res.statusCode}`), { status: res.statusCode ?? 0, body }));
        ws.terminate(); // with this listener ws leaves the refused request to us: end it, so `closed` settles too
      });
    });
    ws.once('close', () => reject(new Error('closed before opening')));
  });
  opened.catch(() => undefined);
  const closed = new Promise<Closed>((resolve) =>
    ws.once('close', (code, reason) => {
      closedWith = { code, reason: reason.toString() };
      resolve(closedWith);
      for (const listener of listeners) listener();
    }),
  );
  return {
    ws,
    frames,
    opened,
    closed,
    isClosed: () => closedWith !== null,
    send(data) {
      ws.send(data, { binary: typeof data !== 'string' });
    },
    waitForFrame(match, what, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = frames.find(match);
          if (found) {
            done();
            resolve(found);
          } else if (closedWith) {
            done();
            reject(new Error(`socket closed (${closedWith.code} ${closedWith.reason}) before ${what}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`Timed out waiting for ${what}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    waitForClose(timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the server kept the socket open for ${timeoutMs} ms`)), timeoutMs);
        void closed.then((c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
    },
    close() {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.terminate();
    },
  };
}

/** The frames of the y-websocket protocol, built independently of the server's own builders. */
export const collabFrame = {
  /** Sync step 1 with a state vector (by default an empty document's: "send me everything"). */
  syncStep1(stateVector: Uint8Array = Y.encodeStateVector(new Y.Doc())): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
    encoding.writeVarUint8Array(encoder, stateVector);
    return encoding.toUint8Array(encoder);
  },
  update(update: Uint8Array, kind: number = syncProtocol.messageYjsUpdate): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarUint8Array(encoder, update);
    return encoding.toUint8Array(encoder);
  },
  syncStep2(update: Uint8Array): Uint8Array {
    return collabFrame.update(update, syncProtocol.messageYjsSyncStep2);
  },
  awareness(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, entries.length);
    for (const entry of entries) {
      encoding.writeVarUint(inner, entry.clientId);
      encoding.writeVarUint(inner, entry.clock);
      encoding.writeVarString(inner, JSON.stringify(entry.state));
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
    return encoding.toUint8Array(encoder);
  },
  queryAwareness(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.QueryAwareness);
    return encoding.toUint8Array(encoder);
  },
  /** An auth message as a client would send one (only the server may). */
  auth(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Auth);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarString(encoder, 'let me in');
    return encoding.toUint8Array(encoder);
  },
  /** A message type the protocol does not have. */
  unknown(): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 7);
    return encoding.toUint8Array(encoder);
  },
};

/** A real change that keeps the layout contract: a new clause holding `text`, written into a fresh Y.Doc, as one update. */
export function oneChange(text = 'changed by a client'): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
  insertClause(doc, { id: newClauseId(), kind: 'clause', content: { en: paragraph, es: paragraph } }, DEFAULT_LANGUAGES, null, { kind: 'test' });
  return Y.encodeStateAsUpdate(doc);
}

/** What a server frame is: 'sync-step1' | 'sync-step2' | 'sync-update' | 'awareness' | 'auth-denied' | … */
export function kindOf(frame: Uint8Array): string {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  if (type === MessageType.Sync) return ['sync-step1', 'sync-step2', 'sync-update'][decoding.readVarUint(decoder)] ?? 'sync-other';
  if (type === MessageType.Awareness) return 'awareness';
  if (type === MessageType.Auth) return decoding.readVarUint(decoder) === 0 ? 'auth-denied' : 'auth-other';
  return `type-${type}`;
}

/** The reason string of a permission-denied frame. */
export function deniedReason(frame: Uint8Array): string {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarString(decoder);
}

/** Whether a frame is a sync step 2 or update message (what carries document text). */
export function isSyncPayload(frame: Uint8Array): boolean {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== MessageType.Sync) return false;
  const kind = decoding.readVarUint(decoder);
  return kind === syncProtocol.messageYjsSyncStep2 || kind === syncProtocol.messageYjsUpdate;
}

/** The Yjs update inside a sync step 2 or update frame. */
export function syncPayload(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

/**
 * Whether the bytes are a well-formed message of the protocol, judged by the reference decoders
 * (lib0, y-protocols, Yjs) rather than the server's code: the right framing with no trailing
 * bytes, and a payload that decodes (state vector, update, or awareness entries with JSON states).
 */
export function isWellFormedFrame(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Sync) {
      const kind = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (decoding.hasContent(decoder)) return false;
      if (kind === syncProtocol.messageYjsSyncStep1) Y.decodeStateVector(payload);
      else if (kind === syncProtocol.messageYjsSyncStep2 || kind === syncProtocol.messageYjsUpdate) Y.decodeUpdate(payload);
      else return false;
      return true;
    }
    if (type === MessageType.Awareness) {
      const payload = decoding.readVarUint8Array(decoder);
      if (decoding.hasContent(decoder)) return false;
      const inner = decoding.createDecoder(payload);
      const count = decoding.readVarUint(inner);
      for (let i = 0; i < count; i += 1) {
        decoding.readVarUint(inner);
        decoding.readVarUint(inner);
        JSON.parse(decoding.readVarString(inner));
      }
      return !decoding.hasContent(inner);
    }
    return type === MessageType.QueryAwareness && !decoding.hasContent(decoder);
  } catch {
    return false;
  }
}
