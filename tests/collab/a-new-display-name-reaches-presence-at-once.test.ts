/**
 * A person who changes their display name appears under it at once, to the others and to themselves,
 * on the sockets they already have open: presence names come from the session (presence-stamp.ts), and
 * the server stamps the person's open states again (presence-rename.ts) instead of waiting for their
 * browser to reconnect. Stock y-websocket clients; nobody reconnects.
 */
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { signIn, DEMO_EMAILS, type Person } from '../utils/people';
import { renameInPresence } from '../../server/src/collab/presence-rename';
import type { CollabConnection } from '../../server/src/collab/connection';
import type { CollabDocument } from '../../server/src/collab/collab-document';

let server: TestServer;
let delegate: Person;
let secretariat: Person;
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1' });
  [delegate, secretariat] = await Promise.all([DEMO_EMAILS.gt, DEMO_EMAILS.secretariat].map((email) => signIn(server, email)));
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.stop();
});

const documentId = () => server.concordia.demo!.documentId;

function join(person: Person): CollabClient {
  const client = connectClient(server.wsUrl, documentId(), { headers: { cookie: person.cookie } });
  clients.push(client);
  return client;
}

/** Every open socket of the demo document, with its document, as the collab server holds them. */
async function openConnections(): Promise<Array<[CollabConnection, CollabDocument]>> {
  const document = await server.concordia.collab.registry.peek(documentId());
  return document ? [...document.connections].map((connection) => [connection, document]) : [];
}

const nameSeen = (client: CollabClient, clientId: number) =>
  (client.provider.awareness.getStates().get(clientId) as { user?: { name?: string } } | undefined)?.user?.name;

it('shows the new name to everyone in the document, without anyone reconnecting, keeping where the person is', async () => {
  const watcher = join(secretariat);
  const renamed = join(delegate);
  await Promise.all([watcher.synced(), renamed.synced()]);
  renamed.provider.awareness.setLocalStateField('focus', { clauseId: 'c_3', language: 'en' });
  const id = renamed.provider.awareness.clientID;
  await waitFor(() => nameSeen(watcher, id) === delegate.displayName, 'the delegate’s presence under their old name');
  const sockets = [watcher.provider.ws, renamed.provider.ws];

  const answer = await delegate.request('PATCH', '/api/me', { displayName: 'Lucía Renamed' });
  expect(answer.status).toBe(200);
  expect(renameInPresence(await openConnections(), delegate.userId, 'Lucía Renamed')).toBe(1);

  await waitFor(() => nameSeen(watcher, id) === 'Lucía Renamed', 'the new name in the secretariat’s presence');
  await waitFor(() => nameSeen(renamed, id) === 'Lucía Renamed', 'the new name in the delegate’s own presence');
  expect(watcher.provider.awareness.getStates().get(id)).toMatchObject({
    user: { id: delegate.userId, participant: 'GT' },
    focus: { clauseId: 'c_3', language: 'en' },
  });
  expect([watcher.provider.ws, renamed.provider.ws]).toEqual(sockets);

  // The browser's next state keeps the new name: the socket's session now carries it.
  renamed.provider.awareness.setLocalStateField('focus', { clauseId: 'c_4', language: 'es' });
  await waitFor(() => (watcher.provider.awareness.getStates().get(id) as { focus?: { clauseId?: string } }).focus?.clauseId === 'c_4', 'the next focus');
  expect(nameSeen(watcher, id)).toBe('Lucía Renamed');
  await delegate.request('PATCH', '/api/me', { displayName: delegate.displayName });
});

it('renames only that person: the others keep their names and nothing is stamped for them', async () => {
  const watcher = join(delegate);
  const other = join(secretariat);
  await Promise.all([watcher.synced(), other.synced()]);
  other.provider.awareness.setLocalStateField('focus', null);
  const id = other.provider.awareness.clientID;
  await waitFor(() => nameSeen(watcher, id) === secretariat.displayName, 'the secretariat’s presence');
  expect(renameInPresence(await openConnections(), delegate.userId, 'Nobody Else')).toBe(0);
  expect(nameSeen(watcher, id)).toBe(secretariat.displayName);
});
