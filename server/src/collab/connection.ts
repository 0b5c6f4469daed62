import crypto from 'node:crypto';
import type WebSocket from 'ws';
import type { Logger } from '../logger';
import type { CollabPrincipal } from './principal';
import { connectionOrigin, type ConnectionOrigin } from './origins';
import { Step1Budget } from './step1-budget';
import { CloseCode, type CloseCodeValue } from '../../../shared/src/protocol';

/** A receiver this far behind is dropped; it resyncs from the durable state when it reconnects. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/** One collab socket: who it is, what it may do, and the awareness client ids it introduced. */
export class CollabConnection {
  readonly id = crypto.randomUUID();
  readonly origin: ConnectionOrigin;
  readonly awarenessClients = new Set<number>();
  readonly log: Logger;
  alive = true;
  closed = false;
  /** How often this connection's sync step 1 is answered (step1-budget.ts). */
  readonly step1 = new Step1Budget();
  /** The newest awareness message held back by the person's presence budget (presence-budget.ts). */
  heldAwareness: Uint8Array | null = null;
  heldAwarenessTimer: NodeJS.Timeout | null = null;
  /** Awareness states this connection may not set were ignored and logged once (stock y-websocket clients echo others' states). */
  loggedIgnoredAwareness = false;
  lastDenialAt = 0;
  deniedMessages = 0;
  /** Updates refused by the rules of the text (update-inspection.ts) in the current window. */
  refusalWindowStart = 0;
  refusalsInWindow = 0;
  /** Several nodes: frames received while a first write's clientIDs are claimed in PostgreSQL, handled in order after it (message-receiver.ts). */
  claimQueue: Uint8Array[] | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly principal: CollabPrincipal,
    log: Logger,
  ) {
    this.origin = connectionOrigin(this.id, principal.userId);
    this.log = log.child({ connectionId: this.id, userId: principal.userId, documentId: principal.documentId });
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.TryAgainLater, 'receiver too slow; reconnect to resync');
      return;
    }
    this.socket.send(frame, { binary: true });
  }

  close(code: CloseCodeValue, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.step1.cancel();
    if (code !== CloseCode.ServerShutdown) this.log.warn({ code, reason }, 'closing collab connection');
    try {
      this.socket.close(code, reason.slice(0, 120));
    } catch {
      this.socket.terminate();
    }
  }
}
