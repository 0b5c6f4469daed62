/**
 * The hostile-frame fuzz of the collab endpoint at length: seeds of FRAMES_PER_SEED frames each
 * (tests/utils/hostile-collab-fuzz.ts) until TOTAL_FRAMES have been sent, against a whole Concordia
 * on the test database. Stops at the first seed that breaks an invariant and prints how to replay it.
 *
 *   TEST_DATABASE_URL=postgres://… npm run fuzz:collab                 a million frames
 *   TOTAL_FRAMES=50000 FIRST_SEED=1000 npm run fuzz:collab              fewer, other seeds
 */
import { startTestServer } from '../../tests/utils/test-server';
import { signIn, DEMO_EMAILS } from '../../tests/utils/people';
import { createRandom } from '../../tests/utils/prng';
import { runHostileSeed } from '../../tests/utils/hostile-collab-fuzz';

const TOTAL_FRAMES = Number(process.env.TOTAL_FRAMES ?? 1_000_000);
const FRAMES_PER_SEED = Number(process.env.FRAMES_PER_SEED ?? 5000);
const FIRST_SEED = Number(process.env.FIRST_SEED ?? 1);

async function main(): Promise<void> {
  const server = await startTestServer({ DEMO: '1' });
  let failed = false;
  try {
    const [writer, bystander, hostileWriter, hostileReader] = await Promise.all(
      [DEMO_EMAILS.gt, DEMO_EMAILS.secretariat, DEMO_EMAILS.us, DEMO_EMAILS.observer].map((email) => signIn(server, email)),
    );
    const people = {
      writerCookie: writer.cookie,
      bystanderCookie: bystander.cookie,
      hostileWriterCookie: hostileWriter.cookie,
      hostileReaderCookie: hostileReader.cookie,
    };
    const target = { url: server.url, wsUrl: server.wsUrl, pool: server.concordia.db.pool, idle: () => server.concordia.collab.updateLog.whenIdle() };
    const started = Date.now();
    let sent = 0;
    for (let seed = FIRST_SEED; sent < TOTAL_FRAMES; seed += 1) {
      const copy = await bystander.request('POST', `/api/documents/${server.concordia.demo!.documentId}/duplicate`, {
        title: { en: `Fuzz ${seed}`, es: `Fuzz ${seed}` },
      });
      const trail: string[] = [];
      try {
        const outcome = await runHostileSeed(target, people, copy.body.document.id, createRandom(seed), Math.min(FRAMES_PER_SEED, TOTAL_FRAMES - sent), trail);
        sent += outcome.sent;
        console.log(
          `seed ${seed}: ${outcome.sent} frames, ${outcome.reopened} sockets reopened; ${sent} of ${TOTAL_FRAMES} in ${Math.round((Date.now() - started) / 1000)} s`,
        );
      } catch (err) {
        failed = true;
        console.error(
          `seed ${seed} failed: ${(err as Error).message}\nreplay: FUZZ_SEED=${seed} FUZZ_FRAMES=${FRAMES_PER_SEED} npx jest tests/collab/hostile-frames-never-break-the-document.test.ts`,
        );
        console.error(`last steps:\n  ${trail.slice(-25).join('\n  ')}`);
        break;
      }
    }
  } finally {
    await server.stop();
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
