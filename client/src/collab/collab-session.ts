/**
 * One open document: the Y.Doc, its awareness, and the y-websocket connection to /collab.
 *
 * The connection is ours to drive: every attempt first asks the REST API for a fresh collab token
 * (the server checks it before the cookie), so y-websocket's own reconnect timer is switched off and
 * this class reconnects with a backoff instead. Edits made while disconnected stay in the Y.Doc and
 * are sent by the sync handshake on the next connection.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import { readAuthMessage } from 'y-protocols/auth';
import type * as decoding from 'lib0/decoding';
import { CloseCode, MessageType } from '../../../shared/src/protocol';
import { ApiError } from '../api/http';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Why the document cannot be reached at all (no retry helps). */
export type CollabFailure = 'forbidden' | 'not_found' | 'session_ended' | 'rejected';

export interface CollabState {
  status: ConnectionStatus;
  /** The first full sync with the server is done: the texts shown are the document's. */
  synced: boolean;
  /** The server refused this connection's writes (auth message "permission denied"). */
  writeDenied: boolean;
  /**
   * The server refused one of my updates ("refused: …", e.g. a direct edit in the negotiation phase):
   * this Y.Doc now holds a change the server will never have, so the page must drop it and open the
   * document afresh. The reason, as the server gave it.
   */
  refused: string | null;
  failure: CollabFailure | null;
}

export interface CollabSessionOptions {
  documentId: string;
  fetchToken: (documentId: string) => Promise<string>;
  /** ws(s)://host; defaults to the page's own host. */
  wsBase?: string;
}

const MAX_BACKOFF_MS = 8_000;

/** How the server words the refusal of one update (server/src/collab/message-receiver.ts), as against the whole connection's. */
const REFUSED_PREFIX = 'refused: ';

/** Close codes that refuse this connection (not the network): what they mean if they persist. */
const REFUSALS: Partial<Record<number, CollabFailure>> = {
  [CloseCode.Forbidden]: 'forbidden',
};

export function defaultWsBase(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`;
}

export class CollabSession {
  readonly ydoc = new Y.Doc();
  readonly awareness = new Awareness(this.ydoc);
  readonly documentId: string;
  private readonly provider: WebsocketProvider;
  private readonly fetchToken: (documentId: string) => Promise<string>;
  private state: CollabState = { status: 'connecting', synced: false, writeDenied: false, refused: null, failure: null };
  private readonly listeners = new Set<() => void>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private attempts = 0;
  private connecting = false;
  private refusedRetries = 0;
  private destroyed = false;

  constructor(options: CollabSessionOptions) {
    this.documentId = options.documentId;
    this.fetchToken = options.fetchToken;
    this.provider = new WebsocketProvider(`${options.wsBase ?? defaultWsBase()}/collab`, options.documentId, this.ydoc, {
      connect: false,
      awareness: this.awareness,
      // Each tab talks to the server itself, so what it shows is what the server accepted.
      disableBc: true,
      maxBackoffTime: MAX_BACKOFF_MS,
    });
    this.provider.messageHandlers[MessageType.Auth] = (_encoder: unknown, decoder: decoding.Decoder) => {
      readAuthMessage(decoder, this.ydoc, (_ydoc, reason) =>
        this.update(reason.startsWith(REFUSED_PREFIX) ? { refused: reason.slice(REFUSED_PREFIX.length) } : { writeDenied: true }),
      );
    };
    this.provider.on('status', ({ status }) => {
      // Each connection is authorized afresh; the server says "permission denied" again if it still is.
      if (status === 'connected') this.update({ status: navigator.onLine ? 'connected' : 'offline', writeDenied: false });
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) {
        this.attempts = 0;
        this.refusedRetries = 0;
        this.update({ synced: true });
      }
    });
    this.provider.on('connection-close', (event: CloseEvent | null) => this.handleClose(event));
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOffline);
  }

  getState = (): CollabState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Opens the connection (fetching a token first). */
  start(): void {
    if (!navigator.onLine) this.update({ status: 'offline' });
    void this.connect();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOffline);
    this.provider.destroy();
    this.awareness.destroy();
    this.ydoc.destroy();
    this.listeners.clear();
  }

  private async connect(): Promise<void> {
    if (this.destroyed || this.connecting || this.provider.ws !== null || this.state.failure) return;
    this.connecting = true;
    try {
      const token = await this.fetchToken(this.documentId);
      if (this.destroyed || this.state.failure) return;
      this.provider.params = { token };
      this.provider.connect();
    } catch (error) {
      if (this.destroyed) return;
      const failure = failureFromApiError(error);
      if (failure) this.update({ failure });
      else this.scheduleReconnect();
    } finally {
      this.connecting = false;
    }
  }

  private handleClose(event: CloseEvent | null): void {
    // y-websocket would reconnect by itself with the old token; we reconnect with a fresh one.
    this.provider.shouldConnect = false;
    if (this.destroyed) return;
    const code = event?.code ?? 0;
    if (code === CloseCode.SessionEnded) {
      this.update({ failure: 'session_ended', status: 'reconnecting' });
      return;
    }
    if (code === CloseCode.BadMessage) {
      this.update({ failure: 'rejected', status: 'reconnecting' });
      return;
    }
    const refusal = REFUSALS[code];
    if (refusal) {
      // The server closes on a membership change or an expired ticket: one immediate retry, with a new
      // ticket, lets the REST API say whether access remains. Refused twice in a row, it does not.
      if (this.refusedRetries >= 1) {
        this.update({ failure: refusal, status: 'reconnecting' });
        return;
      }
      this.refusedRetries += 1;
      this.update({ status: 'reconnecting' });
      void this.connect();
      return;
    }
    this.update({ status: navigator.onLine ? 'reconnecting' : 'offline' });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.destroyed || this.retryTimer || this.state.failure) return;
    if (!navigator.onLine) {
      this.update({ status: 'offline' });
      return; // handleOnline resumes
    }
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.attempts) * (0.75 + Math.random() * 0.5);
    this.attempts += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }

  private handleOnline = () => {
    if (this.provider.wsconnected) {
      this.update({ status: 'connected' });
      return;
    }
    this.update({ status: 'reconnecting' });
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempts = 0;
    void this.connect();
  };

  private handleOffline = () => {
    this.update({ status: 'offline' });
  };

  private update(changes: Partial<CollabState>): void {
    const next = { ...this.state, ...changes };
    if (
      next.status === this.state.status &&
      next.synced === this.state.synced &&
      next.writeDenied === this.state.writeDenied &&
      next.refused === this.state.refused &&
      next.failure === this.state.failure
    )
      return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

function failureFromApiError(error: unknown): CollabFailure | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 401) return 'session_ended';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'not_found';
  return null;
}
