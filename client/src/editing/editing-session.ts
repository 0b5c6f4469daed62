/**
 * What the word-processor tools of one open document share: the editor the toolbar acts on and the
 * search. One per Y.Doc (a new collab session is a new Y.Doc), so the workspace only has to add
 * `editingPlugins(ydoc, clauseId, language)` to its editors and render <EditingBar />.
 */
import type * as Y from 'yjs';
import type { Plugin } from 'prosemirror-state';
import { ActiveEditor } from './active-editor';
import { SearchStore } from '../search/search-store';
import { searchHighlights } from '../search/search-highlights';

export interface EditingSession {
  active: ActiveEditor;
  search: SearchStore;
}

const sessions = new WeakMap<Y.Doc, EditingSession>();

export function editingSession(ydoc: Y.Doc): EditingSession {
  let session = sessions.get(ydoc);
  if (!session) {
    session = { active: new ActiveEditor(), search: new SearchStore() };
    sessions.set(ydoc, session);
  }
  return session;
}

/** The plugins a clause editor carries for the toolbar and the search highlights. */
export function editingPlugins(ydoc: Y.Doc, clauseId: string, language: string): Plugin[] {
  const session = editingSession(ydoc);
  return [session.active.plugin(), searchHighlights(session.search, clauseId, language)];
}
