import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { createDocument } from '../utils/factories';
import { collabFrame, openRawSocket } from '../utils/raw-collab-socket';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ COLLAB_DEV_OPEN: '1' });
});
afterAll(async () => {
  await server.stop();
});

const BURST = 200;
/** The server's documented budget: 20 awareness messages a second per connection, the newest held back applied later. */
const PER_SECOND = 20;

it('a burst of awareness from one connection is applied at most 20 times a second, without starving another connection, and its newest state still arrives', async () => {
  const documentId = await createDocument(server.concordia.db.pool);
  const observer = connectClient(server.wsUrl, documentId);
  const noisy = openRawSocket(server.wsUrl, documentId);
  const quiet = openRawSocket(server.wsUrl, documentId);
  try {
    await Promise.all([observer.synced(), noisy.opened, quiet.opened]);
    const document = await server.concordia.collab.registry.peek(documentId);
    const applied = new Map<number, number>();
    document!.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      for (const id of [...added, ...updated]) applied.set(id, (applied.get(id) ?? 0) + 1);
    });

    for (let clock = 1; clock <= BURST; clock += 1) {
      noisy.send(collabFrame.awareness([{ clientId: 1001, clock, state: { cursor: clock } }]));
      quiet.send(collabFrame.awareness([{ clientId: 2002, clock, state: { cursor: clock } }]));
    }

    // The newest state of each is applied once the window reopens, and reaches the other clients.
    const stateOf = (id: number) => observer.provider.awareness.getStates().get(id) as { cursor: number } | undefined;
    await waitFor(() => stateOf(1001)?.cursor === BURST && stateOf(2002)?.cursor === BURST, 'the newest awareness states to reach the observer', 5000);

    for (const id of [1001, 2002]) {
      // A burst straddles at most two one-second windows: 2 × 20 plus the held-back newest state.
      expect(applied.get(id)).toBeLessThanOrEqual(2 * PER_SECOND + 1);
      expect(applied.get(id)).toBeGreaterThanOrEqual(PER_SECOND);
    }
    expect(noisy.ws.readyState).toBe(noisy.ws.OPEN);
  } finally {
    noisy.close();
    quiet.close();
    observer.destroy();
  }
});
