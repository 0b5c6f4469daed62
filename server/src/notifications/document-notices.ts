/** A version was named, the text was frozen for signature: every member is told, but the one who did it [N2]. */
import type { AppContext } from '../context';
import type { DomainEvents } from '../events';
import type { Notifier } from './notifier';

export async function noticeVersionNamed(notifier: Notifier, event: DomainEvents['version.named']): Promise<void> {
  await notifier.tell(await notifier.members(event.documentId), {
    documentId: event.documentId,
    kind: 'version_named',
    source: `version:${event.versionId}`,
    clause: null,
    actorUserId: event.userId,
    details: { versionId: event.versionId, name: event.name },
  });
}

export async function noticeFrozen(ctx: AppContext, notifier: Notifier, event: DomainEvents['document.status']): Promise<void> {
  if (event.status !== 'frozen') return;
  // The freeze command records who froze it in the audit chain, committed before the event.
  const { rows } = await ctx.pool.query<{ actor_user_id: string | null }>(
    `SELECT actor_user_id FROM audit_events WHERE document_id = $1 AND action = 'document.frozen' ORDER BY id DESC LIMIT 1`,
    [event.documentId],
  );
  await notifier.tell(await notifier.members(event.documentId), {
    documentId: event.documentId,
    kind: 'document_frozen',
    source: 'frozen',
    clause: null,
    actorUserId: rows[0]?.actor_user_id ?? null,
    details: {},
  });
}
