/**
 * One open document: the Y.Doc, its awareness, and the y-websocket connection to /collab.
 *
 * The connection is ours to drive: every attempt first asks the REST API for a fresh collab token
 * (the server checks it before the cookie), so y-websocket's own reconnect timer is switched off and
 * this class reconnects with a backoff instead. Edits made while disconnected stay in the Y.Doc and
 * are sent by the sync handshake on the next connection; for a person who may write, the Y.Doc is also
 * kept in the browser (local-copy.ts), so they survive a closed tab and are sent on the next open, and
 * the changes the server has not yet confirmed are counted (save-tracker.ts).
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { readAuthMessage } from 'y-protocols/auth';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, MessageType } from '../../../shared/src/protocol';
import { ApiError } from '../api/http';
import { reportConnection } from '../app/connectivity';
import { LocalCopy } from './local-copy';
import { SaveTracker } from './save-tracker';

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
  /** My changes the server has not yet confirmed as stored (typed offline, or just now). */
  unsaved: number;
}

export interface CollabSessionOptions {
  documentId: string;
  fetchToken: (documentId: string) => Promise<string>;
  /** ws(s)://host; defaults to the page's own host. */
  wsBase?: string;
  /** Keep the document in this browser for this user (someone who may write), so nothing typed is lost. */
  keepLocal?: { userId: string } | null;
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

/** The sessions open in this page (for the sign-out question: does any hold unsaved changes?). */
const openSessions = new Set<CollabSession>();

/** How many open documents hold changes the server has not yet confirmed. */
export function documentsWithUnsavedChanges(): number {
  let count = 0;
  for (const session of openSessions) if (session.getState().unsaved > 0) count += 1;
  return count;
}

export class CollabSession {
  readonly ydoc = new Y.Doc();
  readonly awareness = new Awareness(this.ydoc);
  readonly documentId: string;
  private readonly provider: WebsocketProvider;
  private readonly fetchToken: (documentId: string) => Promise<string>;
  private state: CollabState = { status: 'connecting', synced: false, writeDenied: false, refused: null, failure: null, unsaved: 0 };
  private readonly local: LocalCopy | null;
  private readonly localLoaded: Promise<void>;
  private readonly saves: SaveTracker;
  /** The server's step 1 of this connection was answered: my own step 2 (what it lacked) is on its way. */
  private answeredServer = false;
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
    this.saves = new SaveTracker(
      { sendStep1: () => this.sendStep1(), ready: () => this.provider.synced && this.answeredServer && !this.state.writeDenied },
      (unsaved) => {
        this.update({ unsaved });
        this.local?.storeUnsaved(unsaved);
      },
    );
    this.local = options.keepLocal ? new LocalCopy(options.keepLocal.userId, options.documentId, this.ydoc) : null;
    this.localLoaded = this.local ? this.local.load().then((unsaved) => this.saves.restore(unsaved)) : Promise.resolve();
    this.ydoc.on('update', this.handleDocUpdate);
    // y-websocket sends every awareness change it sees, the states other people's clients sent too: the
    // server ignores those (they are not mine to set) and each was a wasted frame. Only mine are sent.
    this.awareness.off('update', this.provider._awarenessUpdateHandler);
    this.awareness.on('update', this.handleAwarenessUpdate);
    const readSync = this.provider.messageHandlers[MessageType.Sync];
    this.provider.messageHandlers[MessageType.Sync] = (encoder, decoder, provider, emitSynced, messageType) => {
      const kind = decoding.peekVarUint(decoder);
      readSync(encoder, decoder, provider, emitSynced, messageType);
      if (kind === syncProtocol.messageYjsSyncStep1) this.answeredServer = true;
      if (kind === syncProtocol.messageYjsSyncStep2) this.saves.answered();
    };
    this.provider.messageHandlers[MessageType.Auth] = (_encoder: unknown, decoder: decoding.Decoder) => {
      readAuthMessage(decoder, this.ydoc, (_ydoc, reason) => {
        if (reason.startsWith(REFUSED_PREFIX)) {
          this.update({ refused: reason.slice(REFUSED_PREFIX.length) });
          return;
        }
        this.update({ writeDenied: true });
        // Nothing of mine will be stored on this document now (frozen: the server kept what I sent for me).
        this.saves.stop();
        void this.local?.discard();
      });
    };
    this.provider.on('status', ({ status }) => {
      // Each connection is authorized afresh; the server says "permission denied" again if it still is.
      if (status === 'connected') {
        this.answeredServer = false;
        this.saves.opened();
        this.update({ status: navigator.onLine ? 'connected' : 'offline', writeDenied: false });
      }
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) {
        this.attempts = 0;
        this.refusedRetries = 0;
        this.update({ synced: true });
        this.saves.synced();
      }
    });
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      this.saves.closed();
      this.handleClose(event);
    });
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOffline);
    window.addEventListener('beforeunload', this.handleBeforeUnload);
    openSessions.add(this);
  }

  getState = (): CollabState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Opens the connection (fetching a token first), once the browser's copy is loaded. */
  start(): void {
    if (!navigator.onLine) this.update({ status: 'offline' });
    void this.localLoaded.then(() => this.connect());
  }

  /**
   * Forgets the browser's copy of this document (the server refused a change it holds, which must not
   * come back on the next open); resolves once it is gone, so a new session does not load it again.
   */
  async discardLocalCopy(): Promise<void> {
    this.saves.stop();
    await this.local?.discard();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    openSessions.delete(this);
    reportConnection(this, null);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOffline);
    window.removeEventListener('beforeunload', this.handleBeforeUnload);
    this.saves.destroy();
    this.ydoc.off('update', this.handleDocUpdate);
    this.awareness.off('update', this.handleAwarenessUpdate);
    this.local?.close();
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

  /** My own changes (not the server's, not the local copy's load). */
  private handleDocUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.provider || this.local?.isOrigin(origin)) return;
    this.saves.changed();
  };

  /** Closing the tab with changes the server has not confirmed: the browser asks first. */
  private handleBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.state.unsaved === 0) return;
    event.preventDefault();
    // Older browsers need a value here to show their (own, fixed) question.
    event.returnValue = '';
  };

  private handleAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const mine = this.ydoc.clientID;
    if (origin === this.provider || ![added, updated, removed].some((ids) => ids.includes(mine))) return;
    const ws = this.provider.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Awareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(this.awareness, [mine]));
    ws.send(encoding.toUint8Array(encoder));
  };

  private sendStep1(): void {
    const ws = this.provider.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    syncProtocol.writeSyncStep1(encoder, this.ydoc);
    ws.send(encoding.toUint8Array(encoder));
  }

  private update(changes: Partial<CollabState>): void {
    const next = { ...this.state, ...changes };
    if (
      next.status === this.state.status &&
      next.synced === this.state.synced &&
      next.writeDenied === this.state.writeDenied &&
      next.refused === this.state.refused &&
      next.failure === this.state.failure &&
      next.unsaved === this.state.unsaved
    )
      return;
    this.state = next;
    if (!this.destroyed) reportConnection(this, next.status === 'connected' || next.status === 'connecting');
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
