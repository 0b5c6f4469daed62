/**
 * Before a direct edit changes a clause some Participant has approved (drafting phase), the person is
 * asked: the change will reopen it. The editor's dispatchTransaction holds the edit while the question
 * is open; the answer either applies it (directly, or as a proposal) or drops it.
 */
import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { isLocalEdit } from './propose-transform';

export type ReopenChoice = 'propose' | 'edit' | 'cancel';

export interface ReopenGuardOptions {
  /** Whether a local edit now goes straight into the agreed text (not a proposal). */
  direct(): boolean;
  /** Codes of the Participants whose approval of the clause is current; empty when none. */
  approvedBy(): string[];
  /** Whether the person already chose "Edit anyway" for this clause while it is approved. */
  confirmed(): boolean;
  /** Asks; `answer` runs once with the choice. */
  ask(codes: string[], answer: (choice: ReopenChoice) => void): void;
  /** The person chose to propose: switch propose mode on. */
  propose(): void;
  /** The person chose to edit anyway. */
  confirm(): void;
}

export const reopenGuardKey = new PluginKey('reopen-guard');

export function reopenGuard(options: ReopenGuardOptions): Plugin {
  return new Plugin({ key: reopenGuardKey, options } as ConstructorParameters<typeof Plugin>[0] & { options: ReopenGuardOptions });
}

/** True when `tr` is held until the person answers (it is dispatched again if they go on). */
export function holdForReopen(view: EditorView, tr: Transaction): boolean {
  const options = (reopenGuardKey.get(view.state)?.spec as { options?: ReopenGuardOptions } | undefined)?.options;
  if (!options || !isLocalEdit(tr) || !options.direct() || options.confirmed()) return false;
  const codes = options.approvedBy();
  if (codes.length === 0) return false;
  options.ask(codes, (choice) => {
    if (choice === 'cancel') return;
    if (choice === 'propose') options.propose();
    else options.confirm();
    // The edit was made on the text as it was then; if it changed meanwhile, the person types again.
    if (!view.isDestroyed && view.state.doc.eq(tr.before)) {
      view.focus();
      view.dispatch(tr);
    }
  });
  return true;
}
