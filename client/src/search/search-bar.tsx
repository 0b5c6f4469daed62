/**
 * The search bar (Ctrl+F): the query, "3 of 12", previous and next (Shift+Enter, Enter), the options,
 * and Escape to close. It searches every clause in every language of the document (search-store.ts).
 */
import { useEffect, useId, useRef, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon, ChevronUpIcon, CloseIcon } from '../editing/editing-icons';
import { shortcutLabel } from '../editing/shortcuts';
import type { SearchStore } from './search-store';
import type { SearchOptions } from './search-text';

const OPTIONS: ReadonlyArray<keyof SearchOptions> = ['matchCase', 'wholeWord', 'matchAccents'];

export function SearchBar({ store, focusToken, onClose }: { store: SearchStore; focusToken: number; onClose(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusToken]);

  const total = state.matches.length;
  const count = state.query.trim() === '' ? '' : total === 0 ? t('editing:search.none') : t('editing:search.count', { current: state.current + 1, total });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  }

  function onInputKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    store.step(event.shiftKey ? -1 : 1);
  }

  const previous = t('editing:search.previous');
  const next = t('editing:search.next');
  const close = t('editing:search.close');
  return (
    <div className="search-bar" role="search" aria-label={t('editing:search.region')} onKeyDown={onKeyDown}>
      <input
        ref={inputRef}
        id={`${id}-query`}
        type="text"
        className="search-input"
        value={state.query}
        aria-label={t('editing:search.label')}
        placeholder={t('editing:search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => store.setQuery(event.target.value)}
        onKeyDown={onInputKey}
      />
      <span className="search-count" role="status" aria-live="polite">
        {count}
      </span>
      <button
        type="button"
        className="icon-button search-previous"
        aria-label={previous}
        aria-keyshortcuts="Shift+Enter"
        title={t('editing:toolbar.withShortcut', { action: previous, keys: shortcutLabel('Shift-Enter') })}
        disabled={total === 0}
        onClick={() => store.step(-1)}
      >
        <ChevronUpIcon />
      </button>
      <button
        type="button"
        className="icon-button search-next"
        aria-label={next}
        aria-keyshortcuts="Enter"
        title={t('editing:toolbar.withShortcut', { action: next, keys: shortcutLabel('Enter') })}
        disabled={total === 0}
        onClick={() => store.step(1)}
      >
        <ChevronDownIcon />
      </button>
      {OPTIONS.map((option) => (
        <label key={option} className="search-option" title={t(`editing:search.${option}Hint`)}>
          <input
            type="checkbox"
            data-option={option}
            checked={state.options[option]}
            onChange={(event) => store.setOptions({ [option]: event.target.checked })}
          />
          <span>{t(`editing:search.${option}`)}</span>
        </label>
      ))}
      <button
        type="button"
        className="icon-button search-close"
        aria-label={close}
        aria-keyshortcuts="Escape"
        title={t('editing:toolbar.withShortcut', { action: close, keys: shortcutLabel('Escape') })}
        onClick={onClose}
      >
        <CloseIcon />
      </button>
    </div>
  );
}

/** Brings the current match into view: its row first (which mounts its editors), then the highlighted words. */
export function scrollToMatch(clauseId: string, language: string): () => void {
  const row = document.querySelector<HTMLElement>(`.clause-row[data-clause-id="${CSS.escape(clauseId)}"]`);
  if (!row) return () => undefined;
  row.scrollIntoView({ block: 'center' });
  const until = Date.now() + 3_000;
  let frame = requestAnimationFrame(function look() {
    const words = row.querySelector<HTMLElement>(`.clause-text[lang="${CSS.escape(language)}"] .search-match-current`);
    if (words) {
      const box = words.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) words.scrollIntoView({ block: 'center' });
      return;
    }
    if (Date.now() < until) frame = requestAnimationFrame(look);
  });
  return () => cancelAnimationFrame(frame);
}
