/**
 * Issue 19: the server logged "awareness states of other clients ignored" hundreds of times in a normal
 * session. A stock y-websocket client sends back every presence state it receives (its awareness
 * handler does not look at the origin); the server ignores those states — they are not the client's to
 * set — and now says so once per connection, not once per echo.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { startTestServer, type TestServer } from '../utils/test-server';
import { freshSchema } from '../utils/test-db';
import { connectClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { signIn, DEMO_EMAILS, type Person } from '../utils/people';

const IGNORED = 'awareness states of other clients';
const lines: Array<{ msg: string; connectionId?: string }> = [];
let server: TestServer;
let us: Person;
let gt: Person;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line) as { msg: string });
      done();
    },
  });
  server = await startTestServer({ DEMO: '1' }, freshSchema('s'), pino({ level: 'warn' }, sink));
  [us, gt] = await Promise.all([DEMO_EMAILS.us, DEMO_EMAILS.gt].map((email) => signIn(server, email)));
});
afterAll(async () => {
  await server.stop();
});

it('logs the states a stock client echoes once per connection, and still relays its own', async () => {
  const documentId = server.concordia.demo!.documentId;
  const talker = connectClient(server.wsUrl, documentId, { headers: { cookie: us.cookie } });
  const echoer = connectClient(server.wsUrl, documentId, { headers: { cookie: gt.cookie } });
  try {
    await Promise.all([talker.synced(), echoer.synced()]);
    echoer.provider.awareness.setLocalStateField('focus', { clauseId: 'c_1', language: 'es' });
    // Every move of the talker reaches the echoer, whose stock provider sends it back to the server.
    for (let i = 0; i < 12; i += 1) {
      talker.provider.awareness.setLocalStateField('focus', { clauseId: `c_${(i % 5) + 1}`, language: 'en' });
      await waitFor(
        () =>
          (echoer.provider.awareness.getStates().get(talker.provider.awareness.clientID) as { focus?: { clauseId: string } } | undefined)?.focus?.clauseId ===
          `c_${(i % 5) + 1}`,
        'the talker’s move to reach the echoer',
      );
      await new Promise((resolve) => setTimeout(resolve, 100)); // well within the presence budget (20 messages a second)
    }
    const echoerId = echoer.provider.awareness.clientID;
    await waitFor(() => talker.provider.awareness.getStates().has(echoerId), 'the echoer’s own presence to reach the talker');
    // Both stock clients echo (the talker sends back the echoer's state too): one line per connection at most.
    const ignored = lines.filter((line) => line.msg.startsWith(IGNORED));
    const perConnection = new Map<string | undefined, number>();
    for (const line of ignored) perConnection.set(line.connectionId, (perConnection.get(line.connectionId) ?? 0) + 1);
    expect(ignored.length).toBeGreaterThan(0);
    expect([...perConnection.values()].every((count) => count === 1)).toBe(true);
    expect(ignored.length).toBeLessThanOrEqual(2);
  } finally {
    talker.destroy();
    echoer.destroy();
  }
}, 60_000);
