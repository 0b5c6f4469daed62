/**
 * The proposal plugins of one clause editor: propose mode (editor/propose-mode.ts) with this page's
 * knowledge of which proposals are my delegation's, and a title on every tracked change saying whose
 * proposal it is, by whom, when, and the positions (hover; the margin marker and the panel say the same
 * to the keyboard).
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Node as PMNode } from 'prosemirror-model';
import { newProposalId, proposalIds } from '../../../shared/src/proposals';
import { schema } from '../../../shared/src/schema';
import { proposeMode } from '../editor/propose-mode';
import type { ProposeRefusal } from '../editor/propose-transform';
import type { ProposalsStore } from './proposals-store';
import type { ProposeSwitch } from './propose-switch';

export interface ProposalPluginOptions {
  store: ProposalsStore;
  clauseId: string;
  propose: ProposeSwitch;
  /** My Participant (read at each edit: it may change while the page is open). */
  participantId(): string | null;
  onRefused(reason: ProposeRefusal): void;
  /** The sentence about a proposal for its title, or null while the server has not described it. */
  describe(proposalId: string): string | null;
}

export function proposalPlugins(options: ProposalPluginOptions): Plugin[] {
  const { store, clauseId, propose, participantId } = options;
  return [
    proposeMode({
      enabled: propose.enabled,
      isMine: (id) => store.isMine(id, participantId()),
      proposalId: (doc) => store.proposalIdFor(clauseId, participantId(), proposalIds(doc), newProposalId),
      onRefused: options.onRefused,
    }),
    proposalTitles(store, options.describe),
  ];
}

const titlesKey = new PluginKey<DecorationSet>('proposal-titles');
const REFRESH = 'refresh';

function titles(doc: PMNode, describe: (id: string) => string | null): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const sentences = node.marks
      .filter((mark) => mark.type === schema.marks.insertion || mark.type === schema.marks.deletion)
      .map((mark) => describe(mark.attrs.id as string))
      .filter((sentence): sentence is string => sentence !== null);
    if (sentences.length > 0) decorations.push(Decoration.inline(pos, pos + node.nodeSize, { title: sentences.join('\n') }));
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

function proposalTitles(store: ProposalsStore, describe: (id: string) => string | null): Plugin {
  return new Plugin<DecorationSet>({
    key: titlesKey,
    state: {
      init: (_config, state) => titles(state.doc, describe),
      apply: (tr, held, _old, state) => (tr.docChanged || tr.getMeta(titlesKey) === REFRESH ? titles(state.doc, describe) : held),
    },
    props: { decorations: (state) => titlesKey.getState(state) },
    view: (view) => {
      let last = store.getSnapshot().byId;
      const unsubscribe = store.subscribe(() => {
        const next = store.getSnapshot().byId;
        if (next === last || view.isDestroyed) return;
        last = next;
        view.dispatch(view.state.tr.setMeta(titlesKey, REFRESH));
      });
      return { destroy: unsubscribe };
    },
  });
}
