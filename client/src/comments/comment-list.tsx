/**
 * Every comment thread of the document the person may read, filtered by status, language,
 * Participant, "mine" and "mentioning me". Choosing one hands it to the workspace (onOpenThread),
 * which scrolls to its clause and shows it in the sidebar.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThread } from '../../../shared/src/api/comments';
import type { Participant } from '../../../shared/src/api/participants';
import { formatDateTime, languageName, localized } from '../app/format';
import { CommentBody } from './comment-body';
import { DEFAULT_FILTERS, filterThreads, type CommentFilters } from './comment-filters';
import type { CommentsViewer } from './comments-viewer';
import type { CommentsStore } from './comments-store';
import { useComments } from './use-comments';

export interface CommentListProps {
  /** The document's threads, kept live by the screen. */
  store: CommentsStore;
  viewer: CommentsViewer;
  participants: readonly Participant[];
  languages: readonly string[];
  /** "Article 3"; empty for a clause that no longer exists. */
  clauseLabel(clauseId: string): string;
  onOpenThread(thread: CommentThread): void;
  initialFilters?: Partial<CommentFilters>;
}

export function CommentList({ store, viewer, participants, languages, clauseLabel, onOpenThread, initialFilters }: CommentListProps) {
  const { t } = useTranslation('comments');
  const comments = useComments(store);
  const id = useId();
  const [filters, setFilters] = useState<CommentFilters>({ ...DEFAULT_FILTERS, ...initialFilters });
  const shown = useMemo(() => filterThreads(comments.threads, filters, viewer), [comments.threads, filters, viewer]);
  const set = <K extends keyof CommentFilters>(key: K, value: CommentFilters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <section className="comment-list" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('list.title')}</h2>
      <fieldset className="comment-filters">
        <legend className="visually-hidden">{t('list.filters')}</legend>
        <label>
          <span>{t('list.status')}</span>
          <select value={filters.status} onChange={(e) => set('status', e.target.value as CommentFilters['status'])}>
            <option value="open">{t('list.statusOpen')}</option>
            <option value="resolved">{t('list.statusResolved')}</option>
            <option value="all">{t('list.statusAll')}</option>
          </select>
        </label>
        <label>
          <span>{t('list.language')}</span>
          <select value={filters.language} onChange={(e) => set('language', e.target.value)}>
            <option value="">{t('list.languageAll')}</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
            <option value="none">{t('list.languageNone')}</option>
          </select>
        </label>
        <label>
          <span>{t('list.participant')}</span>
          <select value={filters.participantId} onChange={(e) => set('participantId', e.target.value)}>
            <option value="">{t('list.participantAll')}</option>
            {participants.map((p) => (
              <option key={p.id} value={p.id}>{`${p.code} — ${localized(p.name)}`}</option>
            ))}
          </select>
        </label>
        <label className="comment-filter-check">
          <input type="checkbox" checked={filters.mine} onChange={(e) => set('mine', e.target.checked)} />
          <span>{t('list.mine')}</span>
        </label>
        <label className="comment-filter-check">
          <input type="checkbox" checked={filters.mentioningMe} onChange={(e) => set('mentioningMe', e.target.checked)} />
          <span>{t('list.mentioningMe')}</span>
        </label>
      </fieldset>
      <p className="comment-list-count" role="status">
        {t('list.count', { count: shown.length })}
      </p>
      {shown.length === 0 && comments.status === 'ready' && <p className="comment-note">{t('list.empty')}</p>}
      <ul className="comment-list-items">
        {shown.map((thread) => {
          const first = thread.comments[0];
          const participant = participants.find((p) => p.id === thread.participantId);
          const label = clauseLabel(thread.clauseId) || t('list.unknownClause');
          const replies = thread.comments.length - 1;
          return (
            <li key={thread.id} className={`comment-list-item${thread.status === 'resolved' ? ' is-resolved' : ''}`} data-thread-id={thread.id}>
              <button type="button" className="comment-list-open" onClick={() => onOpenThread(thread)} aria-label={t('list.goToClause', { label })}>
                <span className="comment-list-clause">{label}</span>
                {thread.language && <span className="comment-list-language">{languageName(thread.language)}</span>}
              </button>
              {thread.visibility === 'delegation' && <span className="comment-internal-badge">{t('thread.internal')}</span>}
              {thread.anchor && (
                <blockquote className={`comment-quote${thread.anchor.state === 'removed' ? ' is-removed' : ''}`} lang={thread.language ?? undefined}>
                  {thread.anchor.state === 'present' && thread.anchor.text !== null ? thread.anchor.text : thread.anchor.quote}
                </blockquote>
              )}
              <div className="comment-head">
                <span className="comment-author">{thread.author.displayName}</span>
                {participant && (
                  <span className="comment-participant" style={{ backgroundColor: participant.color }}>
                    {participant.code}
                  </span>
                )}
                <time className="comment-time" dateTime={thread.createdAt}>
                  {formatDateTime(thread.createdAt)}
                </time>
              </div>
              {first && first.body !== null ? (
                <CommentBody body={first.body} mentions={first.mentions} />
              ) : (
                <p className="comment-deleted-marker">{t('comment.deleted')}</p>
              )}
              {replies > 0 && <p className="comment-list-replies">{t('thread.replies', { count: replies })}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
