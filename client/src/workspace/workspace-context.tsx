/** What every part of an open document shares: the collab session, presence, and a few coordinators. */
import { createContext, useContext } from 'react';
import type { Plugin } from 'prosemirror-state';
import type * as Y from 'yjs';
import type { CollabSession } from '../collab/collab-session';
import type { PresenceStore } from '../collab/presence';
import type { CursorRouter } from '../collab/cursor-router';
import type { FocusRequests } from './focus-requests';
import type { ViewportWatcher } from './viewport';

export interface WorkspaceContextValue {
  collab: CollabSession;
  presence: PresenceStore;
  cursors: CursorRouter;
  focusRequests: FocusRequests;
  viewport: ViewportWatcher;
  /** Plugins each clause editor adds for the document's features (comments), given its text. */
  editorPlugins?(clauseId: string, language: string, fragment: Y.XmlFragment): Plugin[];
  /** Says something to screen-reader users (a polite live region). */
  announce(message: string): void;
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace() is used outside an open document');
  return value;
}
