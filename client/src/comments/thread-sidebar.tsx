/**
 * The comments of the focused clause: its open threads (resolved ones on request), a form for a new
 * thread — on the selected text when the shortcut brought a selection, else on the whole clause — and
 * each thread's replies and actions.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import type { AnchorInput, CommentThread, CommentVisibility } from '../../../shared/src/api/comments';
import type { Participant } from '../../../shared/src/api/participants';
import { languageName } from '../app/format';
import { CommentComposer } from './comment-composer';
import { commentShortcutLabel } from './comment-keymap';
import { canComment, canWriteInternal, mentionableMembers, type CommentsViewer, type MemberForMentions } from './comments-viewer';
import { ThreadView } from './thread-view';
import { QueuedComments } from './queued-comments';
import type { CommentsStore } from './comments-store';
import { useComments } from './use-comments';

/** What the shortcut (Mod-Alt-m) hands over: where to comment. */
export interface CommentDraft {
  clauseId: string;
  language: string | null;
  anchor: AnchorInput | null;
  quote: string;
}

export interface ThreadSidebarProps {
  /** The document's threads, kept live by the screen. */
  store: CommentsStore;
  viewer: CommentsViewer;
  participants: readonly Participant[];
  /** The focused clause; null shows a hint. */
  clauseId: string | null;
  /** How people name it ("Article 3"). */
  clauseLabel: string;
  members?: readonly MemberForMentions[];
  draft?: CommentDraft | null;
  onDraftDone?(): void;
  activeThreadId?: string | null;
  onActivateThread?(threadId: string): void;
  onClose?(): void;
  /** The document is frozen: say why nothing can be added. */
  frozen?: boolean;
}

export function ThreadSidebar(props: ThreadSidebarProps) {
  const { store, viewer, participants, clauseId, clauseLabel, members = [], draft, onDraftDone, activeThreadId, onActivateThread, onClose, frozen } = props;
  const { t } = useTranslation('comments');
  const errorMessage = useErrorMessage();
  const comments = useComments(store);
  // Resolved threads are shown for the clause they were asked for, and hidden again on another clause.
  const [resolvedShownFor, setResolvedShownFor] = useState<string | null>(null);
  const [composingOpen, setComposing] = useState(false);
  const [visibility, setVisibility] = useState<CommentVisibility>('all');
  const writable = canComment(viewer);

  const pending = draft && draft.clauseId === clauseId ? draft : null;
  // A selection brought by the shortcut opens the form until it is sent or cancelled (close clears the draft).
  const composing = composingOpen || pending !== null;
  const showResolved = clauseId !== null && resolvedShownFor === clauseId;

  const threads: CommentThread[] = clauseId ? comments.threadsOfClause(clauseId).slice().reverse() : [];
  const open = threads.filter((thread) => thread.status === 'open');
  const resolved = threads.filter((thread) => thread.status === 'resolved');
  const shown = showResolved ? threads : open;

  const close = () => {
    setComposing(false);
    onDraftDone?.();
  };

  return (
    <aside className="comment-sidebar" aria-label={clauseId ? t('sidebar.title', { label: clauseLabel }) : t('sidebar.titleNoClause')}>
      <header className="comment-sidebar-head">
        <h2>{clauseId ? t('sidebar.title', { label: clauseLabel }) : t('sidebar.titleNoClause')}</h2>
        {onClose && (
          <button type="button" className="icon-button" aria-label={t('sidebar.close')} title={t('sidebar.close')} onClick={onClose}>
            ×
          </button>
        )}
      </header>
      {comments.status === 'loading' && (
        <p className="comment-note" role="status">
          {t('sidebar.loading')}
        </p>
      )}
      {comments.status === 'error' && (
        <div className="comment-error" role="alert">
          <p>
            {t('sidebar.loadFailed')} {errorMessage(comments.error)}
          </p>
          <button type="button" className="button" onClick={comments.reload}>
            {t('sidebar.retry')}
          </button>
        </div>
      )}
      {!clauseId && <p className="comment-note">{t('sidebar.chooseClause')}</p>}
      {clauseId && !writable && <p className="comment-note">{frozen ? t('sidebar.frozen') : t('sidebar.readOnly')}</p>}

      {clauseId &&
        writable &&
        (composing ? (
          <section className="comment-new" aria-label={t('sidebar.newThread', { label: clauseLabel })}>
            {pending?.anchor && (
              <>
                <p className="comment-about-label">{t('thread.onQuote', { language: languageName(pending.language ?? '') })}</p>
                <blockquote className="comment-quote" lang={pending.language ?? undefined}>
                  {pending.quote}
                </blockquote>
              </>
            )}
            <CommentComposer
              label={t('sidebar.newThread', { label: clauseLabel })}
              submitLabel={t('composer.submit')}
              autoFocus
              members={mentionableMembers(members, viewer, visibility)}
              visibility={canWriteInternal(viewer) ? { value: visibility, onChange: setVisibility } : undefined}
              onSubmit={async (body) => {
                const thread = await comments.create({
                  clauseId,
                  language: pending?.language ?? null,
                  anchor: pending?.anchor ?? null,
                  visibility,
                  body,
                });
                // null: the server could not be reached; the comment waits below and is sent later.
                if (thread) onActivateThread?.(thread.id);
                close();
              }}
              onCancel={close}
            />
          </section>
        ) : (
          <>
            <button type="button" className="button comment-new-button" aria-keyshortcuts="Control+Alt+M" onClick={() => setComposing(true)}>
              {t('sidebar.newThread', { label: clauseLabel })}
            </button>
            <p className="comment-note">{t('shortcut.hint', { keys: commentShortcutLabel() })}</p>
          </>
        ))}

      {clauseId && <QueuedComments store={store} place={{ clauseId }} />}
      {clauseId && comments.status === 'ready' && threads.length === 0 && !composing && <p className="comment-note">{t('sidebar.empty')}</p>}
      <div className="comment-thread-list">
        {shown.map((thread) => (
          <ThreadView
            key={thread.id}
            thread={thread}
            viewer={viewer}
            participants={participants}
            actions={comments}
            members={mentionableMembers(members, viewer, thread.visibility)}
            roster={members}
            active={thread.id === activeThreadId}
            onActivate={() => onActivateThread?.(thread.id)}
          />
        ))}
      </div>
      {resolved.length > 0 && (
        <button type="button" className="link-button" aria-expanded={showResolved} onClick={() => setResolvedShownFor(showResolved ? null : clauseId)}>
          {showResolved ? t('sidebar.hideResolved') : t('sidebar.showResolved', { count: resolved.length })}
        </button>
      )}
    </aside>
  );
}
