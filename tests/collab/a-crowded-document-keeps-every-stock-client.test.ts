/**
 * A stock y-websocket client sends on every awareness change it sees — other people's included — so in
 * a document with more people than a hostile message may introduce, it echoes messages naming all of
 * them. Those echoes are other people's presence, which the server skips: they must not close the
 * connection. Twelve stock clients (two per person, six people) stay connected and each sees all twelve.
 */
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { signIn, DEMO_EMAILS, type Person } from '../utils/people';

jest.setTimeout(120_000);

let server: TestServer;
let people: Person[];
const clients: CollabClient[] = [];

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1' });
  people = await Promise.all(
    [DEMO_EMAILS.secretariat, DEMO_EMAILS.us, DEMO_EMAILS.sv, DEMO_EMAILS.gt, DEMO_EMAILS.hn, DEMO_EMAILS.observer].map((email) => signIn(server, email)),
  );
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.stop();
});

it('keeps twelve stock clients connected, each seeing all twelve presences, although each echoes the others', async () => {
  const documentId = server.concordia.demo!.documentId;
  const closes: number[] = [];
  for (const person of [...people, ...people]) {
    const client = connectClient(server.wsUrl, documentId, { headers: { cookie: person.cookie } });
    client.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });
    clients.push(client);
    await waitFor(() => client.provider.synced, `client ${clients.length} to sync`, 30_000);
    client.provider.awareness.setLocalStateField('focus', { clauseId: null, language: 'en' });
  }
  await waitFor(() => clients.every((c) => c.provider.awareness.getStates().size === clients.length), 'every client to see all twelve presences', 30_000);
  // One more round of changes, each echoed by the eleven others.
  for (const client of clients) client.provider.awareness.setLocalStateField('focus', { clauseId: null, language: 'es' });
  await waitFor(
    () => clients.every((c) => [...c.provider.awareness.getStates().values()].every((s) => (s as { focus?: { language?: string } }).focus?.language === 'es')),
    'every client to see every focus change',
    30_000,
  );
  expect(closes).toEqual([]);
  expect(clients.every((c) => c.provider.wsconnected)).toBe(true);
});
