/**
 * The durability rule, end to end: the server relays an update only after PostgreSQL committed it,
 * so whatever any client received survives `kill -9` of the server mid-edit.
 */
import * as Y from 'yjs';
import { spawnServer } from '../utils/spawn-server';
import { connectClient } from '../utils/collab-client';
import { waitFor } from '../utils/wait';
import { seedClauses } from '../utils/clause-edits';
import { spawnedServerStage } from '../utils/spawned-server-database';
import { clauseFragment, getClause } from '../../shared/src/index';

jest.setTimeout(120_000);

const stage = spawnedServerStage();
const { servers, clients } = stage;

const start = async () => {
  const server = await spawnServer({ ...stage.database.env, DEMO: '0', COLLAB_DEV_OPEN: '1', LOG_LEVEL: 'warn' });
  servers.push(server);
  return { server, wsUrl: `ws://127.0.0.1:${server.port}` };
};

/** Every `~w<writer>.<n>~` marker in both languages of clause c0. */
function markers(doc: Y.Doc): Set<string> {
  if (!getClause(doc, 'c0')) return new Set();
  const text = ['en', 'es'].map((lang) => clauseFragment(doc, 'c0', lang).toString()).join('');
  return new Set(text.match(/~w\d+\.\d+~/g) ?? []);
}

const WRITERS = 4;

it('after kill -9 mid-edit and a restart with every client closed, every update any client had received is there', async () => {
  const documentId = await stage.database.createDocument();
  const first = await start();
  const writers = Array.from({ length: WRITERS }, () => connectClient(first.wsUrl, documentId));
  const reader = connectClient(first.wsUrl, documentId);
  clients.push(...writers, reader);
  await Promise.all(clients.map((c) => c.synced()));
  seedClauses(writers[0].doc, 2);
  await waitFor(() => writers.every((w) => getClause(w.doc, 'c0') !== undefined), 'every writer to have the clauses');

  // Several writers type without pause, alternating languages, each edit its own update, so that
  // at any moment updates wait for or ride in a group commit: the kill always cuts into edits in flight.
  let typed = 0;
  const paste = ' lorem ipsum dolor sit amet'.repeat(20);
  const typing = setInterval(() => {
    for (const [index, writer] of writers.entries()) {
      const lang = typed % 2 === 0 ? 'en' : 'es';
      writer.doc.transact(
        () => {
          const paragraph = clauseFragment(writer.doc, 'c0', lang).get(0) as Y.XmlElement;
          const text = paragraph.get(0) as Y.XmlText;
          text.insert(text.length, `~w${index}.${typed}~${paste}`);
        },
        { kind: 'test' },
      );
      typed += 1;
    }
  }, 2);
  try {
    await waitFor(() => markers(reader.doc).size >= 120, 'the reader to receive 120 edits', 60_000);
    const readerClosed = new Promise<void>((resolve) => reader.provider.once('connection-close', () => resolve()));
    first.server.child.kill('SIGKILL');
    await first.server.exited;
    await readerClosed;
  } finally {
    clearInterval(typing);
  }
  // What the reader holds now is everything it was ever sent.
  const receivedState = Y.encodeStateAsUpdate(reader.doc);
  const receivedMarkers = markers(reader.doc);
  const receivedVector = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
  for (const client of clients.splice(0)) client.destroy();
  expect(typed).toBeGreaterThan(receivedMarkers.size); // the kill did cut into edits in flight

  const second = await start();
  const fresh = connectClient(second.wsUrl, documentId);
  clients.push(fresh);
  await fresh.synced();
  const recovered = markers(fresh.doc);
  expect([...receivedMarkers].filter((m) => !recovered.has(m))).toEqual([]);
  const recoveredVector = Y.decodeStateVector(Y.encodeStateVector(fresh.doc));
  for (const [client, clock] of receivedVector) expect(recoveredVector.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
  // Nothing the reader had is missing: applying it to the recovered document changes nothing.
  const before = Y.encodeStateVector(fresh.doc);
  Y.applyUpdate(fresh.doc, receivedState);
  expect(Y.encodeStateVector(fresh.doc)).toEqual(before);

  const stored = await stage.database.docFromDatabase(documentId);
  if (stored) expect([...receivedMarkers].filter((m) => !markers(stored).has(m))).toEqual([]);
});
