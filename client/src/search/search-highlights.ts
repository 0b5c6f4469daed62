/**
 * searchHighlights(store, clauseId, language): the matches of the open search in one clause editor, as
 * inline decorations (the current one drawn stronger), redrawn when the matches of this text change.
 * Like the comment highlights (comments/comment-highlights.ts), it reaches each editor through the
 * workspace's `editorPlugins`.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type { SearchStore } from './search-store';

export const searchHighlightsKey = new PluginKey<DecorationSet>('concordia-search-highlights');
const REFRESH = 'refresh';

export function searchHighlights(store: SearchStore, clauseId: string, language: string): Plugin<DecorationSet> {
  const build = (state: EditorState): DecorationSet => {
    const { matches, current } = store.matchesOf(clauseId, language);
    if (matches.length === 0) return DecorationSet.empty;
    const size = state.doc.content.size;
    const decorations = matches
      .filter((match) => match.to <= size && match.from < match.to)
      .map((match) =>
        Decoration.inline(match.from, match.to, {
          class: match === current ? 'search-match search-match-current' : 'search-match',
        }),
      );
    return DecorationSet.create(state.doc, decorations);
  };

  return new Plugin<DecorationSet>({
    key: searchHighlightsKey,
    state: {
      init: (_config, state) => build(state),
      // The binding's own transactions (its first render replaces the whole text, then remote edits)
      // would map every highlight away: draw them again from the store, which follows the Y.Doc too.
      apply: (tr, old, _oldState, newState) =>
        tr.getMeta(searchHighlightsKey) === REFRESH || (tr.docChanged && tr.getMeta(ySyncPluginKey)) ? build(newState) : old.map(tr.mapping, tr.doc),
    },
    props: {
      decorations: (state) => searchHighlightsKey.getState(state),
    },
    view: (view) => {
      // Redraw only when what this text shows changed, not on every change of the search.
      let shown = signature();
      function signature(): string {
        const { matches, current } = store.matchesOf(clauseId, language);
        return `${matches.map((m) => `${m.from}-${m.to}`).join(',')}|${current ? `${current.from}-${current.to}` : ''}`;
      }
      const unregister = store.register(clauseId, language, view);
      const stop = store.subscribe(() => {
        const next = signature();
        if (next === shown || view.isDestroyed) return;
        shown = next;
        view.dispatch(view.state.tr.setMeta(searchHighlightsKey, REFRESH).setMeta('addToHistory', false));
      });
      return {
        destroy: () => {
          stop();
          unregister();
        },
      };
    },
  });
}
