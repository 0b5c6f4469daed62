import type { Socket } from 'socket.io-client';
import { SocketEvent, CloseCode } from '../../../shared/src/protocol';
import { sweepSessions } from '../../../server/src/realtime/session-sweeper';
import { startWorld, insertUser, insertMembership, type Credentials, type World } from './support/world';
import { connectSocketIo, emitWithAck, openCollab } from './support/sockets';
import type { RawCollabSocket } from '../../utils/raw-collab-socket';
import { waitFor } from '../../utils/wait';
import { requestAs } from '../../utils/people';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

/** A fresh member of the document with one open socket.io connection (joined) and one collab websocket. */
async function connectedMember(
  role: 'delegate' | 'observer' = 'delegate',
): Promise<{ userId: string; membershipId: string; who: Credentials; socket: Socket; collab: RawCollabSocket; events: string[] }> {
  const userId = await insertUser(world.pool, `member-${Math.random().toString(36).slice(2)}@identity.test`);
  const membershipId = await insertMembership(world.pool, world.documentId, userId, role, role === 'delegate' ? world.participantP : null);
  const who = await world.signInDirectly(userId);
  const socket = await connectSocketIo(world, who);
  const events: string[] = [];
  socket.onAny((event: string) => events.push(event));
  expect(await emitWithAck(socket, SocketEvent.JoinDocument, { documentId: world.documentId })).toEqual({ ok: true });
  const collab = await openCollab(world, who, world.documentId);
  return { userId, membershipId, who, socket, collab, events };
}

const within5s = (ms: number) => expect(ms).toBeLessThan(5000);

describe('the end of access closes every socket of that person', () => {
  it('closes the socket.io and collab sockets of a session at logout, within 5 s', async () => {
    const m = await connectedMember();
    const other = await world.signInDirectly(m.userId);
    const otherSocket = await connectSocketIo(world, other);
    expect((await requestAs(world.server, m.who, 'POST', '/api/auth/logout', {})).status).toBe(204);
    within5s(await waitFor(() => m.socket.disconnected && m.collab.isClosed(), 'sockets of the ended session to close'));
    expect(m.events).toContain(SocketEvent.SessionEnded);
    expect((await m.collab.closed).code).toBe(CloseCode.SessionEnded);
    // Another session of the same person is not affected.
    expect(otherSocket.connected).toBe(true);
    otherSocket.close();
  });

  it('closes every socket of an account an administrator disables, within 5 s', async () => {
    const m = await connectedMember();
    const second = await connectSocketIo(world, await world.signInDirectly(m.userId));
    const answer = await requestAs(world.server, world.as.admin, 'PATCH', `/api/users/${m.userId}`, { disabled: true });
    expect(answer.status).toBe(200);
    expect(answer.body.user.disabled).toBe(true);
    within5s(await waitFor(() => m.socket.disconnected && second.disconnected && m.collab.isClosed(), 'sockets of the disabled account to close'));
    expect((await requestAs(world.server, m.who, 'GET', '/api/me')).body.error.code).toBe('session_expired');
    await expect(connectSocketIo(world, m.who)).rejects.toMatchObject({ data: { code: 'session_expired' } });
  });

  it('takes a removed member out of the document on socket.io and closes their collab socket, within 5 s', async () => {
    const m = await connectedMember();
    const answer = await requestAs(world.server, world.as.secretariat, 'DELETE', `/api/documents/${world.documentId}/memberships/${m.membershipId}`);
    expect(answer.status).toBe(204);
    within5s(await waitFor(() => m.collab.isClosed() && m.events.includes(SocketEvent.AccessChanged), 'the removed member to lose the document'));
    expect((await m.collab.closed).code).toBe(CloseCode.Forbidden);
    // Nothing sent to the document's room reaches them any more; the rejoin is refused.
    expect(await emitWithAck(m.socket, SocketEvent.JoinDocument, { documentId: world.documentId })).toMatchObject({ error: { code: 'not_found' } });
    await expect(openCollab(world, m.who, world.documentId)).rejects.toMatchObject({ status: 404 });
    m.socket.close();
  });

  it('closes the sockets of a session that ran out, when the sweeper ends it', async () => {
    const m = await connectedMember('observer');
    await world.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [m.who.sessionId]);
    await sweepSessions(world.server.concordia.ctx, () => []);
    within5s(await waitFor(() => m.socket.disconnected && m.collab.isClosed(), 'sockets of the expired session to close'));
  });
});
