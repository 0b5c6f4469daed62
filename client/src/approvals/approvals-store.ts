/**
 * Approvals of one open document, live: the records in force (from GET /approvals, then socket.io
 * events), combined with the clause texts of this client's own Y.Doc. Every status is re-derived with
 * the shared code (approval-matrix.ts) whenever either changes — a clause turns "outdated" in every
 * client the moment either language changes there, with no request to the server.
 */
import type * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { SocketEvent } from '../../../shared/src/protocol';
import {
  applyApprovalEvent, deriveMatrixClauses, emptyMatrixRecords, recordsOfMatrix, type MatrixRecords,
} from '../../../shared/src/approval-matrix';
import { documentReadiness, participantProgress, type ParticipantProgress, type Readiness } from '../../../shared/src/approval-status';
import type {
  ApprovalRecordedEvent, ApprovalRevokedEvent, ConcordanceConfirmedEvent, MatrixClause, MatrixParticipant,
} from '../../../shared/src/approval-api';
import { fetchApprovalMatrix } from './approvals-api';
import { ClauseStates } from './clause-states';

export interface ApprovalsSnapshot {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  documentStatus: string;
  languages: readonly string[];
  participants: MatrixParticipant[];
  records: MatrixRecords;
  /** Visible clauses in order, statuses derived from this client's text now. */
  clauses: MatrixClause[];
  progress: Record<string, ParticipantProgress>;
  readiness: Readiness;
}

const EMPTY_READINESS: Readiness = { ready: false, approved: 0, total: 0 };

export class ApprovalsStore {
  private snapshot: ApprovalsSnapshot;
  private readonly listeners = new Set<() => void>();
  private states: ClauseStates | null = null;
  private stopStates: (() => void) | null = null;
  private abort: AbortController | null = null;
  private destroyed = false;

  constructor(readonly documentId: string, private readonly ydoc: Y.Doc, private readonly socket: Socket | null) {
    this.snapshot = {
      status: 'loading', error: null, documentStatus: 'draft', languages: [], participants: [],
      records: emptyMatrixRecords(), clauses: [], progress: {}, readiness: EMPTY_READINESS,
    };
    if (socket) {
      socket.on(SocketEvent.ApprovalRecorded, this.onRecorded);
      socket.on(SocketEvent.ApprovalRevoked, this.onRevoked);
      socket.on(SocketEvent.ConcordanceConfirmed, this.onConfirmed);
      // A freeze (or archiving) changes what may still change: read the document's status again.
      socket.on(SocketEvent.DocumentStatusChanged, this.onStatusChanged);
      // Events sent while disconnected are lost: read the records again after every reconnection.
      socket.io.on('reconnect', this.onReconnect);
    }
  }

  getSnapshot = (): ApprovalsSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Fetches the records in force (the statuses themselves are always derived here). */
  async load(): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    try {
      const matrix = await fetchApprovalMatrix(this.documentId, abort.signal);
      if (this.destroyed || abort.signal.aborted) return;
      if (!this.states || this.snapshot.languages.join() !== matrix.languages.join()) {
        this.stopStates?.();
        this.states?.destroy();
        this.states = new ClauseStates(this.ydoc, matrix.languages);
        this.stopStates = this.states.subscribe(() => this.derive({}));
      }
      this.derive({
        status: 'ready', error: null, documentStatus: matrix.documentStatus, languages: matrix.languages,
        participants: matrix.participants, records: recordsOfMatrix(matrix.clauses),
      });
    } catch (error) {
      if (this.destroyed || abort.signal.aborted) return;
      this.derive({ status: this.snapshot.status === 'ready' ? 'ready' : 'error', error });
    }
  }

  /** Merges a record this client just created (the socket event may come later, or never if offline). */
  applyRecorded(event: ApprovalRecordedEvent): void { this.merge({ type: 'recorded', payload: event }); }
  applyRevoked(event: ApprovalRevokedEvent): void { this.merge({ type: 'revoked', payload: event }); }
  applyConfirmed(event: ConcordanceConfirmedEvent): void { this.merge({ type: 'confirmed', payload: event }); }

  /** The text state of one clause now, from this client's Y.Doc. */
  clauseState(clauseId: string) {
    return this.states?.stateOf(clauseId);
  }

  destroy(): void {
    this.destroyed = true;
    this.abort?.abort();
    this.stopStates?.();
    this.states?.destroy();
    if (this.socket) {
      this.socket.off(SocketEvent.ApprovalRecorded, this.onRecorded);
      this.socket.off(SocketEvent.ApprovalRevoked, this.onRevoked);
      this.socket.off(SocketEvent.ConcordanceConfirmed, this.onConfirmed);
      this.socket.off(SocketEvent.DocumentStatusChanged, this.onStatusChanged);
      this.socket.io.off('reconnect', this.onReconnect);
    }
    this.listeners.clear();
  }

  private readonly onRecorded = (event: ApprovalRecordedEvent) => { if (event?.documentId === this.documentId) this.applyRecorded(event); };
  private readonly onRevoked = (event: ApprovalRevokedEvent) => { if (event?.documentId === this.documentId) this.applyRevoked(event); };
  private readonly onConfirmed = (event: ConcordanceConfirmedEvent) => { if (event?.documentId === this.documentId) this.applyConfirmed(event); };
  private readonly onStatusChanged = (event: { documentId?: unknown }) => { if (event?.documentId === this.documentId) void this.load(); };
  private readonly onReconnect = () => { void this.load(); };

  private merge(event: Parameters<typeof applyApprovalEvent>[1]): void {
    const records = applyApprovalEvent(this.snapshot.records, event);
    if (records !== this.snapshot.records) this.derive({ records });
  }

  private derive(changes: Partial<ApprovalsSnapshot>): void {
    const next = { ...this.snapshot, ...changes };
    const participantIds = next.participants.map((p) => p.id);
    const clauses = this.states ? deriveMatrixClauses(this.states.states, participantIds, next.records) : [];
    this.snapshot = {
      ...next,
      clauses,
      progress: participantProgress(clauses, participantIds),
      readiness: documentReadiness(clauses, participantIds),
    };
    for (const listener of this.listeners) listener();
  }
}
