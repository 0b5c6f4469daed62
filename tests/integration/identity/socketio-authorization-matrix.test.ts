import type { Socket } from 'socket.io-client';
import { can, type Role } from '../../../shared/src/policy';
import { SocketEvent } from '../../../shared/src/protocol';
import { canReadThread } from '../../../shared/src/comment-visibility';
import type { CommentThreadChangedEvent } from '../../../shared/src/api/comments';
import { startWorld, insertMembership, insertUser, PEOPLE, type World } from './support/world';
import { connectSocketIo, emitWithAck } from './support/sockets';
import { requestAs } from '../../utils/people';
import { sleep, waitFor } from '../../utils/wait';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

const serverRooms = (socket: Socket) =>
  [...(world.server.concordia.io.of('/').sockets.get(socket.id!)?.rooms ?? [])].filter((r) => r.startsWith('doc:')).sort();
const SIGNED_IN = PEOPLE.filter((p) => p !== 'anonymous' && p !== 'expired');

describe('the socket.io handshake', () => {
  it.each([
    ['anonymous', 'unauthenticated'],
    ['expired', 'session_expired'],
  ] as const)('[P1] refuses %s with %s', async (person, code) => {
    await expect(connectSocketIo(world, await world.freshCredentials(person))).rejects.toMatchObject({ data: { code } });
  });
  it.each(SIGNED_IN)('accepts %s (signed in)', async (person) => {
    const socket = await connectSocketIo(world, await world.freshCredentials(person));
    expect(socket.connected).toBe(true);
    socket.close();
  });
});

describe.each(SIGNED_IN)('socket.io events from %s', (person) => {
  let socket: Socket;
  beforeEach(async () => {
    socket = await connectSocketIo(world, await world.freshCredentials(person));
  });
  afterEach(() => {
    socket.close();
  });
  const reads = (documentStatus: 'draft' = 'draft') => can(world.subject(person), 'document.read', { documentStatus }).allowed;

  it('[P5] document:join enters the document’s room, and the delegation’s room, exactly as the policy says', async () => {
    const answer = await emitWithAck(socket, SocketEvent.JoinDocument, { documentId: world.documentId });
    if (!reads()) {
      expect(answer).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
      expect(serverRooms(socket)).toEqual([]);
      return;
    }
    expect(answer).toEqual({ ok: true });
    const subject = world.subject(person)!;
    const own = subject.membership ? subject.membership.participantId : undefined;
    const expected = [`doc:${world.documentId}`];
    if (own !== undefined && can(subject, 'comment.read_internal', { participantId: own }).allowed)
      expected.push(`doc:${world.documentId}:p:${own ?? 'secretariat'}`);
    expect(serverRooms(socket)).toEqual(expected.sort());
  });

  it('document:join of a negotiation they are not in is refused, with nothing joined', async () => {
    const answer = await emitWithAck(socket, SocketEvent.JoinDocument, { documentId: world.otherDocumentId });
    const allowed = person === 'nonMember' || person === 'admin';
    expect(answer).toEqual(allowed ? { ok: true } : { error: { code: 'not_found', message: 'Not found.' } });
    expect(serverRooms(socket).length > 0).toBe(allowed);
  });

  it('events sent to a document’s room reach its readers only', async () => {
    await emitWithAck(socket, SocketEvent.JoinDocument, { documentId: world.documentId });
    const received: unknown[] = [];
    socket.on('test:probe', (payload) => received.push(payload));
    world.server.concordia.io.to(`doc:${world.documentId}`).emit('test:probe', { n: 1 });
    world.server.concordia.io.to(`doc:${world.documentId}:p:${world.participantP}`).emit('test:probe', { internal: 'GT' });
    await sleep(100);
    const expected: unknown[] = reads() ? [{ n: 1 }] : [];
    if (person === 'delegateP') expected.push({ internal: 'GT' });
    expect(received).toEqual(expected);
  });

  it('document:leave leaves every room of the document', async () => {
    await emitWithAck(socket, SocketEvent.JoinDocument, { documentId: world.documentId });
    expect(await emitWithAck(socket, SocketEvent.LeaveDocument, { documentId: world.documentId })).toEqual({ ok: true });
    expect(serverRooms(socket)).toEqual([]);
  });

  it('a malformed payload, an unknown field and an unknown event are answered with an error', async () => {
    expect(await emitWithAck(socket, SocketEvent.JoinDocument, { documentId: 'not-an-id' })).toMatchObject({ error: { code: 'validation_failed' } });
    expect(await emitWithAck(socket, SocketEvent.JoinDocument, { documentId: world.documentId, role: 'secretariat' })).toMatchObject({
      error: { code: 'unknown_field' },
    });
    expect(await emitWithAck(socket, 'document:approve_everything', { documentId: world.documentId })).toMatchObject({ error: { code: 'bad_request' } });
    expect(serverRooms(socket)).toEqual([]);
  });
});

