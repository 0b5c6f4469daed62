/**
 * The proposals of one document as this client knows them, on the shared live store
 * (realtime/live-store.ts): read over REST (again after every reconnection), kept current by socket.io
 * `proposal:changed` events and by the answers to this person's own actions. A proposal is replaced only
 * by one that says something new; a clause's list stays the same array while none of its proposals changed.
 *
 * It also remembers the ids this page created before the server has told anyone about them, so that
 * my next keystroke in the clause (in either language) extends the same proposal.
 */
import { SocketEvent } from '../../../shared/src/protocol';
import type { ProposalChangedEvent, ProposalJSON } from '../../../shared/src/api/proposals';
import { aboutDocument, LiveStore, sameOr, type Change } from '../realtime/live-store';

export interface ProposalsData {
  byId: ReadonlyMap<string, ProposalJSON>;
  /** Each clause's proposals, open ones first, then newest first. */
  byClause: ReadonlyMap<string, readonly ProposalJSON[]>;
  /** Open proposals per clause, for the gutter. */
  openByClause: ReadonlyMap<string, readonly ProposalJSON[]>;
}

const NONE: readonly ProposalJSON[] = [];

export class ProposalsStore extends LiveStore<ProposalsData> {
  /** Ids this page created, by clause: mine before the server's list says so. */
  private readonly created = new Map<string, string>();

  constructor(
    readonly documentId = '',
    loadProposals: (signal: AbortSignal) => Promise<readonly ProposalJSON[]> = async () => NONE,
  ) {
    super({
      initial: indexProposals(NONE),
      load: async (signal) => indexProposals(await loadProposals(signal)),
      merge: (loaded, held) => indexProposals([...loaded.byId.values()], held),
      events: {
        [SocketEvent.ProposalChanged]: (event: ProposalChangedEvent) => (aboutDocument(documentId, event) ? proposalChanged(event.proposal) : null),
      },
    });
  }

  upsert(proposal: ProposalJSON): void {
    this.apply(proposalChanged(proposal));
  }

  get(proposalId: string): ProposalJSON | undefined {
    return this.getSnapshot().byId.get(proposalId);
  }

  /** Whether my Participant sponsors this proposal (or this page created it). */
  isMine(proposalId: string, participantId: string | null): boolean {
    const known = this.get(proposalId);
    if (known) return participantId !== null && known.sponsorParticipantId === participantId;
    return [...this.created.values()].includes(proposalId);
  }

  /**
   * The id of my next change in a clause: an open proposal of mine found in its text, or the one my
   * Participant has open there, or the one this page created for it, or a new one.
   */
  proposalIdFor(clauseId: string, participantId: string | null, inText: Iterable<string>, create: () => string): string {
    const open = (id: string) => {
      const known = this.get(id);
      return known ? known.status === 'open' && known.sponsorParticipantId === participantId : [...this.created.values()].includes(id);
    };
    for (const id of inText) if (open(id)) return id;
    const listed = this.getSnapshot()
      .openByClause.get(clauseId)
      ?.find((proposal) => proposal.sponsorParticipantId === participantId);
    if (listed && participantId) return listed.id;
    const made = this.created.get(clauseId);
    if (made && open(made)) return made;
    const id = create();
    this.created.set(clauseId, id);
    return id;
  }
}

/** A proposal as it is now (an event, or the answer to an action). */
export const proposalChanged =
  (proposal: ProposalJSON): Change<ProposalsData> =>
  (held) => {
    const current = held.byId.get(proposal.id);
    if (current && JSON.stringify(current) === JSON.stringify(proposal)) return held;
    const byId = new Map(held.byId);
    byId.set(proposal.id, proposal);
    return indexProposals([...byId.values()], held);
  };

const order = (a: ProposalJSON, b: ProposalJSON) =>
  Number(b.status === 'open') - Number(a.status === 'open') || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);

export function indexProposals(list: readonly ProposalJSON[], previous?: ProposalsData): ProposalsData {
  const sorted = [...list].sort(order);
  const grouped = new Map<string, ProposalJSON[]>();
  for (const proposal of sorted) {
    const group = grouped.get(proposal.clauseId);
    if (group) group.push(proposal);
    else grouped.set(proposal.clauseId, [proposal]);
  }
  const byClause = new Map<string, readonly ProposalJSON[]>();
  const openByClause = new Map<string, readonly ProposalJSON[]>();
  for (const [clauseId, group] of grouped) {
    byClause.set(clauseId, sameOr(previous?.byClause.get(clauseId), group));
    const open = group.filter((proposal) => proposal.status === 'open');
    if (open.length > 0) openByClause.set(clauseId, sameOr(previous?.openByClause.get(clauseId), open));
  }
  return { byId: new Map(sorted.map((proposal) => [proposal.id, proposal])), byClause, openByClause };
}
