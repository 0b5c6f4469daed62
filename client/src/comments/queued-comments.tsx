/**
 * The comments of this person that wait to be sent (comment-outbox.ts), where they will appear: new
 * threads on a clause or about a proposal, replies under their thread. Each says it waits, or why the
 * server refused it, and can be discarded; the text stays readable (and copyable) until then.
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format';
import type { QueuedComment } from './comment-outbox';
import type { CommentsStore } from './comments-store';
import { useQueuedComments } from './use-comments';

export type QueuedPlace = { clauseId: string } | { proposalId: string } | { threadId: string };

function isAt(item: QueuedComment, place: QueuedPlace): boolean {
  if ('threadId' in place) return item.replyTo === place.threadId;
  if (!item.thread) return false;
  if ('proposalId' in place) return item.thread.proposalId === place.proposalId;
  return item.thread.clauseId === place.clauseId && !item.thread.proposalId;
}

export function QueuedComments({ store, place }: { store: CommentsStore; place: QueuedPlace }) {
  const { t, i18n } = useTranslation('comments');
  const queued = useQueuedComments(store).filter((item) => isAt(item, place));
  if (queued.length === 0) return null;
  return (
    <ul className="comment-queue" aria-label={t('queue.label', { count: queued.length })}>
      {queued.map((item) => (
        <li key={item.requestId} className={`comment-queued${item.refused ? ' is-refused' : ''}`}>
          <p className="comment-queued-body">{item.body}</p>
          {item.refused ? (
            <p className="comment-error" role="alert">
              {t('queue.refused', { reason: item.refused })}
            </p>
          ) : (
            <p className="comment-queued-state" role="status">
              {t('queue.waiting', { time: formatDateTime(item.queuedAt, i18n.language) })}
            </p>
          )}
          <button type="button" className="button button-small" onClick={() => store.outbox?.discard(item.requestId)}>
            {t('queue.discard')}
          </button>
        </li>
      ))}
    </ul>
  );
}
