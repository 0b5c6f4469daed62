/**
 * Whether this person's edits are proposals, read by every clause editor at each keystroke: always in
 * the negotiation phase for a delegate, by choice in the drafting phase, never for the secretariat
 * (it edits the agreed text directly). Also the view of the text (inline, as if accepted, agreed only).
 */
export type ProposalView = 'inline' | 'proposed' | 'agreed';
export const PROPOSAL_VIEWS: readonly ProposalView[] = ['inline', 'proposed', 'agreed'];

export interface ProposeState {
  /** The person may propose at all (proposal.create). */
  canPropose: boolean;
  /** The person may edit the agreed text directly (document.edit_text). */
  canEditDirectly: boolean;
  /** Chosen by the person where both are possible. */
  chosen: boolean;
  view: ProposalView;
}

export class ProposeSwitch {
  private state: ProposeState = { canPropose: false, canEditDirectly: false, chosen: false, view: 'inline' };
  private readonly listeners = new Set<() => void>();

  readonly getSnapshot = (): ProposeState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Whether an edit now becomes a proposal. */
  readonly enabled = (): boolean => proposing(this.state);

  update(change: Partial<ProposeState>): void {
    const next = { ...this.state, ...change };
    if ((Object.keys(next) as Array<keyof ProposeState>).every((key) => next[key] === this.state[key])) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

export function proposing(state: ProposeState): boolean {
  return state.canPropose && (!state.canEditDirectly || state.chosen);
}

/** What the permissions (which already reflect the phase, [P7]) allow. */
export function proposeRules(permissions: ReadonlySet<string>): Pick<ProposeState, 'canPropose' | 'canEditDirectly'> {
  return { canPropose: permissions.has('proposal.create'), canEditDirectly: permissions.has('document.edit_text') };
}
