import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from '../logger';
import { DocumentNotWritableError, type UpdateLog } from './update-log';
import type { CollabConnection } from './connection';
import { isTransactionOrigin, type TransactionOrigin } from './origins';
import { UpdateInspector } from './update-inspection';
import type { DocumentPhase } from '../../../shared/src/policy';
import type { RecordedProposal } from '../proposals/proposal-integrity';
import type { ClientEdit } from './client-update-rules';
import { awarenessFrame, permissionDeniedFrame, syncStep1Frame, syncStep2Frame, updateFrame } from './messages';

interface Relay {
  seq: number;
  update: Uint8Array;
  from: CollabConnection | null;
}

const AWARENESS_FLUSH_MS = 25;

/**
 * One open document: its Y.Doc shared by every connection, its awareness, and the rule that makes
 * it durable — every change is appended to PostgreSQL and relayed only after its commit. Updates
 * committed in one batch are merged and relayed as one frame.
 */
export class CollabDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<CollabConnection>();
  status: 'draft' | 'frozen' | 'archived' = 'draft';
  /** The negotiation's phase: in 'negotiation' a delegation's updates may only propose (proposals/proposal-integrity.ts). */
  phase: DocumentPhase = 'drafting';
  /** The document's languages, as stored. */
  languages: readonly string[] = [];
  /** Every recorded proposal id, its sponsor Participant (null: unattributed) and clause; an id is added the instant its update is accepted. */
  readonly proposalSponsors = new Map<string, RecordedProposal>();
  /** Proposals decided (or being decided): their marks can no longer be extended. */
  readonly closedProposals = new Set<string>();
  /** Called with the proposals an accepted client update tabled (recorded, audited, announced). */
  onNewProposals: ((proposals: { id: string; clauseId: string }[], author: { userId: string | null; participantId: string }) => void) | null = null;
  /** Who writes with each Yjs clientID in this copy (collab/client-ids.ts). */
  readonly clientOwners = new Map<number, string>();
  /**
   * Several nodes (scale/client-id-claims.ts): claims clientIDs this copy has not seen written yet in
   * PostgreSQL, shared by every node; resolves with their owners as stored. Null on a single node.
   */
  claimDurably: ((owner: string, clients: readonly number[]) => Promise<Map<number, string>>) | null = null;
  /** Called after a client update is applied with the clauses it edited or deleted (the activity feed). */
  onClientEdit: ((edit: ClientEdit, userId: string | null) => void) | null = null;
  /** Tries each client update on a probe copy before it is applied. */
  readonly inspector: UpdateInspector;
  /** Called with a writer's update refused (the document is not a draft, or the update broke a rule of the text): it is kept, never applied. */
  onRefusedUpdate: ((update: Uint8Array, userId: string | null, reason?: 'refused') => void) | null = null;
  /** Server writes in progress (LiveDocuments.write): the document stays loaded until they end. */
  holds = 0;
  /** Updates stored since the last snapshot (drives background compaction). */
  updatesSinceSnapshot = 0;
  /**
   * Set when other nodes share this document (server/src/scale/): called with each batch of this
   * node's own changes once committed, as it is relayed here. Changes from peers are never passed on.
   */
  onCommittedBatch: ((update: Uint8Array, throughUpdateId: number) => void) | null = null;
  /**
   * Several nodes: the fenced commit refused this copy's change (another node froze the document an
   * instant before this one heard of it). The change is in this copy but never will be stored: it is
   * kept for its author, and the copy is discarded (document-registry.ts) so nobody is sent it.
   */
  onCommitRefused: ((update: Uint8Array, userId: string | null) => void) | null = null;
  /** Taken out of the registry after a refused commit: closed as soon as nobody uses it. */
  discarded = false;
  /** Changes other nodes committed, applied here (they are stored already: counted apart from `seq`). */
  private peerChanges = 0;
  private seq = 0;
  private committedSeq = 0;
  /** The newest document_updates row in this copy's text once everything in it is committed. */
  private committedThrough = 0;
  /** Readers waiting for an instant when everything in the text is committed. */
  private committedWaiters = new Set<(destroyed: boolean) => void>();
  private relays: Relay[] = [];
  private relayScheduled = false;
  private lastAppend: Promise<void> = Promise.resolve();
  private changedAwareness = new Set<number>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  private readonly connectionsById = new Map<string, CollabConnection>();

  constructor(
    readonly id: string,
    private readonly updateLog: UpdateLog,
    private readonly log: Logger,
    private readonly onStored: (doc: CollabDocument) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.inspector = new UpdateInspector(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', this.handleUpdate);
    this.awareness.on('update', this.handleAwareness);
  }

  get writable(): boolean {
    return this.status === 'draft';
  }

  /** How many changes this copy has seen since it was loaded: equal counts mean the same text. */
  get changes(): number {
    return this.seq + this.peerChanges;
  }

  /** Tells every open connection that it may no longer write (y-protocols auth, permission denied). */
  denyWriters(reason: string): void {
    const frame = permissionDeniedFrame(reason);
    for (const connection of this.connections) connection.send(frame);
  }

  addConnection(connection: CollabConnection): void {
    this.connections.add(connection);
    this.connectionsById.set(connection.id, connection);
    connection.send(syncStep1Frame(Y.encodeStateVector(this.doc)));
    const states = this.awareness.getStates();
    if (states.size > 0) connection.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
  }

  removeConnection(connection: CollabConnection): void {
    this.connections.delete(connection);
    this.connectionsById.delete(connection.id);
    if (connection.heldAwarenessTimer) clearTimeout(connection.heldAwarenessTimer);
    if (connection.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], connection.origin);
    }
  }

  /**
   * Answers a client's sync step 1 with what it lacks — but only once everything in that answer is
   * committed, so nobody ever receives text that a crash could take back.
   */
  async answerStep1(connection: CollabConnection, stateVector: Uint8Array): Promise<void> {
    const diff = Y.encodeStateAsUpdate(this.doc, stateVector);
    await this.lastAppend.catch(() => undefined);
    connection.send(syncStep2Frame(diff));
  }

  /** Set by the load: the newest stored row the loaded text includes. */
  loadedThrough(updateId: number): void {
    this.committedThrough = updateId;
  }

  /**
   * Runs `read` synchronously at an instant when every change this copy holds is committed — now, or
   * when the commit that completes it resolves — with the newest stored row the text includes. The
   * text never contains anything a crash could take back. Resolves null when the copy is unloaded
   * meanwhile, and 'timeout' when edits kept the text from being all committed for `timeoutMs`.
   */
  readCommitted<T>(read: (throughUpdateId: number) => T, timeoutMs: number): Promise<{ value: T } | null | 'timeout'> {
    if (this.doc.isDestroyed) return Promise.resolve(null);
    if (this.committedSeq === this.seq) return Promise.resolve({ value: read(this.committedThrough) });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.committedWaiters.delete(wake);
        resolve('timeout');
      }, timeoutMs);
      const wake = (destroyed: boolean) => {
        clearTimeout(timer);
        this.committedWaiters.delete(wake);
        if (destroyed) {
          resolve(null);
          return;
        }
        try {
          resolve({ value: read(this.committedThrough) });
        } catch (err) {
          reject(err);
        }
      };
      this.committedWaiters.add(wake);
    });
  }

  /** Resolves when every change made so far is committed. */
  flushed(): Promise<void> {
    return this.lastAppend.catch(() => undefined);
  }

  sendAwarenessTo(connection: CollabConnection): void {
    const states = this.awareness.getStates();
    connection.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
  }

  destroy(): void {
    for (const wake of [...this.committedWaiters]) wake(true);
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.inspector.destroy();
    this.doc.off('update', this.handleUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly handleUpdate = (update: Uint8Array, rawOrigin: unknown): void => {
    let origin: TransactionOrigin;
    if (isTransactionOrigin(rawOrigin)) {
      origin = rawOrigin;
    } else {
      this.log.error({ documentId: this.id, origin: String(rawOrigin) }, 'Yjs transaction without a typed origin; stored as a server change');
      origin = { kind: 'server', reason: 'command' };
    }
    if (origin.kind === 'persistence') return;
    if (origin.kind === 'peer') {
      // Committed by another node before it was published: relayed at once, never stored again.
      this.peerChanges += 1;
      if (origin.throughUpdateId > this.committedThrough && this.committedSeq === this.seq) this.committedThrough = origin.throughUpdateId;
      const frame = updateFrame(update);
      for (const connection of this.connections) connection.send(frame);
      return;
    }
    const seq = ++this.seq;
    const from = origin.kind === 'connection' ? (this.connectionsById.get(origin.connectionId) ?? null) : null;
    this.relays.push({ seq, update, from });
    const appended = this.updateLog.append({
      documentId: this.id,
      update,
      userId: origin.kind === 'connection' ? origin.userId : null,
      origin: origin.kind === 'connection' ? 'connection' : origin.reason === 'import' ? 'import' : 'server',
    });
    this.lastAppend = appended.then(
      () => undefined,
      () => undefined,
    );
    appended.then(
      (throughUpdateId) => {
        this.updatesSinceSnapshot += 1;
        if (seq > this.committedSeq) this.committedSeq = seq;
        if (throughUpdateId > this.committedThrough) this.committedThrough = throughUpdateId;
        // Synchronously, before any other message is received: the text is all committed at this instant.
        if (this.committedSeq === this.seq) for (const wake of [...this.committedWaiters]) wake(false);
        if (!this.relayScheduled) {
          this.relayScheduled = true;
          queueMicrotask(this.relayCommitted);
        }
        this.onStored(this);
      },
      (err: unknown) => {
        if (err instanceof DocumentNotWritableError) {
          this.log.warn({ documentId: this.id }, 'update refused at commit: the document is no longer a draft; kept for its author, copy discarded');
          this.onCommitRefused?.(update, origin.kind === 'connection' ? origin.userId : null);
          return;
        }
        this.log.error({ err, documentId: this.id }, 'update not stored (server closing); not relayed');
      },
    );
  };

  /** Relays, as one frame, every update whose commit has completed. */
  private readonly relayCommitted = (): void => {
    this.relayScheduled = false;
    let count = 0;
    while (count < this.relays.length && this.relays[count].seq <= this.committedSeq) count += 1;
    if (count === 0) return;
    const ready = this.relays.splice(0, count);
    const update = ready.length === 1 ? ready[0].update : Y.mergeUpdates(ready.map((r) => r.update));
    const senders = new Set(ready.map((r) => r.from));
    // A lone sender already has its change; with several senders an echo is harmless (Yjs ignores known items).
    const skip = senders.size === 1 ? ready[0].from : null;
    const frame = updateFrame(update);
    for (const connection of this.connections) if (connection !== skip) connection.send(frame);
    this.onCommittedBatch?.(update, this.committedThrough);
  };

  private readonly handleAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
    for (const id of added) this.changedAwareness.add(id);
    for (const id of updated) this.changedAwareness.add(id);
    for (const id of removed) this.changedAwareness.add(id);
    if (!this.awarenessTimer) this.awarenessTimer = setTimeout(this.flushAwareness, AWARENESS_FLUSH_MS);
  };

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null;
    if (this.changedAwareness.size === 0) return;
    const frame = awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.changedAwareness]));
    this.changedAwareness.clear();
    for (const connection of this.connections) connection.send(frame);
  };
}
