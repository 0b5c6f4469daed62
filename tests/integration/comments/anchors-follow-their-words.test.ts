/**
 * An anchored range is two Yjs relative positions: it keeps covering its words while other clients
 * type around and inside it, and when its words are deleted the thread stays with its quote and says
 * the text was removed. Real y-websocket clients edit; the server resolves the anchors against its own
 * Y.Doc, and every client resolves them the same way.
 */
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../../utils/test-server';
import { connectClient, type CollabClient } from '../../utils/collab-client';
import { waitForConvergence } from '../../utils/clause-edits';
import { anchorOn, demoFacts, DEMO_EMAILS, listAll, signIn, type DemoFacts, type Person } from './support';
import { sleep, waitFor } from '../../utils/wait';
import { clauseFragment } from '../../../shared/src/yjs-layout';
import { rangeText, renderFragment, resolveAnchor } from '../../../shared/src/comment-anchors';
import type { AnchorInput, CommentThread } from '../../../shared/src/api/comments';

let server: TestServer;
let d: DemoFacts;
let gt: Person;
let alice: CollabClient;
let bob: CollabClient;
let carol: CollabClient;
const origin = { kind: 'test-client' };

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demoFacts(server);
  gt = await signIn(server, DEMO_EMAILS.gt);
  [alice, bob, carol] = [0, 1, 2].map(() => connectClient(server.wsUrl, d.documentId));
  await Promise.all([alice.synced(), bob.synced(), carol.synced()]);
});
afterAll(async () => {
  for (const client of [alice, bob, carol]) client.destroy();
  await server.stop();
});

/** The Y.XmlText holding `words` in a clause text, and where they start in it. */
function locate(doc: Y.Doc, clauseId: string, lang: string, words: string): { text: Y.XmlText; at: number } {
  const found: Array<{ text: Y.XmlText; at: number }> = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const plain = (child.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
        const at = plain.indexOf(words);
        if (at >= 0) found.push({ text: child, at });
      } else if (child instanceof Y.XmlElement) {
        walk(child);
      }
    }
  };
  walk(clauseFragment(doc, clauseId, lang));
  if (!found[0]) throw new Error(`"${words}" is not in ${clauseId}/${lang}`);
  return found[0];
}

function insertAt(client: CollabClient, clauseId: string, lang: string, words: string, offset: number, text: string): void {
  client.doc.transact(() => {
    const { text: target, at } = locate(client.doc, clauseId, lang, words);
    target.insert(at + offset, text);
  }, origin);
}

function deleteWords(client: CollabClient, clauseId: string, lang: string, words: string): void {
  client.doc.transact(() => {
    const { text: target, at } = locate(client.doc, clauseId, lang, words);
    target.delete(at, words.length);
  }, origin);
}

/** What a client's own editor would highlight for this anchor. */
function coveredOn(client: CollabClient, clauseId: string, lang: string, anchor: AnchorInput): string | null {
  const rendered = renderFragment(clauseFragment(client.doc, clauseId, lang));
  const range = resolveAnchor(client.doc, rendered, anchor);
  return range ? rangeText(rendered.doc, range.from, range.to) : null;
}

async function thread(id: string): Promise<CommentThread> {
  return (await listAll(gt, d.documentId)).find((t) => t.id === id)!;
}

async function open(clauseId: string, lang: string, anchor: AnchorInput, body = 'Anchored'): Promise<CommentThread> {
  const answer = await gt.request('POST', `/api/documents/${d.documentId}/comments`, { clauseId, language: lang, anchor, body });
  if (answer.status !== 201) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.thread;
}

const replicas = () => [
  { name: 'alice', doc: alice.doc },
  { name: 'bob', doc: bob.doc },
  { name: 'carol', doc: carol.doc },
];

