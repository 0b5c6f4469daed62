/**
 * Presence (awareness) is said by the browser but vouched for by the server: a person appears with
 * the name, role, delegation and colour of their session whatever their browser sent, and one person's
 * presence is bounded (client ids, messages and bytes a second, open connections), so nobody can fill
 * every other client's screen or socket with it.
 */
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { signIn, DEMO_EMAILS, type Person } from '../utils/people';
import { collabFrame, kindOf, openRawSocket, type RawCollabSocket, type UpgradeRefused } from '../utils/raw-collab-socket';
import { NEUTRAL_COLOR } from '../../shared/src/presence';
import { PRESENCE_LIMITS } from '../../server/src/collab/presence-budget';

let server: TestServer;
let observer: Person;
let delegate: Person;
let secretariat: Person;
const sockets: RawCollabSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_MAX_CONNECTIONS_PER_USER: '4' });
  [observer, delegate, secretariat] = await Promise.all([DEMO_EMAILS.observer, DEMO_EMAILS.gt, DEMO_EMAILS.secretariat].map((email) => signIn(server, email)));
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(async () => {
  await server.stop();
});

const documentId = () => server.concordia.demo!.documentId;

async function rawAs(person: Person): Promise<RawCollabSocket> {
  const socket = openRawSocket(server.wsUrl, documentId(), { cookie: person.cookie });
  sockets.push(socket);
  await socket.opened;
  return socket;
}

/** Every byte of awareness frames a socket received. */
const awarenessBytes = (socket: RawCollabSocket) =>
  socket.frames.filter((frame) => kindOf(frame) === 'awareness').reduce((sum, frame) => sum + frame.byteLength, 0);

it('shows an observer who claims to be "Ana Secretariat, secretariat" as who they are, keeping where they are', async () => {
  const watcher = connectClient(server.wsUrl, documentId(), { headers: { cookie: secretariat.cookie } });
  try {
    await watcher.synced();
    const impostor = await rawAs(observer);
    const claimed = { id: secretariat.userId, name: 'Ana Secretariat', color: '#B91C1C', participant: 'US', role: 'secretariat' };
    impostor.send(collabFrame.awareness([{ clientId: 4242, clock: 1, state: { user: claimed, focus: { clauseId: 'c_1', language: 'en' } } }]));
    const stateOf = () => watcher.provider.awareness.getStates().get(4242) as { user: unknown; focus: unknown } | undefined;
    await waitFor(() => stateOf() !== undefined, 'the observer’s presence to reach the secretariat');
    expect(stateOf()).toEqual({
      user: { id: observer.userId, name: observer.displayName, color: NEUTRAL_COLOR, participant: null, role: 'observer' },
      focus: { clauseId: 'c_1', language: 'en' },
    });
  } finally {
    watcher.destroy();
  }
});

it('shows an honest delegate, through the stock client, with their delegation and its colour', async () => {
  const detail = await delegate.request('GET', `/api/documents/${documentId()}`);
  const guatemala = detail.body.participants.find((p: { id: string }) => p.id === detail.body.me.participantId);
  const watcher = connectClient(server.wsUrl, documentId(), { headers: { cookie: secretariat.cookie } });
  const honest = connectClient(server.wsUrl, documentId(), { headers: { cookie: delegate.cookie } });
  try {
    await Promise.all([watcher.synced(), honest.synced()]);
    const user = { id: delegate.userId, name: delegate.displayName, color: guatemala.color, participant: guatemala.code, role: 'delegate' };
    honest.provider.awareness.setLocalStateField('user', user);
    honest.provider.awareness.setLocalStateField('focus', { clauseId: 'c_2', language: 'es' });
    const id = honest.provider.awareness.clientID;
    await waitFor(() => (watcher.provider.awareness.getStates().get(id) as { focus?: unknown } | undefined)?.focus !== undefined, 'the delegate’s focus');
    expect(watcher.provider.awareness.getStates().get(id)).toMatchObject({ user, focus: { clauseId: 'c_2', language: 'es' } });
  } finally {
    honest.destroy();
    watcher.destroy();
  }
});

it(`lets one person introduce at most ${PRESENCE_LIMITS.clientIdsPerUser} client ids in a document, over all their connections`, async () => {
  const [first, second] = [await rawAs(observer), await rawAs(observer)];
  for (let batch = 0; batch < 3; batch += 1) {
    const entries = Array.from({ length: 6 }, (_, i) => ({ clientId: 10_000 + batch * 6 + i, clock: 1, state: { focus: null } }));
    (batch % 2 === 0 ? first : second).send(collabFrame.awareness(entries));
  }
  const document = await server.concordia.collab.registry.peek(documentId());
  const introduced = () => [...document!.awareness.getStates().keys()].filter((id) => id >= 10_000 && id < 10_018);
  await waitFor(() => introduced().length >= PRESENCE_LIMITS.clientIdsPerUser, 'the first client ids to be applied');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(introduced()).toHaveLength(PRESENCE_LIMITS.clientIdsPerUser);
});

it('relays at most about 64 KiB of one person’s presence a second, however much they send', async () => {
  const watcher = await rawAs(secretariat);
  const noisy = await rawAs(delegate);
  const padding = 'x'.repeat(15_000);
  const started = Date.now();
  let clock = 0;
  while (Date.now() - started < 3000) {
    clock += 1;
    noisy.send(collabFrame.awareness([1, 2, 3].map((n) => ({ clientId: 20_000 + n, clock, state: { padding, clock } }))));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await new Promise((resolve) => setTimeout(resolve, 1200));
  // About 45 KB were sent every 5 ms (some 27 MB); one second's budget is 64 KiB, over 3 s plus the held newest state.
  expect(awarenessBytes(watcher)).toBeLessThan(5 * PRESENCE_LIMITS.bytesPerSecond);
  expect(awarenessBytes(watcher)).toBeGreaterThan(40_000);
  expect(noisy.isClosed()).toBe(false);
});

it('refuses one more connection than COLLAB_MAX_CONNECTIONS_PER_USER, with a translated reason, and admits it again once one closes', async () => {
  const open = await Promise.all(Array.from({ length: 4 }, () => rawAs(delegate)));
  const extra = openRawSocket(server.wsUrl, documentId(), { cookie: delegate.cookie });
  sockets.push(extra);
  const refused = (await extra.opened.then(
    () => null,
    (err: UpgradeRefused) => err,
  ))!;
  expect(refused.status).toBe(429);
  expect(JSON.parse(refused.body).error).toEqual({ code: 'too_many_connections', message: expect.stringContaining('4') });
  // Another person is not affected.
  await rawAs(observer);
  open[0].ws.close();
  await open[0].closed;
  await waitFor(
    async () => {
      const again = openRawSocket(server.wsUrl, documentId(), { cookie: delegate.cookie });
      sockets.push(again);
      return again.opened.then(
        () => true,
        () => false,
      );
    },
    'a connection to be admitted again',
    5000,
    100,
  );
});
