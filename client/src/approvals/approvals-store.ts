/**
 * Approvals of one open document, live: the records in force (a LiveStore: GET /approvals, then
 * socket.io events) combined with the clause texts of this client's own Y.Doc. Every status is derived
 * with the shared code (approval-matrix.ts) whenever either changes — a clause turns "outdated" in
 * every client the moment either language changes there, with no request to the server.
 *
 * Each clause's row is derived again only when its own text or records changed, and is otherwise the
 * same object (live-store.ts [L4]): one approval, or one keystroke, re-renders one clause's badges.
 * Conditional approvals are then held across rows [A5] (package-holds.ts): a row a hold changes is new,
 * so an edit of Article 12 re-renders Article 8 only when it holds or releases Article 8's approval.
 */
import type * as Y from 'yjs';
import { SocketEvent } from '../../../shared/src/protocol';
import { derivePlainMatrixClauses, type MatrixRecords } from '../../../shared/src/approval-matrix';
import { plainStatusesOf, rowHolds, withHolds } from '../../../shared/src/package-holds';
import { documentReadiness, participantProgress, type ClauseTextState, type ParticipantProgress, type Readiness } from '../../../shared/src/approval-status';
import type {
  ApprovalMatrix,
  ApprovalRecord,
  ApprovalRevokedEvent,
  ApproveClauseBody,
  ConcordanceRecord,
  ConfirmForCapitalBody,
  MatrixClause,
  MatrixParticipant,
} from '../../../shared/src/api/approvals';
import { aboutDocument, LiveStore, RELOAD, sameOr, type Change, type LiveSocket, type LiveSource, type LiveStatus } from '../realtime/live-store';
import {
  approvalRecorded,
  approvalRevoked,
  concordanceConfirmed,
  emptyApprovalRecords,
  fromMatrix,
  mergeApprovalRecords,
  packageChanged,
  packageDeleted,
  type ApprovalRecords,
} from './approval-records';
import { ClauseStates } from './clause-states';

/** The requests the store makes (approvals-api.ts in the app; fakes in tests). */
export interface ApprovalsApi {
  fetchMatrix(signal: AbortSignal): Promise<ApprovalMatrix>;
  approve(clauseId: string, body: ApproveClauseBody): Promise<{ approval: ApprovalRecord }>;
  confirmForCapital(clauseId: string, body: ConfirmForCapitalBody): Promise<{ approval: ApprovalRecord }>;
  revoke(clauseId: string, participantId: string): Promise<{ revocation: ApprovalRevokedEvent }>;
  confirmConcordance(clauseId: string, languageHashes: Record<string, string>): Promise<{ confirmation: ConcordanceRecord }>;
}

/** What changes rarely: one object while none of its fields changed, for every badge to read. */
export interface ApprovalsMeta {
  status: LiveStatus;
  error: unknown;
  documentStatus: string;
  languages: readonly string[];
  participants: readonly MatrixParticipant[];
}

export interface ApprovalsSnapshot extends ApprovalsMeta {
  meta: ApprovalsMeta;
  records: MatrixRecords;
  /** Visible clauses in order, statuses derived from this client's text now. */
  clauses: MatrixClause[];
  byClause: ReadonlyMap<string, MatrixClause>;
  progress: Record<string, ParticipantProgress>;
  readiness: Readiness;
}

interface CachedRow {
  state: ClauseTextState;
  cells: MatrixRecords['approvals'][string] | undefined;
  confirmation: ConcordanceRecord | undefined;
  participants: readonly MatrixParticipant[];
  row: MatrixClause;
}

export class ApprovalsStore implements LiveSource<ApprovalsSnapshot> {
  readonly records: LiveStore<ApprovalRecords>;
  private states: ClauseStates | null = null;
  private stopStates: (() => void) | null = null;
  private rows = new Map<string, CachedRow>();
  /** Held rows by clause: the [A2] row they came from and the holds applied, so an unchanged hold keeps its object. */
  private heldRows = new Map<string, { plain: MatrixClause; key: string; row: MatrixClause }>();
  private snapshot: ApprovalsSnapshot;
  private readonly listeners = new Set<() => void>();
  private running = 0;

