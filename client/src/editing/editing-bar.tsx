/**
 * The word-processor tools above the text: the formatting toolbar, search (Ctrl+F) and the keyboard
 * shortcuts ("?"), with the workspace-wide keys that open them and the one that switches propose mode
 * (Ctrl+Alt+Shift+X, Google Docs' "suggesting" key). Propose mode's own switch stays in ProposalToolbar.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { TextSelection } from 'prosemirror-state';
import { Toolbar } from '../components/toolbar';
import { proposing, type ProposeSwitch } from '../proposals/propose-switch';
import { SearchBar, scrollToMatch } from '../search/search-bar';
import { useWorkspace } from '../workspace/workspace-context';
import { editingSession } from './editing-session';
import { KeyboardIcon, SearchIcon } from './editing-icons';
import { FormatButton, FormattingButtons } from './formatting-toolbar';
import { ShortcutsDialog } from './shortcuts-dialog';
import { isModKey, isTyping } from './shortcuts';
import './editing.css';

/** The longest selection that fills the search box when search opens (a word or a phrase, as in Word). */
const MAX_PREFILL = 100;

export function EditingBar({ languages, canEditText, propose }: { languages: readonly string[]; canEditText: boolean; propose: ProposeSwitch }) {
  const { t } = useTranslation();
  const { collab, announce } = useWorkspace();
  const session = editingSession(collab.ydoc);
  const { active, search } = session;
  const editor = useSyncExternalStore(active.subscribe, active.getSnapshot);
  const searchState = useSyncExternalStore(search.subscribe, search.getSnapshot);
  const proposeState = useSyncExternalStore(propose.subscribe, propose.getSnapshot);
  const [helpOpen, setHelpOpen] = useState(false);
  const [focusToken, setFocusToken] = useState(0);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => search.attach(collab.ydoc, languages), [search, collab.ydoc, languages]);

  // The editors take a new permission or propose mode in their own effects: read them after those.
  useEffect(() => {
    const timer = setTimeout(active.refresh);
    return () => clearTimeout(timer);
  }, [active, canEditText, proposeState]);

  const openSearch = useCallback(() => {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && !focused.closest('.search-bar')) returnFocus.current = focused;
    const selected = window.getSelection()?.toString() ?? '';
    const prefill = selected.trim() !== '' && selected.length <= MAX_PREFILL && !selected.includes('\n') ? selected : undefined;
    search.open(prefill);
    setFocusToken((token) => token + 1);
  }, [search]);

  // As in Word and Google Docs, closing the search leaves the caret on the match it was at (its row is
  // in view, so its editor is mounted); with no match, focus goes back where it was.
  const closeSearch = useCallback(() => {
    const { matches, current } = search.getSnapshot();
    const match = matches[current];
    search.close();
    const back = returnFocus.current;
    returnFocus.current = null;
    const view = match ? search.viewOf(match.clauseId, match.language) : null;
    if (view && match && match.to <= view.state.doc.content.size) {
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, match.from, match.to)).scrollIntoView());
      view.focus();
    } else if (back?.isConnected) back.focus();
    else active.getSnapshot().view?.focus();
  }, [search, active]);

  const current = searchState.matches[searchState.current];
  useEffect(() => {
    if (!current) return;
    return scrollToMatch(current.clauseId, current.language);
    // Only when the person moves to a match (or a new search finds its first), not on every edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [searchState.moved]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const inDialog = event.target instanceof Element && !!event.target.closest('dialog');
      if (isModKey(event, 'KeyF') && !inDialog) {
        event.preventDefault();
        openSearch();
      } else if (isModKey(event, 'KeyX', { alt: true, shift: true }) && !inDialog) {
        const state = propose.getSnapshot();
        if (!state.canPropose || !state.canEditDirectly) return;
        event.preventDefault();
        propose.update({ chosen: !state.chosen });
        announce(t(state.chosen ? 'editing:proposeMode.off' : 'editing:proposeMode.on'));
      } else if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !inDialog && !isTyping(event.target)) {
        event.preventDefault();
        setHelpOpen(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [openSearch, propose, announce, t]);

  return (
    <div className="editing-bar">
      <Toolbar label={t('editing:toolbar.label')} className="formatting-toolbar">
        <FormattingButtons active={editor} canEditText={canEditText} proposing={proposing(proposeState)} />
        <span className="toolbar-separator" aria-hidden="true" />
        <FormatButton action="search" blocked={null} onRun={openSearch}>
          <SearchIcon />
        </FormatButton>
        <FormatButton action="shortcuts" blocked={null} onRun={() => setHelpOpen(true)}>
          <KeyboardIcon />
        </FormatButton>
      </Toolbar>
      {searchState.open && <SearchBar store={search} focusToken={focusToken} onClose={closeSearch} />}
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
