import type pg from 'pg';
import type { Logger } from '../logger';
import { CollabDocument } from './collab-document';
import { compactDocument, loadDocumentState } from './document-store';
import type { UpdateLog } from './update-log';
import { RejectedUpdateKeeper } from '../versions/rejected-update-keeper';
import { FoldThread } from './fold-thread';
import { loadLiveProposalState } from '../proposals/proposal-store';
import type { ClientEdit } from './client-update-rules';
import { CloseCode } from '../../../shared/src/protocol';

/** What the registry tells the rest of the server about live documents. */
export interface RegistryHooks {
  /** A client update tabled proposals (their sponsors are already set in the live copy). */
  proposalsTabled(documentId: string, proposals: { id: string; clauseId: string }[], author: { userId: string | null; participantId: string }): void;
  /** A client update edited or deleted clauses (summarised per clause and person for the activity feed). */
  clientEdited(documentId: string, edit: ClientEdit, userId: string | null): void;
}

/**
 * How the registry shares its documents with other nodes (server/src/scale/document-stream.ts); absent
 * on a single node. Each call must not throw: a node that cannot reach Redis keeps serving.
 */
export interface DocumentFanout {
  /** Before the stored state is read: every change committed from now on reaches this node. */
  opening(documentId: string): Promise<void>;
  /** Loaded: from now on changes of other nodes are applied to it. */
  opened(document: CollabDocument): void;
  /** Unloaded (destroyed). */
  closed(document: CollabDocument): void;
}

/** Runs `work` only if no other node runs the job named `name` (null: another does); absent on a single node. */
export type ExclusiveRunner = <T>(name: string, work: () => Promise<T>) => Promise<T | null>;

/** After a failed compaction, how long a document waits before the next try (each update would ask again). */
const COMPACTION_RETRY_MS = 30_000;

/**
 * The open documents of this process. A document is loaded once however many clients join it
 * cold at the same time (they share one load), and unloaded after its last connection leaves
 * and its writes are committed. A load that fails is reported to every waiting client and never
 * replaced by an empty document.
 */
