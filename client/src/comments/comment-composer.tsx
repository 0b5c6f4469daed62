/**
 * Writing a comment: a plain textarea (what is typed is what is stored), a character count near the
 * limit, "@" suggestions of the members who may read the thread, and — for a new thread of a member
 * with a delegation — who may see it. Ctrl/⌘+Enter sends.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatNumber } from '../app/format';
import { COMMENT_BODY_MAX, commentLength, normalizeCommentBody, type CommentVisibility } from '../../../shared/src/api/comments';

export interface MentionMember {
  userId: string;
  displayName: string;
}

export interface CommentComposerProps {
  label: string;
  submitLabel: string;
  initial?: string;
  /** Members to suggest after "@". */
  members?: readonly MentionMember[];
  /** Shown (as a choice) only when given. */
  visibility?: { value: CommentVisibility; onChange(value: CommentVisibility): void };
  autoFocus?: boolean;
  onSubmit(body: string): Promise<void>;
  onCancel?(): void;
}

const MENTION_QUERY = /(?:^|[^\p{L}\p{N}_])@([^\s@][^@\n]{0,40}|)$/u;
const MAX_SUGGESTIONS = 6;

export function CommentComposer({ label, submitLabel, initial = '', members = [], visibility, autoFocus, onSubmit, onCancel }: CommentComposerProps) {
  const { t } = useTranslation('comments');
  const errorMessage = useErrorMessage();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const length = commentLength(normalizeCommentBody(text));
  const over = length - COMMENT_BODY_MAX;
  const empty = normalizeCommentBody(text).length === 0;

  const query = useMemo(() => MENTION_QUERY.exec(text.slice(0, caret))?.[1] ?? null, [text, caret]);
  const suggestions = useMemo(() => {
    if (query === null || dismissedAt === caret) return [];
    const q = query.toLocaleLowerCase();
    return members.filter((m) => m.displayName.toLocaleLowerCase().startsWith(q)).slice(0, MAX_SUGGESTIONS);
  }, [query, members, dismissedAt, caret]);

  function pick(member: MentionMember): void {
    const before = text.slice(0, caret - (query?.length ?? 0));
    const after = text.slice(caret);
    const inserted = `${member.displayName} `;
    const next = before + inserted + after;
    setText(next);
    const position = before.length + inserted.length;
    setCaret(position);
    requestAnimationFrame(() => textarea.current?.setSelectionRange(position, position));
  }

  async function submit(): Promise<void> {
    if (busy || empty || over > 0) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text);
      setText('');
      setCaret(0);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (suggestions.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setHighlighted((i) => (i + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(suggestions[Math.min(highlighted, suggestions.length - 1)]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setDismissedAt(caret);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  const listId = `${id}-mentions`;
  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        {label}
      </label>
      <textarea
        ref={textarea}
        id={`${id}-text`}
        className="comment-textarea"
        value={text}
        rows={3}
        placeholder={t('composer.placeholder')}
        autoFocus={autoFocus}
        aria-describedby={`${id}-count`}
        aria-invalid={over > 0}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={suggestions.length > 0 ? `${listId}-${Math.min(highlighted, suggestions.length - 1)}` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setHighlighted(0);
          setDismissedAt(null);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('composer.mentionSuggestions')} className="comment-mention-list" hidden={suggestions.length === 0}>
        {suggestions.map((member, i) => (
          <li
            key={member.userId}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === highlighted}
            className={i === highlighted ? 'is-highlighted' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(member);
            }}
          >
            {member.displayName}
          </li>
        ))}
      </ul>
      <div className="comment-composer-foot">
        <span id={`${id}-count`} className={`comment-count${over > 0 ? ' is-over' : ''}`} aria-live="polite">
          {over > 0
            ? t('composer.tooLong', { count: formatNumber(over) })
            : length > COMMENT_BODY_MAX * 0.8
              ? t('composer.counter', { count: formatNumber(length), max: formatNumber(COMMENT_BODY_MAX) })
              : ''}
        </span>
        {visibility && (
          <label className="comment-visibility">
            <span>{t('composer.visibility')}</span>
            <select value={visibility.value} onChange={(event) => visibility.onChange(event.target.value as CommentVisibility)}>
              <option value="all">{t('visibility.all')}</option>
              <option value="delegation">{t('visibility.delegation')}</option>
            </select>
          </label>
        )}
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('comment.cancel')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy || empty || over > 0}>
          {busy ? t('composer.sending') : submitLabel}
        </button>
      </div>
      {error && (
        <p className="comment-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
