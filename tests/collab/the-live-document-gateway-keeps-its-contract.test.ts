/**
 * The contract of the one gateway to the live documents (server/src/collab/live-documents.ts), run on
 * PostgreSQL and on the embedded PGlite alike (CI runs tests/collab on both):
 *  - a read during a burst of edits sees only committed text;
 *  - a server write is relayed to every client and survives kill -9 once it resolved;
 *  - a status change refuses writers within one round trip, on open connections and later loads.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as authProtocol from 'y-protocols/auth';
import { MessageType } from '../../shared/src/protocol';
import { clauseFragment, getClause } from '../../shared/src/index';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { sleep, waitFor } from '../utils/wait';
import { createDocument } from '../utils/factories';
import { clientOrigin, seedClauses } from '../utils/clause-edits';
import { collabFrame, isSyncPayload, openRawSocket, syncPayload } from '../utils/raw-collab-socket';
import { spawnServer } from '../utils/spawn-server';
import { spawnedServerStage } from '../utils/spawned-server-database';
import { quietLogger } from '../utils/quiet-logger';
import { loadDocumentState } from '../../server/src/collab/document-store';
import { serverOrigin } from '../../server/src/collab/origins';

jest.setTimeout(120_000);

const englishText = (doc: Y.Doc, clauseId = 'c0') => (getClause(doc, clauseId) ? clauseFragment(doc, clauseId, 'en').toString() : '');

function appendEnglish(doc: Y.Doc, text: string, clauseId = 'c0'): void {
  const paragraph = clauseFragment(doc, clauseId, 'en').get(0) as Y.XmlElement;
  const target = paragraph.get(0) as Y.XmlText;
  target.insert(target.length, text);
}

/** Whether a frame is the y-protocols auth message "permission denied". */
function isPermissionDenied(frame: Uint8Array): boolean {
  const decoder = decoding.createDecoder(frame);
  return decoding.readVarUint(decoder) === MessageType.Auth && decoding.readVarUint(decoder) === authProtocol.messagePermissionDenied;
}

