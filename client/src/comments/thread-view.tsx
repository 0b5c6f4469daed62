/**
 * One thread: what it is about (the quote, or the clause), its comments in order, and what the viewer
 * may do — reply, resolve or reopen, edit or delete their own comments. Every text from people (bodies,
 * names, the quote) is rendered as text.
 */
import { QueuedComments } from './queued-comments';
import type { CommentsStore } from './comments-store';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime, languageName } from '../app/format';
import type { CommentThread, CommentView } from '../../../shared/src/api/comments';
import type { Participant } from '../../../shared/src/api/participants';
import { CommentBody } from './comment-body';
import { CommentComposer, type MentionMember } from './comment-composer';
import { canComment, type CommentsViewer } from './comments-viewer';
import { delegationTag, type RosterMember } from '../app/delegation';
import type { CommentsController } from './use-comments';

type Actions = Pick<CommentsController, 'reply' | 'edit' | 'remove' | 'resolve' | 'reopen'> & { store?: CommentsStore };

export interface ThreadViewProps {
  thread: CommentThread;
  viewer: CommentsViewer;
  participants: readonly Participant[];
  actions: Actions;
  members?: readonly MentionMember[];
  /** Every member with their role and Participant: what stands beside each author's name. */
  roster?: readonly RosterMember[];
  active?: boolean;
  onActivate?(): void;
}

export function ThreadView({ thread, viewer, participants, actions, members, roster = [], active = false, onActivate }: ThreadViewProps) {
  const { t } = useTranslation('comments');
  const errorMessage = useErrorMessage();
  const [replying, setReplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const writable = canComment(viewer);
  const resolved = thread.status === 'resolved';

  async function run(action: () => Promise<unknown>): Promise<void> {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <article
      className={`comment-thread${resolved ? ' is-resolved' : ''}${active ? ' is-active' : ''}${thread.visibility === 'delegation' ? ' is-internal' : ''}`}
      aria-label={t('thread.label', { name: thread.author.displayName })}
      data-thread-id={thread.id}
      onFocus={onActivate}
      onClick={onActivate}
    >
      <ThreadAbout thread={thread} />
      {thread.visibility === 'delegation' && (
        <p className="comment-internal-badge" title={t('thread.internalHint')}>
          {t('thread.internal')}
        </p>
      )}
      <ol className="comment-items">
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            <CommentItem
              comment={comment}
              viewer={viewer}
              participants={participants}
              members={members}
              roster={roster}
              writable={writable}
              onEdit={(body) => actions.edit(comment.id, body).then(() => undefined)}
              onDelete={() => run(() => actions.remove(comment.id))}
            />
          </li>
        ))}
      </ol>
      {resolved && thread.resolvedBy && thread.resolvedAt && (
        <p className="comment-resolution">{t('thread.resolvedBy', { name: thread.resolvedBy.displayName, time: formatDateTime(thread.resolvedAt) })}</p>
      )}
      {!resolved && thread.reopenedBy && thread.reopenedAt && (
        <p className="comment-resolution">{t('thread.reopenedBy', { name: thread.reopenedBy.displayName, time: formatDateTime(thread.reopenedAt) })}</p>
      )}
      {actions.store && <QueuedComments store={actions.store} place={{ threadId: thread.id }} />}
      {writable && (
        <div className="comment-thread-actions">
          {!replying && (
            <button type="button" className="button" onClick={() => setReplying(true)}>
              {t('thread.reply')}
            </button>
          )}
          <button type="button" className="button" onClick={() => run(() => (resolved ? actions.reopen(thread.id) : actions.resolve(thread.id)))}>
            {resolved ? t('thread.reopen') : t('thread.resolve')}
          </button>
        </div>
      )}
      {writable && replying && (
        <CommentComposer
          label={t('thread.replyLabel')}
          submitLabel={t('thread.reply')}
          members={members}
          autoFocus
          onSubmit={async (body) => {
            await actions.reply(thread.id, body);
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      )}
      {error && (
        <p className="comment-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}

function ThreadAbout({ thread }: { thread: CommentThread }) {
  const { t } = useTranslation('comments');
  return (
    <div className="comment-about">
      {thread.clauseDeleted && <p className="comment-note">{t('thread.clauseDeleted')}</p>}
      {thread.anchor ? (
        <>
          <p className="comment-about-label">{t('thread.onQuote', { language: languageName(thread.language ?? '') })}</p>
          <blockquote className={`comment-quote${thread.anchor.state === 'removed' ? ' is-removed' : ''}`} lang={thread.language ?? undefined}>
            {thread.anchor.state === 'present' && thread.anchor.text !== null ? thread.anchor.text : thread.anchor.quote}
          </blockquote>
          {thread.anchor.state === 'removed' && <p className="comment-note">{t('thread.textRemoved')}</p>}
        </>
      ) : (
        <p className="comment-about-label">{t(thread.proposalId ? 'thread.onProposal' : 'thread.onClause')}</p>
      )}
    </div>
  );
}

interface CommentItemProps {
  comment: CommentView;
  viewer: CommentsViewer;
  participants: readonly Participant[];
  members?: readonly MentionMember[];
  roster: readonly RosterMember[];
  writable: boolean;
  onEdit(body: string): Promise<void>;
  onDelete(): void;
}

function CommentItem({ comment, viewer, participants, members, roster, writable, onEdit, onDelete }: CommentItemProps) {
  const { t } = useTranslation('comments');
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const own = comment.author.id === viewer.userId && comment.deletedAt === null && writable;
  const delegation = delegationTag(comment.author, roster, participants);

  return (
    <div className={`comment${comment.deletedAt ? ' is-deleted' : ''}`} data-comment-id={comment.id}>
      <div className="comment-head">
        <span className="comment-author">{comment.author.displayName}</span>
        {delegation?.kind === 'participant' && (
          <span className="comment-participant" style={{ backgroundColor: delegation.color }}>
            {delegation.code}
          </span>
        )}
        {delegation?.kind === 'role' && <span className="comment-participant comment-role">{t(`common:roles.${delegation.role}`)}</span>}
        <time className="comment-time" dateTime={comment.createdAt}>
          {formatDateTime(comment.createdAt)}
        </time>
        {comment.editedAt && comment.deletedAt === null && (
          <span className="comment-edited" title={formatDateTime(comment.editedAt)}>
            ({t('comment.edited')})
          </span>
        )}
      </div>
      {comment.deletedAt !== null || comment.body === null ? (
        <p className="comment-deleted-marker">{t('comment.deleted')}</p>
      ) : editing ? (
        <CommentComposer
          label={t('comment.editLabel')}
          submitLabel={t('comment.save')}
          initial={comment.body}
          members={members}
          autoFocus
          onSubmit={async (body) => {
            await onEdit(body);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <CommentBody body={comment.body} mentions={comment.mentions} />
      )}
      {own &&
        !editing &&
        (confirming ? (
          <div className="comment-confirm" role="group" aria-label={t('comment.confirmDelete')}>
            <span>{t('comment.confirmDelete')}</span>
            <button
              type="button"
              className="button button-danger"
              onClick={() => {
                setConfirming(false);
                onDelete();
              }}
            >
              {t('comment.confirmDeleteYes')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('comment.cancel')}
            </button>
          </div>
        ) : (
          <div className="comment-own-actions">
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              {t('comment.edit')}
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(true)}>
              {t('comment.delete')}
            </button>
          </div>
        ))}
    </div>
  );
}
