/**
 * The one gateway to the server's live documents. Every reader and writer outside collab/ goes
 * through these three operations, with one rule: nobody is ever given text a crash could take back.
 *
 *  - `read(id, fn)`: runs `fn` synchronously on the document's text at an instant when everything in
 *    it is committed, and says through which stored update that text goes.
 *  - `write(id, origin, work)`: a server change with a typed origin; resolves once it is committed
 *    (and then relayed to every client, like any change).
 *  - `setStatus(id, status)`: turns the document read-only on every open connection and every later
 *    load, and sends the denials itself once the caller's transaction has committed.
 *  - `setPhase(id, phase)`: the negotiation phase, after its commit: updates are checked in it from then on.
 */
import * as Y from 'yjs';
import type pg from 'pg';
import type { Logger } from '../logger';
import { AppError } from '../http/errors';
import type { CollabDocument } from './collab-document';
import { DocumentNotFoundError, loadDocumentState } from './document-store';
import type { DocumentRegistry } from './document-registry';
import type { ServerOrigin } from './origins';
import type { DocumentPhase } from '../../../shared/src/policy';

/** How many times a read starts again because the copy it waited on was unloaded meanwhile. */
const MAX_ROUNDS = 3;
/** How long a read waits for an instant when every change in the text is committed. */
const COMMIT_WAIT_MS = 10_000;

export type LiveStatus = CollabDocument['status'];

/** Which copy of the text a read saw, and how far it had changed: handed back to `setStatus`. */
export interface TextRevision {
  readonly copy: CollabDocument | null;
  readonly changes: number;
}

export interface CommittedRead<T> {
  value: T;
  /** The newest document_updates row the text read includes; every later row changed it afterwards. */
  throughUpdateId: number;
  revision: TextRevision;
}

export interface ReadOptions {
  /** When the document is open, first wait (up to `timeoutMs`) until this holds: e.g. the edits an anchor refers to have arrived. */
  until?: (doc: Y.Doc) => boolean;
  timeoutMs?: number;
  /**
   * Read what PostgreSQL holds, not the live copy: with several nodes, the only text that includes
   * every node's commits (the freeze reads it under its lock on the document row, which holds back
   * every commit from then on).
   */
  stored?: boolean;
}

/** Applies one change to the live text in a transaction carrying the write's origin; refused unless the document is a draft. */
export type ApplyChange = <R>(change: (doc: Y.Doc) => R) => R;

/** A status set in memory, pending the caller's commit. */
export interface StatusChange {
  /** The status is committed: tell every open connection (permission denied). */
  committed(): void;
  /** The transaction failed: the document is writable again as before. */
  undo(): void;
}

const DENIAL_REASON: Record<Exclude<LiveStatus, 'draft'>, string> = {
  frozen: 'read-only: the document is frozen',
  archived: 'read-only: the document is archived',
};

