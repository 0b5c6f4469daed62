/**
 * The proposals of a document on the client (client/src/proposals/proposals-store.ts): kept current by
 * `proposal:changed` events and read again after a reconnection; which proposals are my delegation's;
 * which id my next change in a clause takes.
 */
import { ProposalsStore } from '../../../client/src/proposals/proposals-store';
import { SocketEvent } from '../../../shared/src/protocol';
import type { ProposalJSON } from '../../../shared/src/api/proposals';
import { FakeSocket, settle } from '../../utils/fake-live-socket';

const DOC = '00000000-0000-4000-8000-0000000000d1';
const HN = '00000000-0000-4000-8000-0000000000a1';
const US = '00000000-0000-4000-8000-0000000000a2';

function proposal(id: string, changes: Partial<ProposalJSON> = {}): ProposalJSON {
  return {
    id,
    documentId: DOC,
    clauseId: 'c1',
    sponsorParticipantId: HN,
    cosponsorParticipantIds: [],
    author: { id: '00000000-0000-4000-8000-000000000002', displayName: 'María' },
    explanation: null,
    status: 'open',
    createdAt: '2026-12-04T10:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    changes: { es: [{ type: 'insertion', text: ' de buena fe' }] },
    positions: [],
    ...changes,
  };
}

const newId = (n: number) => () => `p_${String(n).padStart(16, '0')}`;

describe('the proposals store', () => {
  it('follows proposal:changed events for its document, and keeps a clause’s list when another clause changes', async () => {
    const socket = new FakeSocket();
    const store = new ProposalsStore(DOC, async () => [proposal('p_00000000000000a1')]);
    const stop = store.start(socket);
    await settle();
    const before = store.getSnapshot().byClause.get('c1');
    socket.emit(SocketEvent.ProposalChanged, { documentId: DOC, proposal: proposal('p_00000000000000b1', { clauseId: 'c2', sponsorParticipantId: US }) });
    socket.emit(SocketEvent.ProposalChanged, { documentId: 'another', proposal: proposal('p_00000000000000c1') });
    expect(store.getSnapshot().byClause.get('c1')).toBe(before);
    expect(
      store
        .getSnapshot()
        .openByClause.get('c2')
        ?.map((p) => p.id),
    ).toEqual(['p_00000000000000b1']);
    expect(store.get('p_00000000000000c1')).toBeUndefined();

    socket.emit(SocketEvent.ProposalChanged, { documentId: DOC, proposal: proposal('p_00000000000000a1', { status: 'accepted' }) });
    expect(store.getSnapshot().openByClause.has('c1')).toBe(false);
    expect(store.get('p_00000000000000a1')?.status).toBe('accepted');
    stop();
  });

  it('reads the list again after a reconnection', async () => {
    const socket = new FakeSocket();
    let reads = 0;
    const store = new ProposalsStore(DOC, async () => {
      reads += 1;
      return reads === 1 ? [] : [proposal('p_00000000000000a1')];
    });
    const stop = store.start(socket);
    await settle();
    socket.emit('connect');
    await settle();
    expect(store.get('p_00000000000000a1')).toBeDefined();
    stop();
  });

  it('reuses my delegation’s open proposal in a clause, and an id it created before the server described it', async () => {
    const store = new ProposalsStore(DOC, async () => [proposal('p_00000000000000a1'), proposal('p_00000000000000b1', { sponsorParticipantId: US })]);
    const stop = store.start(null);
    await settle();
    expect(store.proposalIdFor('c1', HN, ['p_00000000000000b1'], newId(9))).toBe('p_00000000000000a1');
    expect(store.proposalIdFor('c1', US, ['p_00000000000000b1'], newId(9))).toBe('p_00000000000000b1');
    expect(store.isMine('p_00000000000000b1', HN)).toBe(false);

    const made = store.proposalIdFor('c2', HN, [], newId(7));
    expect(made).toBe('p_0000000000000007');
    expect(store.isMine(made, HN)).toBe(true);
    expect(store.proposalIdFor('c2', HN, [], newId(8))).toBe(made);
    stop();
  });

  it('starts a new proposal once my delegation’s one in the clause is decided', async () => {
    const store = new ProposalsStore(DOC, async () => [proposal('p_00000000000000a1', { status: 'accepted' })]);
    const stop = store.start(null);
    await settle();
    expect(store.proposalIdFor('c1', HN, ['p_00000000000000a1'], newId(5))).toBe('p_0000000000000005');
    stop();
  });
});
