/**
 * A thin load-generator client. It speaks just enough of the y-websocket protocol to join, sends
 * its own edits as real Yjs updates (from a small local Y.Doc that only types into its own clause),
 * and never applies what it receives: it only finds the edit markers `~<sender>:<seq>~` in the
 * bytes of each update frame and timestamps them. Fifty full Yjs clients in one process would
 * measure the generator, not the server.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { clauseFragment } from '../../shared/src/index';

const TILDE = 0x7e;
const COLON = 0x3a;
const SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const AUTH = 2;
const AUTH_TOKEN = 0;

/** Send times, indexed by sender then sequence number (performance.now() of this process). */
export type SendTimes = number[][];

export interface ThinClientOptions {
  url: string;
  origin: string;
  index: number;
  /** The document as stored before the run: every client starts from the same state. */
  initialState: Uint8Array;
  clauseId: string;
  sendTimes: SendTimes;
  onMarker(from: number, seq: number, receivedAt: number): void;
  /** Speak Hocuspocus's framing instead: every message prefixed by this document name, an (empty) token first. */
  hocuspocusDocument?: string;
}

export class ThinClient {
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  framesReceived = 0;
  seq = 0;
  private readonly doc = new Y.Doc();
  private lastUpdate: Uint8Array | null = null;
  private readonly text: Y.XmlText;
  /** The bytes every frame starts with: nothing (y-websocket), or the document name (Hocuspocus). */
  private readonly prefix: Uint8Array;

  constructor(private readonly options: ThinClientOptions) {
    Y.applyUpdate(this.doc, options.initialState);
    const paragraph = clauseFragment(this.doc, options.clauseId, 'en').get(0) as Y.XmlElement;
    this.text = paragraph.get(0) as Y.XmlText;
    this.doc.on('update', (update: Uint8Array) => {
      this.lastUpdate = update;
    });
    const prefix = encoding.createEncoder();
    if (options.hocuspocusDocument !== undefined) encoding.writeVarString(prefix, options.hocuspocusDocument);
    this.prefix = encoding.toUint8Array(prefix);
    const at = this.prefix.byteLength;
    this.ws = new WebSocket(options.url, { headers: { origin: options.origin }, perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.synced = new Promise((resolve, reject) => {
      this.ws.once('error', reject);
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
      this.ws.on('message', (data: Buffer) => {
        if (data[at] !== SYNC) return;
        if (data[at + 1] === STEP1) {
          this.answerStep1(data);
          return;
        }
        if (data[at + 1] === STEP2) {
          resolve();
          return;
        }
        if (data[at + 1] !== UPDATE) return;
        this.framesReceived += 1;
        this.scan(data, performance.now());
      });
      this.ws.once('open', () => {
        if (options.hocuspocusDocument !== undefined) {
          const auth = this.encoder();
          encoding.writeVarUint(auth, AUTH);
          encoding.writeVarUint(auth, AUTH_TOKEN);
          encoding.writeVarString(auth, '');
          this.ws.send(encoding.toUint8Array(auth));
        }
        const encoder = this.encoder();
        encoding.writeVarUint(encoder, SYNC);
        encoding.writeVarUint(encoder, 0);
        encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
        this.ws.send(encoding.toUint8Array(encoder));
      });
    });
  }

  /** Types one marker at the end of its clause and sends the resulting update. */
  type(): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const seq = this.seq++;
    const marker = `~${this.options.index}:${seq}~ `;
    this.doc.transact(() => this.text.insert(this.text.length, marker), 'bench');
    const encoder = this.encoder();
    encoding.writeVarUint(encoder, SYNC);
    encoding.writeVarUint(encoder, UPDATE);
    encoding.writeVarUint8Array(encoder, this.lastUpdate!);
    (this.options.sendTimes[this.options.index] ??= [])[seq] = performance.now();
    this.ws.send(encoding.toUint8Array(encoder));
  }

  /** As every y-websocket client does: answers the server's sync step 1 with what the server lacks. */
  private answerStep1(data: Buffer): void {
    const decoder = decoding.createDecoder(data);
    if (this.prefix.byteLength > 0) decoding.readVarString(decoder);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    const stateVector = decoding.readVarUint8Array(decoder);
    const encoder = this.encoder();
    encoding.writeVarUint(encoder, SYNC);
    encoding.writeVarUint(encoder, STEP2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(this.doc, stateVector));
    this.ws.send(encoding.toUint8Array(encoder));
  }

  /** A new frame, with the prefix already written. */
  private encoder(): encoding.Encoder {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.prefix);
    return encoder;
  }

  close(): void {
    this.ws.terminate();
    this.doc.destroy();
  }

  /** Finds every `~<digits>:<digits>~` in the frame without decoding it. */
  private scan(data: Buffer, at: number): void {
    let i = data.indexOf(TILDE);
    while (i >= 0 && i < data.length - 4) {
      let j = i + 1;
      let from = 0;
      while (j < data.length && data[j] >= 0x30 && data[j] <= 0x39) from = from * 10 + data[j++] - 0x30;
      if (j === i + 1 || data[j] !== COLON) {
        i = data.indexOf(TILDE, i + 1);
        continue;
      }
      const seqStart = ++j;
      let seq = 0;
      while (j < data.length && data[j] >= 0x30 && data[j] <= 0x39) seq = seq * 10 + data[j++] - 0x30;
      if (j === seqStart || data[j] !== TILDE) {
        i = data.indexOf(TILDE, i + 1);
        continue;
      }
      if (from !== this.options.index) this.options.onMarker(from, seq, at);
      i = data.indexOf(TILDE, j + 1);
    }
  }
}