describe('an anchored range', () => {
  it('still covers the same words after other clients edit around and inside it at the same time', async () => {
    const clauseId = d.traffickingClause;
    const anchor = anchorOn(alice.doc, clauseId, 'en', 'human trafficking');
    const opened = await open(clauseId, 'en', anchor);
    expect(opened.anchor).toMatchObject({ quote: 'human trafficking', text: 'human trafficking' });

    // Concurrently: Bob types right before the range, Carol right after it, Alice inside it,
    // and Bob deletes words earlier in the paragraph (every position after them shifts).
    insertAt(bob, clauseId, 'en', 'human trafficking', 0, 'transnational ');
    insertAt(carol, clauseId, 'en', 'human trafficking', 'human trafficking'.length, ' (TIP)');
    insertAt(alice, clauseId, 'en', 'human trafficking', 'human'.length, ' organ');
    deleteWords(bob, clauseId, 'en', 'to build capacity in the region ');
    await waitForConvergence(replicas());
    await waitFor(async () => (await thread(opened.id)).anchor?.text === 'human organ trafficking', 'the server to see every edit');

    const now = await thread(opened.id);
    expect(now.anchor).toMatchObject({ state: 'present', quote: 'human trafficking', text: 'human organ trafficking' });
    for (const client of [alice, bob, carol]) expect(coveredOn(client, clauseId, 'en', anchor)).toBe('human organ trafficking');
    const paragraph = locate(carol.doc, clauseId, 'en', 'human organ trafficking');
    expect(paragraph.text.toString()).toContain('transnational human organ trafficking (TIP)');
  });

  it('keeps its thread, its quote and says the text was removed when its words are deleted', async () => {
    const clauseId = d.clauseIds[d.clauseIds.indexOf(d.traffickingClause) + 1];
    const anchor = anchorOn(bob.doc, clauseId, 'es', 'Participantes');
    const opened = await open(clauseId, 'es', anchor, '¿Mayúscula?');
    deleteWords(carol, clauseId, 'es', 'Participantes');
    await waitForConvergence(replicas());
    await waitFor(async () => (await thread(opened.id)).anchor?.state === 'removed', 'the anchor to be reported removed');

    const now = await thread(opened.id);
    expect(now).toMatchObject({ anchor: { state: 'removed', quote: 'Participantes', text: null }, comments: [{ body: '¿Mayúscula?' }] });
    for (const client of [alice, bob, carol]) expect(coveredOn(client, clauseId, 'es', anchor)).toBe('');
  });

  it('is removed with the paragraph that held it', async () => {
    const clauseId = d.clauseIds[d.clauseIds.indexOf(d.traffickingClause) + 2];
    const fragment = clauseFragment(alice.doc, clauseId, 'en');
    // A second paragraph to delete, so the clause keeps its first.
    alice.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('A paragraph that will go.')]);
      fragment.insert(fragment.length, [paragraph]);
    }, origin);
    await waitForConvergence(replicas());
    const anchor = anchorOn(bob.doc, clauseId, 'en', 'that will go');
    const opened = await open(clauseId, 'en', anchor);
    expect(opened.anchor?.text).toBe('that will go');
    carol.doc.transact(() => {
      const mine = clauseFragment(carol.doc, clauseId, 'en');
      mine.delete(mine.length - 1, 1);
    }, origin);
    await waitForConvergence(replicas());
    await waitFor(async () => (await thread(opened.id)).anchor?.state === 'removed', 'the anchor to be reported removed');
  });

  it('spans paragraphs and reads them with a line break between', async () => {
    const clauseId = d.clauseIds[d.clauseIds.indexOf(d.traffickingClause) + 3];
    const fragment = clauseFragment(alice.doc, clauseId, 'en');
    alice.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Second paragraph here.')]);
      fragment.insert(fragment.length, [paragraph]);
    }, origin);
    await waitForConvergence(replicas());
    const rendered = renderFragment(clauseFragment(bob.doc, clauseId, 'en'));
    const end = rendered.doc.content.size - 1;
    const { anchorFromRange } = await import('../../../shared/src/comment-anchors');
    const anchor = anchorFromRange(rendered.fragment, rendered.mapping, end - 'Second paragraph here.'.length - 8, end);
    const opened = await open(clauseId, 'en', anchor);
    expect(opened.anchor?.quote).toMatch(/\nSecond paragraph here\.$/);
  });

  it('is accepted when it names text the server receives only after the request arrived', async () => {
    const clauseId = d.traffickingClause;
    const dave = connectClient(server.wsUrl, d.documentId);
    try {
      await dave.synced();
      dave.provider.disconnect();
      insertAt(dave, clauseId, 'en', 'migrant smuggling', 0, 'cybercrime and ');
      const anchor = anchorOn(dave.doc, clauseId, 'en', 'cybercrime');
      const request = open(clauseId, 'en', anchor);
      // The server holds the request until Dave's edit arrives.
      await sleep(300);
      dave.provider.connect();
      const opened = await request;
      expect(opened.anchor).toMatchObject({ quote: 'cybercrime', state: 'present' });
    } finally {
      dave.destroy();
    }
  });
});