  constructor(
    readonly documentId: string,
    readonly ydoc: Y.Doc,
    private readonly api: ApprovalsApi,
  ) {
    const about =
      <E extends { documentId: string }>(change: (event: E) => Change<ApprovalRecords>) =>
      (event: E) =>
        aboutDocument(documentId, event) ? change(event) : null;
    this.records = new LiveStore<ApprovalRecords>({
      initial: emptyApprovalRecords(),
      load: async (signal) => fromMatrix(await api.fetchMatrix(signal)),
      merge: mergeApprovalRecords,
      events: {
        [SocketEvent.ApprovalRecorded]: about(approvalRecorded),
        [SocketEvent.ApprovalRevoked]: about(approvalRevoked),
        [SocketEvent.ConcordanceConfirmed]: about(concordanceConfirmed),
        [SocketEvent.PackageChanged]: about(packageChanged),
        [SocketEvent.PackageDeleted]: about(packageDeleted),
        // A freeze (or archiving) changes what may still change: read the document's status again.
        [SocketEvent.DocumentStatusChanged]: (event) => (aboutDocument(documentId, event) ? RELOAD : null),
      },
    });
    const meta: ApprovalsMeta = { status: 'loading', error: null, documentStatus: 'draft', languages: [], participants: [] };
    this.snapshot = {
      ...meta,
      meta,
      records: this.records.getSnapshot().records,
      clauses: [],
      byClause: new Map(),
      progress: {},
      readiness: { ready: false, approved: 0, total: 0 },
    };
    this.records.subscribe(this.derive);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): ApprovalsSnapshot => this.snapshot;

  readonly reload = (): Promise<void> => this.records.reload();

  /** The row of one clause: the same object while its text and records did not change. */
  clause(clauseId: string): MatrixClause | undefined {
    return this.snapshot.byClause.get(clauseId);
  }

