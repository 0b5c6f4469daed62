/**
 * Edits in the activity feed, summarised per clause and person — not per keystroke. A person's edits of
 * one clause open a window of EDIT_WINDOW_MS; everything they type there meanwhile becomes one
 * `clause.edited` event with the number of changes. A deleted clause is recorded at once
 * (`clause.deleted`, with the clause before it, where a restore puts it back).
 */
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import type { ClientEdit } from '../collab/client-update-rules';

export const EDIT_WINDOW_MS = 120_000;

interface Pending {
  documentId: string;
  userId: string | null;
  clauseId: string;
  edits: number;
  timer: NodeJS.Timeout;
}

export class EditActivity {
  private readonly pending = new Map<string, Pending>();
  private readonly writes = new Set<Promise<void>>();

  constructor(
    private readonly ctx: Pick<AppContext, 'pool' | 'log'>,
    private readonly windowMs = EDIT_WINDOW_MS,
  ) {}

  record(documentId: string, edit: ClientEdit, userId: string | null): void {
    for (const clauseId of edit.editedClauses) {
      const key = `${documentId} ${userId ?? '-'} ${clauseId}`;
      const held = this.pending.get(key);
      if (held) {
        held.edits += 1;
        continue;
      }
      const timer = setTimeout(() => this.flush(key), this.windowMs);
      timer.unref();
      this.pending.set(key, { documentId, userId, clauseId, edits: 1, timer });
    }
    for (const deleted of edit.deletedClauses) {
      this.write(documentId, userId, 'clause.deleted', { clauseId: deleted.clauseId, afterId: deleted.afterId });
    }
  }

  /** Writes every summary still held (shutdown), and waits for the writes in flight. */
  async close(): Promise<void> {
    for (const key of [...this.pending.keys()]) this.flush(key);
    await Promise.all([...this.writes]);
  }

  private flush(key: string): void {
    const held = this.pending.get(key);
    if (!held) return;
    clearTimeout(held.timer);
    this.pending.delete(key);
    this.write(held.documentId, held.userId, 'clause.edited', { clauseId: held.clauseId, edits: held.edits });
  }

  private write(documentId: string, userId: string | null, action: 'clause.edited' | 'clause.deleted', subject: Record<string, unknown>): void {
    const done = withTransaction(this.ctx.pool, (client) => recordAuditEvent(client, { documentId, actorUserId: userId, action, subject }))
      .then(() => undefined)
      .catch((err: unknown) => this.ctx.log.error({ err, documentId, action }, 'an edit could not be recorded in the activity feed'));
    this.writes.add(done);
    void done.finally(() => this.writes.delete(done));
  }
}
