/**
 * A sync step 1 is answered with everything the client lacks (the whole document for an empty state
 * vector), so a connection has only a few answered at once and then one per interval: 200 requests of
 * a few bytes no longer produce 200 copies of the document. The newest request is still answered.
 */
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../utils/test-server';
import { createDocument } from '../utils/factories';
import { connectClient } from '../utils/collab-client';
import { collabFrame, kindOf, openRawSocket, syncPayload } from '../utils/raw-collab-socket';
import { insertClause, readClauseJSON } from '../../shared/src/yjs-layout';
import { plainText } from '../../shared/src/canonical';
import { sleep, waitFor } from '../utils/wait';
import { STEP1_LIMITS } from '../../server/src/collab/step1-budget';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ COLLAB_DEV_OPEN: '1' });
});
afterAll(async () => {
  await server.stop();
});

it('answers a burst of sync step 1 requests a few times, and the newest one when its turn comes', async () => {
  const documentId = await createDocument(server.concordia.db.pool);
  const writer = connectClient(server.wsUrl, documentId);
  const flooder = openRawSocket(server.wsUrl, documentId);
  const bystander = openRawSocket(server.wsUrl, documentId);
  try {
    await Promise.all([writer.synced(), flooder.opened, bystander.opened]);
    const long = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(50_000) }] }] };
    insertClause(writer.doc, { id: 'c_long', kind: 'clause', content: { en: long, es: long } }, ['en', 'es'], null, 'writer');
    await waitFor(() => flooder.frames.some((frame) => kindOf(frame) === 'sync-update'), 'the text to reach the flooder');
    const answers = () => flooder.frames.filter((frame) => kindOf(frame) === 'sync-step2').length;
    const before = answers();
    for (let i = 0; i < 200; i += 1) flooder.send(collabFrame.syncStep1());
    await sleep(1000);
    expect(answers() - before).toBeLessThanOrEqual(STEP1_LIMITS.burst);
    // The newest request held back is answered once the budget refills; the socket stays open.
    await waitFor(() => answers() - before === STEP1_LIMITS.burst + 1, 'the held request to be answered', STEP1_LIMITS.refillMs + 3000);
    await sleep(500);
    expect(answers() - before).toBe(STEP1_LIMITS.burst + 1);
    expect(flooder.isClosed()).toBe(false);
    // Another connection has its own budget.
    bystander.send(collabFrame.syncStep1());
    await waitFor(() => bystander.frames.filter((frame) => kindOf(frame) === 'sync-step2').length > 0, 'the bystander’s answer');
    const answered = new Y.Doc();
    const last = flooder.frames.filter((frame) => kindOf(frame) === 'sync-step2').at(-1)!;
    Y.applyUpdate(answered, syncPayload(last));
    expect(plainText(readClauseJSON(answered, 'c_long', 'en'))).toHaveLength(50_000);
  } finally {
    flooder.close();
    bystander.close();
    writer.destroy();
  }
}, 20_000);
