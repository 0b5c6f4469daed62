/** A notification row → what leaves the server, field by field (nothing else of the row does). */
import type { NotificationRow } from './notification-store';
import type { NotificationDetails, NotificationJSON } from '../../../shared/src/api/notifications';

export function presentNotification(row: NotificationRow): NotificationJSON {
  return {
    id: row.id,
    kind: row.kind,
    documentId: row.document_id,
    documentTitle: row.title,
    clause: row.clause && {
      id: row.clause.id,
      kind: row.clause.kind,
      ...(row.clause.article !== undefined ? { article: row.clause.article } : {}),
      ...(row.clause.section !== undefined ? { section: row.clause.section } : {}),
    },
    actor: row.actor_id && row.actor_name !== null ? { id: row.actor_id, displayName: row.actor_name } : null,
    details: detailsOf(row),
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

function detailsOf(row: NotificationRow): NotificationDetails {
  const d = row.details;
  const text = (key: string): string | null => (typeof d[key] === 'string' ? (d[key] as string) : null);
  switch (row.kind) {
    case 'mention':
      return {
        kind: 'mention',
        threadId: row.thread_id!,
        commentId: row.comment_id!,
        excerpt: row.excerpt === null ? null : row.excerpt + (row.excerpt_cut ? '…' : ''),
      };
    case 'approval_outdated':
      return { kind: 'approval_outdated', participantCode: text('participantCode') ?? '' };
    case 'proposal':
      return {
        kind: 'proposal',
        proposalId: text('proposalId') ?? '',
        event: d.event === 'decision' ? 'decision' : 'position',
        participantCode: text('participantCode'),
        position: (text('position') as Extract<NotificationDetails, { kind: 'proposal' }>['position']) ?? null,
        decision: (text('decision') as Extract<NotificationDetails, { kind: 'proposal' }>['decision']) ?? null,
      };
    case 'version_named':
      return { kind: 'version_named', versionId: text('versionId') ?? '', name: text('name') ?? '' };
    case 'document_frozen':
      return { kind: 'document_frozen' };
  }
}
