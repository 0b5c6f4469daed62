/**
 * commentHighlights(type, ydoc, getThreads): a ProseMirror plugin that highlights the ranges of
 * comment threads in one clause editor. Ranges are resolved from their Yjs relative positions
 * through the editor's own y-prosemirror mapping, so they follow every local and remote edit; a thread
 * whose words are gone has an empty range and no highlight.
 *
 * The editor engineer adds it to each editor's plugins (after ySyncPlugin). Pass `subscribe` to have
 * it redraw when the threads change (e.g. highlightSource(store, clauseId, language)).
 */
import type * as Y from 'yjs';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import { resolveAnchor, type ProsemirrorMapping } from '../../../shared/src/comment-anchors';
import type { AnchorInput, CommentThread } from '../../../shared/src/api/comments';
import { watch } from '../realtime/live-store';
import type { CommentsStore } from './comments-store';

export interface HighlightedThread {
  id: string;
  anchor: AnchorInput;
  /** The thread open in the sidebar: drawn stronger. */
  active?: boolean;
}

export interface HighlightSource {
  getThreads(): readonly HighlightedThread[];
  subscribe?(listener: () => void): () => void;
}

export const commentHighlightsKey = new PluginKey<DecorationSet>('concordia-comment-highlights');
const REFRESH = 'refresh';

interface SyncState {
  binding?: { mapping: ProsemirrorMapping; isDestroyed?: boolean } | null;
  snapshot?: unknown;
  prevSnapshot?: unknown;
}

export function commentHighlights(
  type: Y.XmlFragment,
  ydoc: Y.Doc,
  getThreads: HighlightSource['getThreads'],
  subscribe?: HighlightSource['subscribe'],
): Plugin<DecorationSet> {
  const build = (state: EditorState): DecorationSet => {
    const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
    const mapping = sync?.binding?.mapping;
    // Before the binding has rendered (or while showing a snapshot) positions cannot be resolved.
    if (!mapping || mapping.size === 0 || sync?.snapshot || sync?.prevSnapshot) return DecorationSet.empty;
    const rendered = { fragment: type, doc: state.doc, mapping };
    const decorations: Decoration[] = [];
    for (const thread of getThreads()) {
      const range = resolveAnchor(ydoc, rendered, thread.anchor);
      if (!range || range.from >= range.to) continue;
      decorations.push(
        Decoration.inline(
          range.from,
          range.to,
          {
            class: thread.active ? 'comment-range comment-range-active' : 'comment-range',
            'data-thread-id': thread.id,
          },
          { threadId: thread.id },
        ),
      );
    }
    return DecorationSet.create(state.doc, decorations);
  };

  return new Plugin<DecorationSet>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => build(state),
      apply: (tr: Transaction, old: DecorationSet, _oldState, newState) => {
        if (tr.docChanged || tr.getMeta(commentHighlightsKey) === REFRESH || tr.getMeta(ySyncPluginKey)) return build(newState);
        return old.map(tr.mapping, tr.doc);
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state),
    },
    view: (view) => {
      // The mapping fills in after the first render of the binding: draw once it has.
      const first = setTimeout(() => refreshCommentHighlights(view));
      const stop = subscribe?.(() => refreshCommentHighlights(view));
      return {
        destroy: () => {
          clearTimeout(first);
          stop?.();
        },
      };
    },
  });
}

/** Redraws the highlights of one editor (threads changed). */
export function refreshCommentHighlights(view: { state: EditorState; dispatch(tr: Transaction): void; isDestroyed?: boolean }): void {
  if (view.isDestroyed) return;
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, REFRESH).setMeta('addToHistory', false));
}

/**
 * The open, anchored threads of one clause text, from a CommentsStore, as a HighlightSource. It tells
 * the editor to redraw only when that clause's threads changed, not on every thread of the document.
 */
export function highlightSource(
  store: CommentsStore,
  clauseId: string,
  language: string,
  activeThreadId: () => string | null = () => null,
): Required<HighlightSource> {
  const ofClause = (snapshot: ReturnType<CommentsStore['getSnapshot']>): readonly CommentThread[] | undefined => snapshot.byClause.get(clauseId);
  return {
    getThreads: () =>
      (ofClause(store.getSnapshot()) ?? [])
        .filter((t) => t.language === language && t.status === 'open' && t.anchor)
        .map((t) => ({ id: t.id, anchor: { start: t.anchor!.start, end: t.anchor!.end }, active: t.id === activeThreadId() })),
    subscribe: watch(store, ofClause),
  };
}

/** The id of the thread highlighted at a document position (for a click on a highlight), if any. */
export function threadAt(state: EditorState, pos: number): string | null {
  const set = commentHighlightsKey.getState(state);
  const found = set?.find(pos, pos, (spec) => typeof spec.threadId === 'string') ?? [];
  return (found[0]?.spec.threadId as string | undefined) ?? null;
}
