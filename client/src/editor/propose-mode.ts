/**
 * The propose-mode plugin of a clause editor: carries what propose-transform.ts needs (whether the mode
 * is on, which proposals are mine, the id to use) and what to do with a refused edit. The editor's
 * dispatchTransaction passes every transaction through `proposeFilter` before applying it.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { proposeTransaction, withoutInheritedProposals, type ProposeContext, type ProposeRefusal } from './propose-transform';

export interface ProposeModeOptions extends ProposeContext {
  /** Read at every transaction: the mode can be switched while the editor is open. */
  enabled(): boolean;
  /** An edit that cannot be proposed was dropped: say why. */
  onRefused(reason: ProposeRefusal): void;
}

export const proposeModeKey = new PluginKey('propose-mode');

export function proposeMode(options: ProposeModeOptions): Plugin {
  return new Plugin({ key: proposeModeKey, options } as ConstructorParameters<typeof Plugin>[0] & { options: ProposeModeOptions });
}

/** Whether this editor's edits are made as proposals now. */
export function proposeModeOn(state: EditorState): boolean {
  const options = (proposeModeKey.get(state)?.spec as { options?: ProposeModeOptions } | undefined)?.options;
  return options?.enabled() ?? false;
}

/** The transaction to apply instead of `tr`: itself, its tracked-change version, or null (dropped). */
export function proposeFilter(state: EditorState, tr: Transaction): Transaction | null {
  const plugin = proposeModeKey.get(state);
  const options = (plugin?.spec as { options?: ProposeModeOptions } | undefined)?.options;
  if (!options) return tr;
  if (!options.enabled()) return withoutInheritedProposals(tr);
  const outcome = proposeTransaction(state, tr, options);
  if (outcome.kind === 'pass') return tr;
  if (outcome.kind === 'rewritten') return outcome.tr;
  options.onRefused(outcome.reason);
  return null;
}