export class DocumentRegistry {
  private readonly documents = new Map<string, Promise<CollabDocument>>();
  /** The same documents once loaded, for the synchronous checks of a status change. */
  private readonly loaded = new Map<string, CollabDocument>();
  /**
   * Statuses set in memory ahead of the database (a freeze or an archive in its transaction). A load
   * that read 'draft' before that transaction committed still opens read-only. Statuses only ever
   * leave 'draft', so an entry is dropped only when its transaction fails.
   */
  private readonly statusAhead = new Map<string, CollabDocument['status']>();
  private readonly compacting = new Map<string, Promise<void>>();
  /** Documents whose last compaction failed: not tried again before this time (ms since the epoch). */
  private readonly compactionRetryAt = new Map<string, number>();
  /** Compaction folds on its own thread, so the relay of live edits never waits for it. */
  private readonly foldThread = new FoldThread();
  /** Refused edits, merged per author and capped, before they are kept (rejected-update-keeper.ts). */
  private readonly rejected: RejectedUpdateKeeper;
  readonly stats = { loads: 0, unloads: 0, compactions: 0 };
  /** Set by the scale-out wiring (concordia.ts) when REDIS_URL is set. */
  fanout: DocumentFanout | null = null;
  /** Set with `fanout`: one node at a time compacts a document. */
  exclusive: ExclusiveRunner | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly updateLog: UpdateLog,
    private readonly log: Logger,
    private readonly compactAfter: number,
    private readonly hooks: RegistryHooks | null = null,
  ) {
    this.rejected = new RejectedUpdateKeeper(pool, log);
  }

  /** Keeps every refused edit still being merged (shutdown, tests). */
  flushRejected(): Promise<void> {
    return this.rejected.flush();
  }

  open(documentId: string): Promise<CollabDocument> {
    let loading = this.documents.get(documentId);
    if (!loading) {
      loading = this.load(documentId);
      this.documents.set(documentId, loading);
      loading.catch(() => this.documents.delete(documentId));
    }
    return loading;
  }

  /** The document if it is open in memory now (no load); waits for a load in progress. */
  async peek(documentId: string): Promise<CollabDocument | null> {
    const loading = this.documents.get(documentId);
    return loading ? loading.catch(() => null) : null;
  }

  /** The document if it is loaded at this instant (a load in progress is not). */
  current(documentId: string): CollabDocument | null {
    return this.loaded.get(documentId) ?? null;
  }

  /** Holds a status for a document, in memory and on every load from now on, until `dropStatus`. */
  holdStatus(documentId: string, status: CollabDocument['status']): void {
    this.statusAhead.set(documentId, status);
    const document = this.loaded.get(documentId);
    if (document) document.status = status;
  }

  /** Forgets a held status (its transaction failed); a loaded document returns to `status`. */
  dropStatus(documentId: string, status: CollabDocument['status']): void {
    this.statusAhead.delete(documentId);
    const document = this.loaded.get(documentId);
    if (document) document.status = status;
  }

  get openCount(): number {
    return this.documents.size;
  }

  /** Called when a connection leaves: unloads the document once it is idle and flushed. */
  async release(document: CollabDocument): Promise<void> {
    if (document.discarded) {
      if (document.connections.size === 0 && document.holds === 0 && !document.doc.isDestroyed) document.destroy();
      return;
    }
    if (document.connections.size > 0 || document.holds > 0) return;
    await document.flushed();
    if (document.connections.size > 0 || document.holds > 0 || this.documents.get(document.id) === undefined) return;
    const current = await this.documents.get(document.id);
    if (current !== document) return;
    this.documents.delete(document.id);
    this.loaded.delete(document.id);
    document.destroy();
    this.fanout?.closed(document);
    this.stats.unloads += 1;
    if (document.updatesSinceSnapshot > 0) this.compactSoon(document);
  }

  /** Closes every document after its pending writes, and lets compactions in flight finish. */
  async closeAll(): Promise<void> {
    const open = await Promise.all([...this.documents.values()].map((p) => p.catch(() => null)));
    await Promise.all(open.map((d) => d?.flushed()));
    for (const document of open) {
      document?.destroy();
      if (document) this.fanout?.closed(document);
    }
    this.documents.clear();
    this.loaded.clear();
    await this.rejected.flush();
    await Promise.all(this.compacting.values());
    await this.foldThread.close();
  }

  private async load(documentId: string): Promise<CollabDocument> {
    const started = performance.now();
    const document = new CollabDocument(documentId, this.updateLog, this.log, (d) => {
      if (d.updatesSinceSnapshot >= this.compactAfter) this.compactSoon(d);
    });
    try {
      // Followed before it is read: whatever another node commits meanwhile is in the read or in the stream.
      await this.fanout?.opening(documentId);
      const { tailLength, status, lastUpdateId } = await loadDocumentState(this.pool, documentId, document.doc, this.log);
      document.loadedThrough(lastUpdateId);
      document.status = this.statusAhead.get(documentId) ?? (status as CollabDocument['status']);
      const proposals = await loadLiveProposalState(this.pool, documentId);
      document.phase = proposals.phase;
      document.languages = proposals.languages;
      // Sponsors recorded since this load started were set in memory by whoever recorded them: keep those.
      for (const [id, sponsor] of proposals.sponsors) if (!document.proposalSponsors.has(id)) document.proposalSponsors.set(id, sponsor);
      for (const id of proposals.closed) document.closedProposals.add(id);
      document.onRefusedUpdate = (update, userId, reason) =>
        this.rejected.add({
          documentId,
          userId,
          update,
          reason: reason ?? (document.status === 'archived' ? 'archived' : 'frozen'),
        });
      document.onCommitRefused = (update, userId) => {
        this.rejected.add({ documentId, userId, update, reason: document.status === 'archived' ? 'archived' : 'frozen' });
        this.discard(document);
      };
      document.onNewProposals = (tabled, author) => this.hooks?.proposalsTabled(documentId, tabled, author);
      document.onClientEdit = (edit, userId) => this.hooks?.clientEdited(documentId, edit, userId);
      document.updatesSinceSnapshot = tailLength;
      this.stats.loads += 1;
      this.log.info({ documentId, tailLength, ms: Math.round(performance.now() - started) }, 'document loaded');
      if (tailLength >= this.compactAfter) this.compactSoon(document);
      this.loaded.set(documentId, document);
      this.fanout?.opened(document);
      return document;
    } catch (err) {
      document.destroy();
      this.fanout?.closed(document);
      throw err;
    }
  }

  /**
   * Takes a copy holding a change PostgreSQL refused out of the registry at once (the next open loads
   * what is stored), and closes its connections: their clients reconnect, get the stored text, and
   * send what they hold again — refused and kept for its author like any edit after the freeze.
   */
  private discard(document: CollabDocument): void {
    if (document.discarded) return;
    document.discarded = true;
    if (this.loaded.get(document.id) === document) {
      this.loaded.delete(document.id);
      this.documents.delete(document.id);
    }
    this.fanout?.closed(document);
    for (const connection of document.connections) connection.close(CloseCode.TryAgainLater, 'the document changed status; reconnect');
    void this.release(document);
  }

  private compactSoon(document: CollabDocument): void {
    if (this.compacting.has(document.id)) return;
    if ((this.compactionRetryAt.get(document.id) ?? 0) > Date.now()) return;
    const before = document.updatesSinceSnapshot;
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => {
        const compact = () => compactDocument(this.pool, document.id, this.log, (updates) => this.foldThread.fold(updates));
        // Several nodes: the one that holds the document's lock compacts it; the others leave it be.
        return this.exclusive ? this.exclusive(`compact:${document.id}`, compact) : compact();
      })
      .then((result) => {
        this.stats.compactions += 1;
        this.compactionRetryAt.delete(document.id);
        if (result) document.updatesSinceSnapshot = Math.max(0, document.updatesSinceSnapshot - before);
      })
      .catch((err: unknown) => {
        this.compactionRetryAt.set(document.id, Date.now() + COMPACTION_RETRY_MS);
        this.log.error({ err, documentId: document.id, retryInMs: COMPACTION_RETRY_MS }, 'compaction failed; will retry later');
      })
      .finally(() => this.compacting.delete(document.id));
    this.compacting.set(document.id, done);
  }
}