export class LiveDocuments {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly pool: pg.Pool,
    private readonly log: Logger,
  ) {}

  /**
   * Reads the committed text. When the document is open that is the live Y.Doc clients edit, read at
   * an instant when every change it holds is committed (at once if nothing is in flight, else when the
   * commit that completes it resolves): `fn` runs synchronously on exactly the text stored through
   * `throughUpdateId`. When nobody has it open, the stored state (snapshot + tail, as a load reads it)
   * is read into a private Y.Doc: loading it into the registry for no connection would keep it in
   * memory for nobody.
   */
  async read<T>(documentId: string, fn: (doc: Y.Doc) => T, options: ReadOptions = {}): Promise<CommittedRead<T>> {
    if (options.stored) return this.readStored(documentId, fn);
    const deadline = Date.now() + (options.timeoutMs ?? 0);
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const document = await this.registry.peek(documentId);
      if (!document) return this.readStored(documentId, fn);
      if (options.until && round === 0 && !options.until(document.doc)) await waitUntil(document, options.until, deadline);
      const read = await document.readCommitted(
        (throughUpdateId) => ({
          value: fn(document.doc),
          throughUpdateId,
          revision: { copy: document, changes: document.changes },
        }),
        COMMIT_WAIT_MS,
      );
      if (read === 'timeout') break;
      // Unloaded while we waited (its last client left): the next round reads what was stored.
      if (read) return read.value;
    }
    this.log.warn({ documentId, waitedMs: COMMIT_WAIT_MS }, 'the text kept changing while waiting for it to be committed');
    throw new AppError('document_unavailable');
  }

  /**
   * Changes the live text as the server. `work` may first do asynchronous work (a transaction with its
   * checks); it calls `apply` once, synchronously, for the Yjs change itself. The document is loaded
   * for the duration and released after; the promise resolves once the change is committed.
   */
  async write<T>(documentId: string, origin: ServerOrigin, work: (apply: ApplyChange) => Promise<T> | T): Promise<T> {
    const document = await this.open(documentId);
    // Held: a last client leaving while `work` runs must not unload the copy the change is meant for.
    document.holds += 1;
    try {
      const apply: ApplyChange = (change) => {
        if (!document.writable) throw new AppError('document_frozen');
        let result: ReturnType<typeof change> | undefined;
        document.doc.transact(() => {
          result = change(document.doc);
        }, origin);
        return result as ReturnType<typeof change>;
      };
      const result = await work(apply);
      await document.flushed();
      return result;
    } finally {
      document.holds -= 1;
      if (document.connections.size === 0) void this.registry.release(document);
    }
  }

  /**
   * Sets a non-draft status in memory at once: from this instant no connection's update is applied and
   * every load opens read-only. With `unchangedSince` (a read's revision) it is set only if the text is
   * still the one read — checked and set in one synchronous step — and null is returned otherwise.
   * The caller persists the status, then calls `committed()` (denials sent) or `undo()`.
   */
  setStatus(documentId: string, status: Exclude<LiveStatus, 'draft'>, options: { unchangedSince?: TextRevision } = {}): StatusChange | null {
    const copy = this.registry.current(documentId);
    const since = options.unchangedSince;
    if (since && copy && (copy !== since.copy ? copy.changes > 0 : copy.changes !== since.changes)) return null;
    const before = copy?.status ?? 'draft';
    this.registry.holdStatus(documentId, status);
    let settled = false;
    return {
      committed: () => {
        if (settled) return;
        settled = true;
        this.registry.current(documentId)?.denyWriters(DENIAL_REASON[status]);
      },
      undo: () => {
        if (settled) return;
        settled = true;
        this.registry.dropStatus(documentId, before);
      },
    };
  }

  /**
   * Applies a committed phase to the live copy, and to a copy being loaded now (which may have read the
   * phase before the change committed). Every update received from then on is checked in that phase.
   */
  setPhase(documentId: string, phase: DocumentPhase): void {
    void this.registry.peek(documentId).then((document) => {
      if (document) document.phase = phase;
    });
    const copy = this.registry.current(documentId);
    if (copy) copy.phase = phase;
  }

  /** A proposal's decision is claimed (closed) or undone: from now on nobody's update may extend its marks. */
  setProposalClosed(documentId: string, proposalId: string, closed: boolean): void {
    const apply = (document: CollabDocument | null) => {
      if (!document) return;
      if (closed) document.closedProposals.add(proposalId);
      else document.closedProposals.delete(proposalId);
    };
    apply(this.registry.current(documentId));
    void this.registry.peek(documentId).then(apply);
  }

  private async open(documentId: string): Promise<CollabDocument> {
    try {
      return await this.registry.open(documentId);
    } catch (err) {
      if (err instanceof DocumentNotFoundError) throw new AppError('not_found');
      this.log.error({ err, documentId }, 'document could not be loaded');
      throw new AppError('document_unavailable');
    }
  }

  private async readStored<T>(documentId: string, fn: (doc: Y.Doc) => T): Promise<CommittedRead<T>> {
    const doc = new Y.Doc({ gc: true });
    try {
      let lastUpdateId: number;
      try {
        ({ lastUpdateId } = await loadDocumentState(this.pool, documentId, doc, this.log));
      } catch (err) {
        if (err instanceof DocumentNotFoundError) throw new AppError('not_found');
        this.log.error({ err, documentId }, 'document could not be loaded');
        throw new AppError('document_unavailable');
      }
      return { value: fn(doc), throughUpdateId: lastUpdateId, revision: { copy: null, changes: 0 } };
    } finally {
      doc.destroy();
    }
  }
}

function waitUntil(document: CollabDocument, until: (doc: Y.Doc) => boolean, deadline: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      document.doc.off('update', check);
      document.doc.off('destroy', done);
      resolve();
    };
    const check = () => {
      if (until(document.doc)) done();
    };
    const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
    document.doc.on('update', check);
    document.doc.on('destroy', done);
  });
}
