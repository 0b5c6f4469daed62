/**
 * Seeded fuzz of the collab endpoint with hostile frames (tests/utils/hostile-collab-fuzz.ts): real
 * updates and awareness messages, mutated, from a writer and a reader, about 20,000 frames over the
 * seeds of a run. After each seed the server answers, the other clients are still connected, and the
 * document PostgreSQL rebuilds equals the one they hold. `npm run fuzz:collab` runs a million.
 *
 * FUZZ_SEED=n replays one seed; FUZZ_SEEDS=n runs seeds 1..n; FUZZ_FRAMES sets the frames per seed.
 */
import { startTestServer, type TestServer } from '../utils/test-server';
import { signIn, DEMO_EMAILS } from '../utils/people';
import { createRandom } from '../utils/prng';
import { fuzzSeeds, withSeed } from '../utils/fuzz-seeds';
import { runHostileSeed, type FuzzPeople, type FuzzTarget } from '../utils/hostile-collab-fuzz';

const SEEDS = fuzzSeeds(10).slice(0, process.env.FUZZ_SEEDS || process.env.FUZZ_SEED ? undefined : 10);
const FRAMES_PER_SEED = Number(process.env.FUZZ_FRAMES ?? 2000);

let server: TestServer;
let target: FuzzTarget;
let people: FuzzPeople;
let warn: jest.SpyInstance;

beforeAll(async () => {
  // y-websocket reports the server's denials with console.warn: expected here.
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  server = await startTestServer({ DEMO: '1' });
  const [writer, bystander, hostileWriter, hostileReader] = await Promise.all(
    [DEMO_EMAILS.gt, DEMO_EMAILS.secretariat, DEMO_EMAILS.us, DEMO_EMAILS.observer].map((email) => signIn(server, email)),
  );
  people = {
    writerCookie: writer.cookie,
    bystanderCookie: bystander.cookie,
    hostileWriterCookie: hostileWriter.cookie,
    hostileReaderCookie: hostileReader.cookie,
  };
  target = { url: server.url, wsUrl: server.wsUrl, pool: server.concordia.db.pool, idle: () => server.concordia.collab.updateLog.whenIdle() };
  secretariatRequest = bystander.request.bind(bystander);
});
afterAll(async () => {
  await server?.stop();
  warn.mockRestore();
});

let secretariatRequest: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: { document: { id: string } } }>;

/** A fresh negotiation with the demo's Participants and members, and no text. */
async function freshDocument(seed: number): Promise<string> {
  const answer = await secretariatRequest('POST', `/api/documents/${server.concordia.demo!.documentId}/duplicate`, {
    title: { en: `Fuzz ${seed}`, es: `Fuzz ${seed}` },
  });
  if (answer.status !== 201) throw new Error(`duplicating the demo answered ${answer.status}`);
  return answer.body.document.id;
}

it.each(SEEDS)(`seed %i: ${FRAMES_PER_SEED} hostile frames leave the server up, the others connected and the document whole`, (seed) =>
  withSeed(seed, 'tests/collab/hostile-frames-never-break-the-document.test.ts', async (trail) => {
    const documentId = await freshDocument(seed);
    const outcome = await runHostileSeed(target, people, documentId, createRandom(seed), FRAMES_PER_SEED, trail);
    expect(outcome.sent).toBe(FRAMES_PER_SEED);
    const matrix = await secretariatRequest('GET', `/api/documents/${documentId}/approvals`);
    expect(matrix.status).toBe(200);
  }),
);