describe('in one process', () => {
  let server: TestServer;
  const clients: CollabClient[] = [];
  beforeAll(async () => {
    server = await startTestServer({ COLLAB_DEV_OPEN: '1' });
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server.stop();
  });

  async function documentWithClauses(): Promise<{ documentId: string; writer: CollabClient }> {
    const documentId = await createDocument(server.concordia.db.pool);
    const writer = connectClient(server.wsUrl, documentId);
    clients.push(writer);
    await writer.synced();
    seedClauses(writer.doc, 2);
    const { documents } = server.concordia.ctx;
    await waitFor(async () => (await documents.read(documentId, (doc) => englishText(doc))).value !== '', 'the clauses to be committed');
    return { documentId, writer };
  }

  it('a read during a burst of edits sees exactly the text stored through the update it names', async () => {
    const { documentId, writer } = await documentWithClauses();
    const second = connectClient(server.wsUrl, documentId);
    clients.push(second);
    await second.synced();
    await waitFor(() => getClause(second.doc, 'c0') !== undefined, 'the second writer to have the clauses');
    let typed = 0;
    const typing = setInterval(() => {
      for (const [index, client] of [writer, second].entries()) {
        client.doc.transact(() => appendEnglish(client.doc, `~${index}.${typed}~`), clientOrigin);
        typed += 1;
      }
    }, 3);
    const reads: Array<{ text: string; throughUpdateId: number }> = [];
    try {
      while (reads.length < 40) {
        await sleep(1 + (reads.length % 4));
        const { value, throughUpdateId } = await server.concordia.ctx.documents.read(documentId, (doc) => englishText(doc));
        reads.push({ text: value, throughUpdateId });
      }
    } finally {
      clearInterval(typing);
    }
    // Edits kept arriving while the reads ran: the reads are of a text in motion.
    expect(new Set(reads.map((r) => r.throughUpdateId)).size).toBeGreaterThan(5);
    // Rows are never deleted (a later snapshot would hold more than a read saw): rebuild from the rows alone.
    const { rows } = await server.concordia.db.pool.query<{ id: string; update: Buffer }>(
      'SELECT id, update FROM document_updates WHERE document_id = $1 ORDER BY id',
      [documentId],
    );
    for (const read of reads) {
      const stored = new Y.Doc();
      for (const row of rows) if (Number(row.id) <= read.throughUpdateId) Y.applyUpdate(stored, new Uint8Array(row.update));
      expect(englishText(stored)).toBe(read.text);
      stored.destroy();
    }
  });

  it('a server write resolves once committed and reaches every open client', async () => {
    const { documentId, writer } = await documentWithClauses();
    const observer = connectClient(server.wsUrl, documentId);
    clients.push(observer);
    await observer.synced();
    await server.concordia.ctx.documents.write(documentId, serverOrigin('command'), (apply) => apply((doc) => appendEnglish(doc, '~server~')));
    const stored = new Y.Doc();
    await loadDocumentState(server.concordia.db.pool, documentId, stored, quietLogger());
    expect(englishText(stored)).toContain('~server~');
    await waitFor(() => [writer, observer].every((c) => englishText(c.doc).includes('~server~')), 'every client to receive the write');
  });

  it('a server write keeps the document loaded while it runs, though its last client leaves meanwhile', async () => {
    const { documentId, writer } = await documentWithClauses();
    const { documents } = server.concordia.ctx;
    let unloadedMeanwhile = false;
    await documents.write(documentId, serverOrigin('command'), async (apply) => {
      writer.destroy();
      // Long enough for the registry to unload a document nobody holds.
      await sleep(300);
      unloadedMeanwhile = (await server.concordia.collab.registry.peek(documentId)) === null;
      apply((doc) => appendEnglish(doc, '~held~'));
    });
    expect(unloadedMeanwhile).toBe(false);
    const { value } = await documents.read(documentId, (doc) => englishText(doc));
    expect(value).toContain('~held~');
  });

  it('a status change refuses a writer on its next update, and tells it so without waiting for it to write', async () => {
    const { documentId, writer } = await documentWithClauses();
    const raw = openRawSocket(server.wsUrl, documentId);
    await raw.opened;
    raw.send(collabFrame.syncStep1(new Uint8Array([0])));
    const initial = await raw.waitForFrame(isSyncPayload, 'the initial state');
    const author = new Y.Doc();
    Y.applyUpdate(author, syncPayload(initial));
    const { documents } = server.concordia.ctx;

    const change = documents.setStatus(documentId, 'archived');
    expect(change).not.toBeNull();
    change!.committed();
    await raw.waitForFrame(isPermissionDenied, 'the denial sent when the status changed');

    let update: Uint8Array = new Uint8Array();
    author.on('update', (u: Uint8Array) => {
      update = u;
    });
    author.transact(() => appendEnglish(author, '~after~'), clientOrigin);
    raw.send(collabFrame.update(update));
    writer.doc.transact(() => appendEnglish(writer.doc, '~stock-after~'), clientOrigin);
    // One round trip later (the answer to a sync step 1 sent after the update), the server has neither.
    const framesBefore = raw.frames.length;
    raw.send(collabFrame.syncStep1(Y.encodeStateVector(author)));
    await raw.waitForFrame((f) => raw.frames.indexOf(f) >= framesBefore && isSyncPayload(f), 'the answer to the second sync step 1');
    const { value: text } = await documents.read(documentId, (doc) => englishText(doc));
    expect(text).not.toContain('~after~');
    expect(text).not.toContain('~stock-after~');
    raw.close();
    author.destroy();
  });

  it('a status change reaches a document nobody has open, for the loads that follow, and undo makes it writable again', async () => {
    const { documentId, writer } = await documentWithClauses();
    writer.destroy();
    await waitFor(async () => (await server.concordia.collab.registry.peek(documentId)) === null, 'the document to be unloaded');
    const { documents } = server.concordia.ctx;
    const change = documents.setStatus(documentId, 'frozen')!;

    const late = connectClient(server.wsUrl, documentId);
    clients.push(late);
    await late.synced();
    await waitFor(() => getClause(late.doc, 'c0') !== undefined, 'the late client to have the clauses');
    late.doc.transact(() => appendEnglish(late.doc, '~while-frozen~'), clientOrigin);
    const probe = connectClient(server.wsUrl, documentId);
    clients.push(probe);
    await probe.synced();
    expect(englishText(probe.doc)).not.toContain('~while-frozen~');

    change.undo();
    probe.doc.transact(() => appendEnglish(probe.doc, '~after-undo~'), clientOrigin);
    await waitFor(
      async () => (await documents.read(documentId, (doc) => englishText(doc))).value.includes('~after-undo~'),
      'the edit after undo to be committed',
    );
  });

  it('a status change checked against a read is refused when the text changed since', async () => {
    const { documentId, writer } = await documentWithClauses();
    const { documents } = server.concordia.ctx;
    const { revision } = await documents.read(documentId, (doc) => englishText(doc));
    writer.doc.transact(() => appendEnglish(writer.doc, '~meanwhile~'), clientOrigin);
    await waitFor(async () => (await documents.read(documentId, (doc) => englishText(doc))).value.includes('~meanwhile~'), 'the edit to arrive');
    expect(documents.setStatus(documentId, 'frozen', { unchangedSince: revision })).toBeNull();
    const { revision: now } = await documents.read(documentId, (doc) => englishText(doc));
    const change = documents.setStatus(documentId, 'frozen', { unchangedSince: now });
    expect(change).not.toBeNull();
    change!.undo();
  });
});

describe('across kill -9', () => {
  const stage = spawnedServerStage();
  const { servers, clients } = stage;

  it('a server write that resolved is there after kill -9 and a restart, and every client had it', async () => {
    const documentId = await stage.database.createDocument();
    const env = { ...stage.database.env, DEMO: '0', COLLAB_DEV_OPEN: '1', LOG_LEVEL: 'warn' };
    const first = await spawnServer(env, 60_000, { script: 'tests/utils/gateway-writer-process.ts', stdin: true });
    servers.push(first);
    const wsUrl = `ws://127.0.0.1:${first.port}`;
    const a = connectClient(wsUrl, documentId);
    const b = connectClient(wsUrl, documentId);
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    seedClauses(a.doc, 1);
    await waitFor(() => getClause(b.doc, 'c0') !== undefined, 'the clause to reach the second client');

    first.child.stdin!.write(`write ${documentId} c0 ~gateway~\n`);
    await waitFor(() => first.output().includes('committed ~gateway~'), 'the write to resolve', 30_000);
    await waitFor(() => [a, b].every((c) => englishText(c.doc).includes('~gateway~')), 'both clients to receive the write');
    first.child.kill('SIGKILL');
    await first.exited;
    for (const client of clients.splice(0)) client.destroy();

    const second = await spawnServer(env);
    servers.push(second);
    const fresh = connectClient(`ws://127.0.0.1:${second.port}`, documentId);
    clients.push(fresh);
    await fresh.synced();
    expect(englishText(fresh.doc)).toContain('~gateway~');
  });
});
