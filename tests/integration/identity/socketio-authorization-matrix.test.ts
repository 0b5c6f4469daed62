import type { Socket } from 'socket.io-client';
import { can } from '../../../shared/src/policy';
import { SocketEvent } from '../../../shared/src/protocol';
import { startWorld, PEOPLE, type World } from './support/world';
import { connectSocketIo, emitWithAck } from './support/sockets';
import { sleep } from '../../utils/wait';

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
