/**
 * What the clause editors of an open document need about proposals, in one object the workspace keeps
 * for the document's life: the proposals store, the propose-mode switch, the question before reopening
 * an approved clause, and the latest of what may change meanwhile (my Participant, the phase, the
 * language), read at each edit so that no editor is rebuilt when they change.
 */
import type { TFunction } from 'i18next';
import type { Plugin } from 'prosemirror-state';
import type { Participant } from '../../../shared/src/api/participants';
import type { DocumentPhase } from '../../../shared/src/policy';
import type { ToastInput } from '../components/toasts';
import { reopenGuard } from '../editor/reopen-guard';
import { proposalPlugins } from './proposal-plugins';
import { proposalSummary } from './proposal-format';
import type { ProposalsStore } from './proposals-store';
import { ProposeSwitch } from './propose-switch';
import { ReopenRequests } from './reopen-requests';

export interface EditingContext {
  participantId: string | null;
  participants: readonly Participant[];
  phase: DocumentPhase;
  t: TFunction;
  toast(toast: ToastInput): void;
}

export class ProposalEditing {
  readonly propose = new ProposeSwitch();
  readonly reopen = new ReopenRequests();
  private latest: EditingContext;

  constructor(
    readonly store: ProposalsStore,
    initial: EditingContext,
  ) {
    this.latest = initial;
  }

  /** The workspace brings it up to date after each render. */
  follow(context: EditingContext): void {
    this.latest = context;
  }

  plugins(clauseId: string): Plugin[] {
    const { store, propose, reopen } = this;
    return [
      reopenGuard({
        direct: () => this.latest.phase === 'drafting' && !propose.enabled(),
        approvedBy: () => reopen.approvedBy(clauseId),
        confirmed: () => reopen.isConfirmed(clauseId),
        ask: (codes, answer) => reopen.ask(clauseId, codes, answer),
        propose: () => propose.update({ chosen: true }),
        confirm: () => reopen.confirm(clauseId),
      }),
      ...proposalPlugins({
        store,
        clauseId,
        propose,
        participantId: () => this.latest.participantId,
        onRefused: (reason) => this.latest.toast({ message: this.latest.t(`proposals:refused.${reason}`), tone: 'error' }),
        describe: (id) => {
          const proposal = store.get(id);
          return proposal ? proposalSummary(this.latest.t, proposal, this.latest.participants) : null;
        },
      }),
    ];
  }

  /** The server refused one of my updates: tell the person (the workspace opens the document afresh). */
  refused(reason: string): void {
    this.latest.toast({ message: this.latest.t('proposals:refused.byServer', { reason }), tone: 'error', duration: 0 });
  }
}
