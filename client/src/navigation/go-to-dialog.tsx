/**
 * "Go to": a small dialog that takes an article number ("5", "Article 5", "Artículo 5"), a section
 * ("Section 2") or "preamble", and says in the person's language when the agreement has no such clause.
 * Opened with Ctrl+G (Ctrl+Alt+G where the browser keeps Ctrl+G for itself) or the "Go to…" button.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Modal } from '../approvals/modal';
import type { ClauseItem } from '../workspace/clause-items';
import { resolveClauseQuery, type Resolved } from './clause-query';

export const GO_TO_SHORTCUT = 'Ctrl+G';

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iP(hone|[oa]d)/.test(navigator.platform);

/**
 * Ctrl+G, or Ctrl+Alt+G (⌘G and ⌘⌥G on a Mac, where Ctrl+G works too); by the key's place, so that
 * with Alt held any keyboard layout still reads it as G.
 */
export function isGoToShortcut(event: KeyboardEvent): boolean {
  const mod = event.ctrlKey ? !event.metaKey : IS_MAC && event.metaKey;
  return mod && !event.shiftKey && (event.code === 'KeyG' || event.key.toLowerCase() === 'g');
}

function failure(t: TFunction, text: string, resolved: Exclude<Resolved, { ok: true }>): string {
  switch (resolved.reason) {
    case 'empty':
      return t('navigation:goTo.empty');
    case 'unreadable':
      return t('navigation:goTo.unreadable', { text: text.trim() });
    case 'noArticle':
      return resolved.last === 0
        ? t('navigation:goTo.noArticles', { number: resolved.number })
        : t('navigation:goTo.noArticle', { number: resolved.number, last: resolved.last });
    case 'noSection':
      return resolved.last === 0
        ? t('navigation:goTo.noSections', { number: resolved.number })
        : t('navigation:goTo.noSection', { number: resolved.number, last: resolved.last });
    case 'noPreamble':
      return t('navigation:goTo.noPreamble');
    case 'noPreambleParagraph':
      return t('navigation:goTo.noPreambleParagraph', { number: resolved.number, last: resolved.last });
  }
}

export interface GoToDialogProps {
  items: readonly ClauseItem[];
  onGo(clauseId: string): void;
  onClose(): void;
}

export function GoToDialog({ items, onGo, onClose }: GoToDialogProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const formId = useId();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  // After the dialog opened (its own effect runs after this one and focuses its first control).
  useEffect(() => {
    const frame = requestAnimationFrame(() => inputRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const resolved = resolveClauseQuery(text, items);
    if (resolved.ok) onGo(resolved.clauseId);
    else {
      setError(failure(t, text, resolved));
      inputRef.current?.select();
    }
  }

  return (
    <Modal
      title={t('navigation:goTo.title')}
      onClose={onClose}
      className="go-to-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('navigation:goTo.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary">
            {t('navigation:goTo.submit')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={inputId}>{t('navigation:goTo.field')}</label>
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
          />
          <p id={hintId} className="hint">
            {t('navigation:goTo.hint')}
          </p>
          {error && (
            <p id={errorId} className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </form>
    </Modal>
  );
}
