/**
 * A negotiation may require a second factor (issue 21): the secretariat, having one itself, requires it;
 * from then on a member without one is refused that negotiation on REST, socket.io and collab alike,
 * with a translated error that tells them to add one — and open sockets lose it at once.
 */
import type { Socket } from 'socket.io-client';
import { SocketEvent } from '../../../shared/src/protocol';
import { startWorld, type World } from './support/world';
import { connectSocketIo, emitWithAck, openCollab } from './support/sockets';
import { requestAs } from '../../utils/people';
import { waitFor } from '../../utils/wait';
import { enableTotp } from './support/second-factor';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.stop());

const requirement = (documentId: string) => `/api/documents/${documentId}/second-factor-requirement`;

describe('requiring a second factor of a negotiation', () => {
  it('is refused to a secretariat without a second factor of its own, and to a delegate', async () => {
    const own = await requestAs(world.server, world.as.secretariat, 'PUT', requirement(world.documentId), { required: true });
    expect([own.status, own.body.error.code]).toEqual([409, 'second_factor_needed_first']);
    const delegate = await requestAs(world.server, world.as.delegateP, 'PUT', requirement(world.documentId), { required: true });
    expect([delegate.status, delegate.body.error.code]).toEqual([403, 'forbidden']);
    const bad = await requestAs(world.server, world.as.secretariat, 'PUT', requirement(world.documentId), { required: 'yes' });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    expect((await requestAs(world.server, world.as.delegateP, 'GET', requirement(world.documentId))).body).toEqual({ required: false });
  });

  it('refuses members without a second factor on every channel, in their language, and admits them once they add one', async () => {
    const socket: Socket = await connectSocketIo(world, world.as.observer);
    const events: string[] = [];
    socket.onAny((event: string) => events.push(event));
    expect(await emitWithAck(socket, SocketEvent.JoinDocument, { documentId: world.documentId })).toEqual({ ok: true });
    const collab = await openCollab(world, world.as.observer, world.documentId);

    await enableTotp(world, world.as.secretariat);
    const set = await requestAs(world.server, world.as.secretariat, 'PUT', requirement(world.documentId), { required: true });
    expect([set.status, set.body]).toEqual([200, { required: true }]);
    const audit = await world.pool.query(`SELECT subject FROM audit_events WHERE action = 'second_factor.requirement_changed' AND document_id = $1`, [
      world.documentId,
    ]);
    expect(audit.rows.map((r) => r.subject)).toEqual([{ required: true }]);

    // Open sockets lose the negotiation at once.
    await waitFor(() => collab.isClosed() && events.includes(SocketEvent.AccessChanged), 'the observer’s sockets to lose the negotiation');

    // A signed-in person reads errors in the language they chose.
    await world.pool.query(`UPDATE users SET ui_language = 'es' WHERE id = $1`, [world.users.delegateP.id]);
    const rest = await requestAs(world.server, world.as.delegateP, 'GET', `/api/documents/${world.documentId}`);
    expect([rest.status, rest.body.error.code]).toEqual([403, 'second_factor_required']);
    expect(rest.body.error.message).toContain('Segundo factor');
    const write = await requestAs(world.server, world.as.delegateP, 'PUT', `/api/documents/${world.documentId}/visit`, {});
    expect(write.body.error.code).toBe('second_factor_required');
    expect(await emitWithAck(socket, SocketEvent.JoinDocument, { documentId: world.documentId })).toMatchObject({ error: { code: 'second_factor_required' } });
    await expect(openCollab(world, world.as.observer, world.documentId)).rejects.toMatchObject({ status: 403 });
    // The secretariat, who has one, keeps the negotiation; another negotiation is not concerned.
    expect((await requestAs(world.server, world.as.secretariat, 'GET', `/api/documents/${world.documentId}`)).status).toBe(200);
    expect((await requestAs(world.server, world.as.nonMember, 'GET', `/api/documents/${world.otherDocumentId}`)).status).toBe(200);
    // Someone who is no member learns nothing new about it.
    expect((await requestAs(world.server, world.as.nonMember, 'GET', `/api/documents/${world.documentId}`)).body.error.code).not.toBe('second_factor_required');

    await enableTotp(world, world.as.delegateP);
    expect((await requestAs(world.server, world.as.delegateP, 'GET', `/api/documents/${world.documentId}`)).status).toBe(200);
    const joined = await openCollab(world, world.as.observer, world.documentId).catch((err: { status: number }) => err.status);
    expect(joined).toBe(403);
    socket.close();

    const off = await requestAs(world.server, world.as.secretariat, 'PUT', requirement(world.documentId), { required: false });
    expect(off.body).toEqual({ required: false });
    expect((await requestAs(world.server, world.as.observer, 'GET', `/api/documents/${world.documentId}`)).status).toBe(200);
  });
});