  start(socket: LiveSocket | null): () => void {
    this.running += 1;
    const stopRecords = this.records.start(socket);
    this.derive();
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      stopRecords();
      this.running -= 1;
      if (this.running === 0) this.dropStates();
    };
  }

  /**
   * Approve a clause for a Participant, covering exactly the text whose fingerprint is given; `adReferendum`:
   * subject to confirmation by the Participant's capital.
   */
  async approve(
    clauseId: string,
    participantId: string,
    fingerprint: string,
    acknowledgeConcordance: boolean,
    adReferendum = false,
    packageId: string | null = null,
  ): Promise<ApprovalRecord> {
    const body: ApproveClauseBody = { participantId, fingerprint, acknowledgeConcordance };
    if (adReferendum) body.adReferendum = true;
    if (packageId) body.packageId = packageId;
    const { approval } = await this.api.approve(clauseId, body);
    // The socket event may come later, or never if offline: the answer is applied now (the event then changes nothing).
    this.records.apply(approvalRecorded({ documentId: this.documentId, approval }));
    return approval;
  }

  /** Confirm for the capital a Participant's ad referendum approval, the one whose fingerprint is given: it becomes final. */
  async confirmForCapital(clauseId: string, participantId: string, fingerprint: string): Promise<ApprovalRecord> {
    const { approval } = await this.api.confirmForCapital(clauseId, { participantId, fingerprint });
    this.records.apply(approvalRecorded({ documentId: this.documentId, approval }));
    return approval;
  }

  async revoke(clauseId: string, participantId: string): Promise<void> {
    const { revocation } = await this.api.revoke(clauseId, participantId);
    this.records.apply(approvalRevoked(revocation));
  }

  /** Confirm that the language versions say the same thing, as given by their hashes. */
  async confirmConcordance(clauseId: string, languageHashes: Record<string, string>): Promise<ConcordanceRecord> {
    const { confirmation } = await this.api.confirmConcordance(clauseId, languageHashes);
    this.records.apply(concordanceConfirmed({ documentId: this.documentId, confirmation }));
    return confirmation;
  }

  /** The texts are followed while someone keeps the store live, in the languages the matrix names. */
  private syncStates(languages: readonly string[]): void {
    if (this.running === 0 || languages.length === 0) return;
    if (this.states && this.states.languages.join() === languages.join()) return;
    this.dropStates();
    this.states = new ClauseStates(this.ydoc, languages);
    this.stopStates = this.states.subscribe(this.derive);
  }

  private dropStates(): void {
    this.stopStates?.();
    this.states?.destroy();
    this.states = null;
    this.stopStates = null;
    this.rows.clear();
    this.heldRows.clear();
  }

  /** [A5] Holds the conditional approvals of `list` (every visible clause, [A2] rows) in place. */
  private holdRows(list: MatrixClause[], participantIds: readonly string[], records: MatrixRecords): void {
    const plain = plainStatusesOf(list);
    const packages = records.packages ?? {};
    const heldRows = new Map<string, { plain: MatrixClause; key: string; row: MatrixClause }>();
    list.forEach((row, index) => {
      // Only a conditional approval can be held: most rows have none, and are not looked at again while unchanged.
      if (!this.hasConditional(row, participantIds)) return;
      const holds = rowHolds(row, participantIds, packages, plain);
      if (Object.keys(holds).length === 0) return;
      const key = JSON.stringify(holds);
      const cached = this.heldRows.get(row.clauseId);
      const heldRow = cached && cached.plain === row && cached.key === key ? cached.row : withHolds(row, holds);
      heldRows.set(row.clauseId, { plain: row, key, row: heldRow });
      list[index] = heldRow;
    });
    this.heldRows = heldRows;
  }

  /** Whether a row (a derived [A2] row, the same object while its clause is unchanged) has a conditional approval. */
  private readonly conditional = new WeakMap<MatrixClause, boolean>();
  private hasConditional(row: MatrixClause, participantIds: readonly string[]): boolean {
    let known = this.conditional.get(row);
    if (known === undefined) {
      known = participantIds.some((id) => Boolean(row.approvals[id]?.packageId));
      this.conditional.set(row, known);
    }
    return known;
  }

  private readonly derive = (): void => {
    const held = this.records.getSnapshot();
    this.syncStates(held.languages);
    const previous = this.snapshot;
    const participantIds = held.participants.map((p) => p.id);
    const rows = new Map<string, CachedRow>();
    const byClause = new Map<string, MatrixClause>();
    const list: MatrixClause[] = [];
    for (const state of this.states?.states ?? []) {
      const cells = held.records.approvals[state.clauseId];
      const confirmation = held.records.confirmations[state.clauseId];
      const cached = this.rows.get(state.clauseId);
      const row =
        cached && cached.state === state && cached.cells === cells && cached.confirmation === confirmation && cached.participants === held.participants
          ? cached.row
          : derivePlainMatrixClauses([state], participantIds, held.records)[0];
      rows.set(state.clauseId, { state, cells, confirmation, participants: held.participants, row });
      list.push(row);
    }
    this.rows = rows;
    this.holdRows(list, participantIds, held.records);
    for (const row of list) byClause.set(row.clauseId, row);
    const clauses = sameOr(previous.clauses, list) as MatrixClause[];
    const same = previous.meta;
    const meta =
      same.status === held.status &&
      same.error === held.error &&
      same.documentStatus === held.documentStatus &&
      same.languages === held.languages &&
      same.participants === held.participants
        ? same
        : { status: held.status, error: held.error, documentStatus: held.documentStatus, languages: held.languages, participants: held.participants };
    if (meta === previous.meta && clauses === previous.clauses && held.records === previous.records) return;
    const counted = clauses === previous.clauses && meta.participants === previous.participants;
    this.snapshot = {
      ...meta,
      meta,
      records: held.records,
      clauses,
      byClause: clauses === previous.clauses ? previous.byClause : byClause,
      progress: counted ? previous.progress : participantProgress(clauses, participantIds),
      readiness: counted ? previous.readiness : documentReadiness(clauses, participantIds),
    };
    for (const listener of [...this.listeners]) listener();
  };
}
