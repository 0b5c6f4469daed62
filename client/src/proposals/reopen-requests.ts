/**
 * The question "this clause is approved; your change will reopen it — propose it instead?" as the
 * workspace asks it: which clause, whose approvals, and the answer the held edit waits for. A clause
 * the person chose to edit anyway is not asked about again while it stays approved.
 */
import type { ApprovalsStore } from '../approvals';
import type { ReopenChoice } from '../editor/reopen-guard';

export interface ReopenQuestion {
  clauseId: string;
  codes: string[];
  answer(choice: ReopenChoice): void;
}

export class ReopenRequests {
  private approvals: ApprovalsStore | null = null;
  private readonly confirmedClauses = new Set<string>();
  private question: ReopenQuestion | null = null;
  private readonly listeners = new Set<() => void>();

  readonly getSnapshot = (): ReopenQuestion | null => this.question;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** The approvals of the open document, once the workspace has them. */
  follow(approvals: ApprovalsStore): void {
    this.approvals = approvals;
  }

  /** Codes of the Participants whose approval of the clause is current. */
  approvedBy(clauseId: string): string[] {
    const row = this.approvals?.clause(clauseId);
    const participants = this.approvals?.getSnapshot().participants ?? [];
    const codes = row ? participants.filter((participant) => row.statuses[participant.id] === 'approved').map((participant) => participant.code) : [];
    if (codes.length === 0) this.confirmedClauses.delete(clauseId);
    return codes;
  }

  isConfirmed(clauseId: string): boolean {
    return this.confirmedClauses.has(clauseId);
  }

  confirm(clauseId: string): void {
    this.confirmedClauses.add(clauseId);
  }

  /** While a question is open, further edits are dropped (the person answers first). */
  ask(clauseId: string, codes: string[], answer: (choice: ReopenChoice) => void): void {
    if (this.question) return;
    this.question = { clauseId, codes, answer };
    this.publish();
  }

  answer(choice: ReopenChoice): void {
    const question = this.question;
    this.question = null;
    this.publish();
    question?.answer(choice);
  }

  private publish(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
