import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../utils/test-server';
import { connectClient, type CollabClient } from '../utils/collab-client';
import { createDocument, docFromDatabase } from '../utils/factories';
import { clientOrigin, documentJSON, seedClauses, waitForConvergence } from '../utils/clause-edits';
import { createRandom, type Random } from '../utils/prng';
import { clauseFragment } from '../../shared/src/index';
import { sleep } from '../utils/wait';

let server: TestServer;
const clients: CollabClient[] = [];
beforeAll(async () => {
  server = await startTestServer({ COLLAB_DEV_OPEN: '1' });
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server.stop();
});

const deltaText = (text: Y.XmlText) => (text.toDelta() as { insert: string }[]).map((d) => d.insert).join('');

/** Plain text of a clause in one language, paragraphs joined by newlines. */
function plainText(doc: Y.Doc, clauseId: string, lang: string): string {
  return clauseFragment(doc, clauseId, lang)
    .toArray()
    .map((p) =>
      p instanceof Y.XmlElement
        ? p
            .toArray()
            .map((t) => (t instanceof Y.XmlText ? deltaText(t) : ''))
            .join('')
        : '',
    )
    .join('\n');
}

/** Inserts `marker` in a random paragraph, at the start, the end or after another marker; sometimes adds a paragraph or bolds a stretch first. */
function editClause(client: CollabClient, clauseId: string, lang: string, marker: string, random: Random): void {
  client.doc.transact(() => {
    const fragment = clauseFragment(client.doc, clauseId, lang);
    if (random.chance(0.15)) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('')]);
      fragment.insert(random.int(fragment.length + 1), [paragraph]);
    }
    const paragraphs = fragment.toArray().filter((p): p is Y.XmlElement => p instanceof Y.XmlElement);
    const paragraph = random.pick(paragraphs);
    let text = paragraph.get(0);
    if (!(text instanceof Y.XmlText)) {
      text = new Y.XmlText();
      paragraph.insert(0, [text]);
    }
    const target = text as Y.XmlText;
    if (random.chance(0.2) && target.length > 4) target.format(random.int(target.length - 2), 2, { strong: {} });
    // Insert between markers, never inside one, so each marker stays whole whatever lands around it.
    const current = deltaText(target);
    const boundaries = [0, current.length];
    for (let i = 0; i < current.length; i += 1) if (current[i] === '>') boundaries.push(i + 1);
    target.insert(random.pick(boundaries), marker);
  }, clientOrigin);
}

it.each([2, 5])('%i clients editing the same clause in both languages converge, and PostgreSQL alone rebuilds the same document', async (count) => {
  const pool = server.concordia.db.pool;
  const documentId = await createDocument(pool);
  clients.push(...Array.from({ length: count }, () => connectClient(server.wsUrl, documentId)));
  await Promise.all(clients.map((c) => c.synced()));
  const [hot] = seedClauses(clients[0].doc, 3);
  await waitForConvergence(clients.map((c, i) => ({ name: `client ${i}`, doc: c.doc })));

  const random = createRandom(count);
  const markers: string[] = [];
  for (let round = 0; round < 12; round += 1) {
    for (const [index, client] of clients.entries()) {
      for (const lang of ['en', 'es']) {
        const marker = `<${index}.${round}.${lang}>`;
        markers.push(marker);
        editClause(client, hot, lang, marker, random);
      }
    }
    // Let some frames cross between rounds, but not all: the next round's edits are concurrent with them.
    await sleep(random.int(4));
  }

  const serverDocument = await server.concordia.collab.registry.peek(documentId);
  expect(serverDocument).not.toBeNull();
  await waitForConvergence([...clients.map((c, i) => ({ name: `client ${i}`, doc: c.doc })), { name: 'server', doc: serverDocument!.doc }]);
  await server.concordia.collab.updateLog.whenIdle();
  const stored = await docFromDatabase(pool, documentId);

  const expected = documentJSON(clients[0].doc);
  for (const client of clients) {
    expect(Y.encodeStateVector(client.doc)).toEqual(Y.encodeStateVector(clients[0].doc));
    expect(documentJSON(client.doc)).toEqual(expected);
  }
  expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(clients[0].doc));
  expect(documentJSON(stored)).toEqual(expected);
  const text = `${plainText(stored, hot, 'en')}\n${plainText(stored, hot, 'es')}`;
  expect(markers.filter((m) => !text.includes(m))).toEqual([]);
});
