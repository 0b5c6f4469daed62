/**
 * Telling people: one notification row per recipient and thing told [N1] (the insert checks who may
 * be told, [N2] [N3]), then — for each row actually written — the live push to the person's sockets
 * (realtime/notification-broadcasts.ts, through the event bus) and, for the kinds they chose, mail.
 *
 * Runs after the change it tells of has committed, from event listeners: never on a request's path,
 * and a failure here is logged, never thrown back at the command that caused it.
 */
import type { AppContext } from '../context';
import type { UiLanguage } from '../i18n';
import { MENTION_EXCERPT_MAX } from '../../../shared/src/api/notifications';
import { numberClauses } from '../../../shared/src/numbering';
import { clauseItems } from '../../../shared/src/yjs-layout';
import type { NotificationClause } from '../../../shared/src/api/notifications';
import { insertForRecipients, listVisible, unreadCount, type NewNotification } from './notification-store';
import { presentNotification } from './present-notification';
import { wantingMail } from './preferences';
import { MailQueue } from './mail-queue';

export class Notifier {
  readonly mail: MailQueue;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly ctx: AppContext) {
    this.mail = new MailQueue(ctx);
  }

  /** Runs `work` in the background, logging a failure; `settle()` waits for it. */
  run(what: string, work: () => Promise<unknown>): void {
    const done = work().catch((err: unknown) => this.ctx.log.error({ err, what }, 'notifications: could not tell what happened'));
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }

  /** Resolves when every notification in progress is written and pushed, and the mail queued so far tried. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    await this.mail.drain();
  }

  /** Tells `recipients` (filtered by the store: members who may read it, not the actor) of `item`; returns who was told. */
  async tell(recipients: readonly string[], item: NewNotification): Promise<string[]> {
    const written = await insertForRecipients(this.ctx.pool, [...new Set(recipients)], item);
    if (written.length === 0) return [];
    const userIds = written.map((w) => w.user_id);
    const mailTo = await wantingMail(this.ctx.pool, userIds, item.kind);
    const people = await this.people(userIds);
    for (const { id, user_id: userId } of written) {
      const [row] = await listVisible(this.ctx.pool, userId, { ids: [id], limit: 1 }, MENTION_EXCERPT_MAX);
      if (!row) continue; // no longer readable by the time it was read back (membership removed meanwhile)
      const notification = presentNotification(row);
      this.ctx.events.emit('notification.created', { userId, notification, unreadCount: await unreadCount(this.ctx.pool, userId) });
      const person = people.get(userId);
      if (person && mailTo.has(userId)) this.mail.enqueue(person, notification);
    }
    this.ctx.log.info({ documentId: item.documentId, kind: item.kind, source: item.source, recipients: userIds.length }, 'notifications written');
    return userIds;
  }

  /** Members of a document (optionally only those of some roles, or of some Participants' delegations). */
  async members(documentId: string, filter: { delegationsOf?: readonly string[] } = {}): Promise<string[]> {
    if (filter.delegationsOf) {
      if (filter.delegationsOf.length === 0) return [];
      const { rows } = await this.ctx.pool.query<{ user_id: string }>(
        `SELECT user_id FROM memberships WHERE document_id = $1 AND role IN ('delegate', 'legal_reviewer') AND participant_id = ANY ($2::uuid[])`,
        [documentId, filter.delegationsOf],
      );
      return rows.map((r) => r.user_id);
    }
    const { rows } = await this.ctx.pool.query<{ user_id: string }>('SELECT user_id FROM memberships WHERE document_id = $1', [documentId]);
    return rows.map((r) => r.user_id);
  }

  /** A clause with its kind and number in the live text now; null when the text holds no such clause. */
  async clauseRef(documentId: string, clauseId: string | null): Promise<NotificationClause | null> {
    if (clauseId === null) return null;
    try {
      const { value } = await this.ctx.documents.read(documentId, (doc) => {
        const items = clauseItems(doc);
        const item = items.find((i) => i.id === clauseId);
        if (!item) return null;
        const number = numberClauses(items).get(clauseId) ?? {};
        return { id: clauseId, kind: item.kind, ...number };
      });
      return value ?? { id: clauseId, kind: 'clause' };
    } catch (err) {
      this.ctx.log.warn({ err, documentId, clauseId }, 'notifications: the clause could not be looked up; told without its number');
      return { id: clauseId, kind: 'clause' };
    }
  }

  /** The document's Participants: id → code ("GT"). */
  async participantCodes(documentId: string): Promise<Map<string, string>> {
    const { rows } = await this.ctx.pool.query<{ id: string; code: string }>('SELECT id, code FROM participants WHERE document_id = $1', [documentId]);
    return new Map(rows.map((r) => [r.id, r.code]));
  }

  private async people(userIds: readonly string[]): Promise<Map<string, { email: string; lang: UiLanguage }>> {
    const { rows } = await this.ctx.pool.query<{ id: string; email: string; ui_language: UiLanguage }>(
      'SELECT id, email, ui_language FROM users WHERE id = ANY ($1::uuid[])',
      [userIds],
    );
    return new Map(rows.map((r) => [r.id, { email: r.email, lang: r.ui_language }]));
  }
}
