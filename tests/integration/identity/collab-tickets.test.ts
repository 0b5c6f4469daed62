import { startWorld, type World } from './support/world';
import { openCollab } from './support/sockets';
import { waitFor } from '../../utils/wait';
import { collabFrame, kindOf, oneChange } from '../../utils/raw-collab-socket';
import { requestAs } from '../../utils/people';

let world: World;
beforeAll(async () => {
  world = await startWorld({ COLLAB_TOKEN_SECONDS: '60' });
});
afterAll(async () => {
  await world.stop();
});

const ticket = async (who = world.as.delegateP, documentId = world.documentId) =>
  (await requestAs(world.server, who, 'POST', `/api/documents/${documentId}/collab-token`, {})).body as { token: string; expiresAt: string };

describe('collab tickets (?token=)', () => {
  it('open the collab socket once, without a cookie, for about a minute', async () => {
    const { token, expiresAt } = await ticket();
    const seconds = (Date.parse(expiresAt) - Date.now()) / 1000;
    expect(seconds).toBeGreaterThan(50);
    expect(seconds).toBeLessThanOrEqual(61);
    const socket = await openCollab(world, world.as.anonymous, world.documentId, { token });
    socket.ws.close();
    await expect(openCollab(world, world.as.anonymous, world.documentId, { token })).rejects.toMatchObject({ status: 401 });
  });

  it('work only for the document they were issued for', async () => {
    const { token } = await ticket(world.as.nonMember, world.otherDocumentId);
    await expect(openCollab(world, world.as.anonymous, world.documentId, { token })).rejects.toMatchObject({ status: 401 });
  });

  it('die with the session they were issued to, and when they expire', async () => {
    const who = await world.signInDirectly(world.users.delegateP.id);
    const { token } = await ticket(who);
    await requestAs(world.server, who, 'POST', '/api/auth/logout', {});
    await expect(openCollab(world, world.as.anonymous, world.documentId, { token })).rejects.toMatchObject({ status: 401 });
    const late = await ticket();
    await world.pool.query(`UPDATE collab_tokens SET expires_at = now() - interval '1 second'`);
    await expect(openCollab(world, world.as.anonymous, world.documentId, { token: late.token })).rejects.toMatchObject({ status: 401 });
  });

  it('carry the person’s role: a reviewer’s ticket opens a read-only connection', async () => {
    const { token } = await ticket(world.as.reviewer);
    const socket = await openCollab(world, world.as.anonymous, world.documentId, { token });
    socket.ws.send(collabFrame.update(oneChange()));
    await waitFor(() => socket.frames.map(kindOf).includes('auth-denied'), 'a permission-denied answer');
    socket.ws.close();
  });
});
