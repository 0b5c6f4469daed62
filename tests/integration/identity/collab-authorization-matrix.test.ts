import { can } from '../../../shared/src/policy';
import { CloseCode } from '../../../shared/src/protocol';
import { startWorld, PEOPLE, type Person, type World } from './support/world';
import { openCollab } from './support/sockets';
import { sleep, waitFor } from '../../utils/wait';
import { collabFrame, kindOf, oneChange, type RawCollabSocket } from '../../utils/raw-collab-socket';
import * as Y from 'yjs';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

const storedRows = async () =>
  Number((await world.pool.query('SELECT count(*) AS n FROM document_updates WHERE document_id = $1', [world.documentId])).rows[0].n);

/** Connects `person` and a watching secretariat member; returns both and the watcher's frame count once settled. */
async function pair(person: Person): Promise<{ client: RawCollabSocket; watcher: RawCollabSocket; seen: () => string[] }> {
  const watcher = await openCollab(world, await world.signInDirectly(world.users.secretariat.id), world.documentId);
  const client = await openCollab(world, await world.freshCredentials(person), world.documentId);
  await sleep(50);
  const baseline = watcher.frames.length;
  return { client, watcher, seen: () => watcher.frames.slice(baseline).map(kindOf) };
}

const close = (...sockets: RawCollabSocket[]) => {
  for (const s of sockets) s.ws.close();
};

describe('the collab upgrade', () => {
  it.each(PEOPLE)('admits %s exactly when the policy lets them read the document', async (person) => {
    const readable = can(world.subject(person), 'document.read', { documentStatus: 'draft' }).allowed;
    const attempt = openCollab(world, await world.freshCredentials(person), world.documentId);
    if (readable) {
      close(await attempt);
    } else {
      const status = { anonymous: 401, expired: 401 }[person as string] ?? 404;
      await expect(attempt).rejects.toMatchObject({ status });
    }
  });
});

const READERS = PEOPLE.filter((p) => !['anonymous', 'expired', 'nonMember'].includes(p));

describe.each(READERS)('collab messages from %s', (person) => {
  const writes = () => can(world.subject(person), 'document.edit_text', { documentStatus: 'draft' }).allowed;

  it.each([
    ['a sync step 2', (u: Uint8Array) => collabFrame.syncStep2(u)],
    ['an update', (u: Uint8Array) => collabFrame.update(u)],
  ])('%s is applied, stored and relayed only if the policy lets them edit the text', async (_name, frame) => {
    const { client, watcher, seen } = await pair(person);
    const before = await storedRows();
    client.ws.send(frame(oneChange(`${person} was here`)));
    if (writes()) {
      await waitFor(() => seen().includes('sync-update'), 'the change to reach the other client');
      expect(await storedRows()).toBe(before + 1);
      expect(client.frames.map(kindOf)).not.toContain('auth-denied');
    } else {
      await waitFor(() => client.frames.map(kindOf).includes('auth-denied'), 'a permission-denied answer');
      await sleep(150);
      expect(await storedRows()).toBe(before);
      expect(seen()).toEqual([]);
    }
    close(client, watcher);
  });

  it('a sync step 1 is answered with the document', async () => {
    const { client, watcher } = await pair(person);
    client.ws.send(collabFrame.syncStep1());
    await waitFor(() => client.frames.map(kindOf).includes('sync-step2'), 'the sync step 2 answer');
    close(client, watcher);
  });

  it('awareness (presence, not text) is relayed, and a query for awareness is answered', async () => {
    const { client, watcher, seen } = await pair(person);
    client.ws.send(collabFrame.awareness([{ clientId: new Y.Doc().clientID, clock: 1, state: { user: { name: person } } }]));
    await waitFor(() => seen().includes('awareness'), 'the presence to reach the other client');
    const before = client.frames.length;
    client.ws.send(collabFrame.queryAwareness());
    await waitFor(() => client.frames.slice(before).map(kindOf).includes('awareness'), 'the awareness answer');
    close(client, watcher);
  });

  it.each([
    ['an auth message', collabFrame.auth],
    ['an unknown message type', collabFrame.unknown],
  ])('%s closes the socket as a bad message', async (_name, frame) => {
    const { client, watcher, seen } = await pair(person);
    client.ws.send(frame());
    expect((await client.closed).code).toBe(CloseCode.BadMessage);
    expect(seen()).toEqual([]);
    close(watcher);
  });
});
