/**
 * "A clause your delegation approved changed": an approval in force turned outdated — its fingerprint
 * is no longer the clause's (shared/src/approval-status.ts [A2]). Nothing stores that state, so it is
 * found by comparing, and cheaply:
 *
 *  - only after a document's text changed (a client edit through the collab endpoint, or a decided
 *    proposal), and at most once per DEBOUNCE_MS per document however fast people type;
 *  - only when the document has approvals in force not yet told (one indexed query; most edits stop here);
 *  - then one read of the committed text through the live-document gateway, hashing its clauses.
 *
 * Each approval is told once [N1]: `outdated_approval_notices` is written in the same step as the
 * notifications, and an approval already in it is never told again — not when its clause changes
 * again, nor when it is changed back and then away. Checks of one document run one after another.
 */
import type { AppContext } from '../context';
import { documentTextState } from '../../../shared/src/approval-status';
import { numberClauses } from '../../../shared/src/numbering';
import { clauseItems } from '../../../shared/src/yjs-layout';
import type { NotificationClause } from '../../../shared/src/api/notifications';
import type { Notifier } from './notifier';

export const DEBOUNCE_MS = 2_000;

interface ApprovalInForce {
  id: string;
  clause_id: string;
  participant_id: string;
  code: string;
  fingerprint: string;
}

export class OutdatedApprovals {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Who edited each document since its last check: the actor when it is one person. */
  private readonly editors = new Map<string, Set<string | null>>();
  private readonly checks = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly notifier: Notifier,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {}

  /** The document's text changed (or may have): check it once the edits pause. */
  textChanged(documentId: string, userId: string | null): void {
    if (this.stopped) return;
    const editors = this.editors.get(documentId) ?? new Set();
    editors.add(userId);
    this.editors.set(documentId, editors);
    if (this.timers.has(documentId)) return;
    const timer = setTimeout(() => this.fire(documentId), this.debounceMs);
    timer.unref();
    this.timers.set(documentId, timer);
  }

  /** Checks the document now, after any check of it still running. */
  private fire(documentId: string): void {
    clearTimeout(this.timers.get(documentId));
    this.timers.delete(documentId);
    const who = this.editors.get(documentId) ?? new Set();
    this.editors.delete(documentId);
    const actor = who.size === 1 ? [...who][0] : null;
    const previous = this.checks.get(documentId) ?? Promise.resolve();
    const next = previous.then(
      () => new Promise<void>((resolve) => this.notifier.run(`outdated approvals of ${documentId}`, () => this.check(documentId, actor).finally(resolve))),
    );
    this.checks.set(documentId, next);
    void next.finally(() => {
      if (this.checks.get(documentId) === next) this.checks.delete(documentId);
    });
  }

  /** No new checks; the ones waiting run now, and are waited for. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const documentId of [...this.timers.keys()]) this.fire(documentId);
    await Promise.all([...this.checks.values()]);
  }

  private async check(documentId: string, actor: string | null): Promise<void> {
    const pool = this.ctx.pool;
    const { rows: approvals } = await pool.query<ApprovalInForce>(
      `WITH latest AS (
         SELECT DISTINCT ON (a.clause_id, a.participant_id) a.id, a.clause_id, a.participant_id, a.kind, a.fingerprint
           FROM approvals a WHERE a.document_id = $1
          ORDER BY a.clause_id, a.participant_id, a.id DESC
       )
       SELECT l.id::text AS id, l.clause_id, l.participant_id, p.code, l.fingerprint
         FROM latest l JOIN participants p ON p.id = l.participant_id
        WHERE l.kind = 'approval' AND NOT EXISTS (SELECT 1 FROM outdated_approval_notices o WHERE o.approval_id = l.id)`,
      [documentId],
    );
    if (approvals.length === 0) return;
    const { rows: docs } = await pool.query<{ languages: string[]; status: string }>('SELECT languages, status FROM documents WHERE id = $1', [documentId]);
    if (!docs[0]) return;
    const { value: text } = await this.ctx.documents.read(documentId, (doc) => {
      const items = clauseItems(doc);
      const numbers = numberClauses(items);
      const clauses = new Map<string, { fingerprint: string | null; ref: NotificationClause }>();
      for (const state of documentTextState(doc, docs[0].languages)) {
        const kind = items.find((i) => i.id === state.clauseId)?.kind ?? 'clause';
        clauses.set(state.clauseId, { fingerprint: state.fingerprint, ref: { id: state.clauseId, kind, ...(numbers.get(state.clauseId) ?? {}) } });
      }
      return clauses;
    });
    // A removed clause is not "changed": its approvals stay as they were, for a restore.
    const outdated = approvals.filter((a) => text.has(a.clause_id) && text.get(a.clause_id)!.fingerprint !== a.fingerprint);
    for (const approval of outdated) {
      const { rows: noticed } = await pool.query(
        'INSERT INTO outdated_approval_notices (approval_id, document_id) VALUES ($1::bigint, $2) ON CONFLICT DO NOTHING RETURNING approval_id',
        [approval.id, documentId],
      );
      if (noticed.length === 0) continue; // told already (by another check)
      await this.notifier.tell(await this.notifier.members(documentId, { delegationsOf: [approval.participant_id] }), {
        documentId,
        kind: 'approval_outdated',
        source: `approval:${approval.id}`,
        clause: text.get(approval.clause_id)!.ref,
        actorUserId: actor,
        details: { participantCode: approval.code, participantId: approval.participant_id },
      });
    }
  }
}
