/**
 * The bar, measured side by side on the same machine: a relay without durability that does what
 * the reference y-websocket server does (y-websocket's bin/utils.js `setupWSConnection`): one shared
 * Y.Doc per room, every update applied and broadcast at once to every connection (the sender too),
 * sync step 1 answered immediately, awareness relayed. No database, no checks.
 * Run as its own process: `node --import tsx bench/collab/reference-relay.ts`; prints its port.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';

const SYNC = 0;
const AWARENESS = 1;

class SharedDoc extends Y.Doc {
  readonly conns = new Set<WebSocket>();
  readonly awareness = new awarenessProtocol.Awareness(this);

  constructor() {
    super({ gc: true });
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, AWARENESS);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
      this.broadcast(encoding.toUint8Array(encoder));
    });
    this.on('update', (update: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.broadcast(encoding.toUint8Array(encoder));
    });
  }

  broadcast(frame: Uint8Array): void {
    for (const conn of this.conns) if (conn.readyState === conn.OPEN) conn.send(frame);
  }
}

const docs = new Map<string, SharedDoc>();
const server = http.createServer();
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (conn, req) => {
  const room = req.url ?? '/';
  let doc = docs.get(room);
  if (!doc) docs.set(room, (doc = new SharedDoc()));
  const shared = doc;
  shared.conns.add(conn);
  conn.on('message', (data: Buffer) => {
    try {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      const encoder = encoding.createEncoder();
      const type = decoding.readVarUint(decoder);
      if (type === SYNC) {
        encoding.writeVarUint(encoder, SYNC);
        syncProtocol.readSyncMessage(decoder, encoder, shared, conn);
        if (encoding.length(encoder) > 1) conn.send(encoding.toUint8Array(encoder));
      } else if (type === AWARENESS) {
        awarenessProtocol.applyAwarenessUpdate(shared.awareness, decoding.readVarUint8Array(decoder), conn);
      }
    } catch {
      conn.close();
    }
  });
  conn.on('close', () => shared.conns.delete(conn));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, SYNC);
  syncProtocol.writeSyncStep1(encoder, shared);
  conn.send(encoding.toUint8Array(encoder));
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`reference relay listening on ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