/**
 * Every change of role × Participant, made through the API while the person's socket stays open:
 * from the moment the change is answered, the socket hears internal notes only of the delegation its
 * new membership reads [V2, V3], and once `document:access_changed` arrives it is in exactly those rooms.
 */
describe('socket.io rooms after a membership change', () => {
  type State = { role: Role; participant: 'P' | 'Q' | null };
  const STATES: Record<string, State> = {
    secretariat: { role: 'secretariat', participant: null },
    'delegate of P': { role: 'delegate', participant: 'P' },
    'delegate of Q': { role: 'delegate', participant: 'Q' },
    'legal reviewer of P': { role: 'legal_reviewer', participant: 'P' },
    'legal reviewer without a Participant': { role: 'legal_reviewer', participant: null },
    observer: { role: 'observer', participant: null },
  };
  const participantOf = (state: State) => (state.participant === 'P' ? world.participantP : state.participant === 'Q' ? world.participantQ : null);
  /** The audiences of internal notes: the secretariat's, P's and Q's (null: public). */
  const AUDIENCES = [null, 'secretariat', 'P', 'Q'] as const;
  const audienceKey = (a: (typeof AUDIENCES)[number]) => (a === 'P' ? world.participantP : a === 'Q' ? world.participantQ : a);
  const heard = (state: State | null) =>
    AUDIENCES.filter((a) => {
      if (!state) return false;
      if (a === null) return true;
      return canReadThread(
        { role: state.role, participantId: participantOf(state) },
        { visibility: 'delegation', delegationParticipantId: a === 'secretariat' ? null : audienceKey(a) },
      );
    });
  const expectedRooms = (state: State | null) => {
    if (!state) return [];
    const rooms = [`doc:${world.documentId}`];
    for (const a of heard(state)) if (a !== null) rooms.push(`doc:${world.documentId}:p:${a === 'secretariat' ? 'secretariat' : audienceKey(a)}`);
    return rooms.sort();
  };

  let n = 0;
  const CHANGES = Object.keys(STATES).flatMap((from) => [...Object.keys(STATES).filter((to) => to !== from), 'removed'].map((to) => [from, to] as const));

  it.each(CHANGES)('%s → %s', async (from, to) => {
    const target = to === 'removed' ? null : STATES[to];
    const email = `rooms-${++n}-${Date.now()}@identity.test`;
    const userId = await insertUser(world.pool, email);
    const membershipId = await insertMembership(world.pool, world.documentId, userId, STATES[from].role, participantOf(STATES[from]));
    const socket = await connectSocketIo(world, await world.signInDirectly(userId));
    try {
      const received: string[] = [];
      const accessChanged: unknown[] = [];
      socket.on(SocketEvent.CommentThreadChanged, (event: { commentId: string }) => received.push(event.commentId));
      socket.on(SocketEvent.AccessChanged, (event: unknown) => accessChanged.push(event));
      expect(await emitWithAck(socket, SocketEvent.JoinDocument, { documentId: world.documentId })).toEqual({ ok: true });
      expect(serverRooms(socket)).toEqual(expectedRooms(STATES[from]));

      const note = (label: string) => {
        for (const a of AUDIENCES) {
          const audience = a === null ? null : audienceKey(a);
          const event = {
            documentId: world.documentId,
            change: 'created',
            commentId: `${label}:${a ?? 'public'}`,
            thread: {},
          } as unknown as CommentThreadChangedEvent;
          world.server.concordia.ctx.events.emit('comment.thread_changed', { ...event, audience });
        }
      };
      const answer =
        target === null
          ? await requestAs(world.server, world.as.secretariat, 'DELETE', `/api/documents/${world.documentId}/memberships/${membershipId}`)
          : await requestAs(world.server, world.as.secretariat, 'PATCH', `/api/documents/${world.documentId}/memberships/${membershipId}`, {
              role: target.role,
              participantId: participantOf(target),
            });
      expect(answer.status).toBeLessThan(300);
      note('at once');
      await waitFor(() => accessChanged.length > 0, 'document:access_changed');
      expect(serverRooms(socket)).toEqual(expectedRooms(target));
      note('after');
      await sleep(100);
      const newAudience = heard(target).map((a) => a ?? 'public');
      // Right after the change, public events may still reach a removed member; internal ones never reach a former audience.
      const formerOnly = AUDIENCES.map((a) => a ?? 'public').filter((a) => a !== 'public' && !newAudience.includes(a));
      expect(received.filter((r) => formerOnly.some((a) => r === `at once:${a}`))).toEqual([]);
      expect(received.filter((r) => r.startsWith('after:')).sort()).toEqual(newAudience.map((a) => `after:${a}`).sort());
    } finally {
      socket.close();
    }
  });
});
