/**
 * Whatever is already stored in a document's Yjs layout is read defensively (docs/document-model.md):
 * a clause that breaks the layout contract — an unknown kind, a language fragment replaced by a string
 * or missing, an element or mark outside the schema, nesting beyond reason, foreign values in `order` —
 * is reported as invalid text. It never answers 500, and never changes what another document answers.
 */
import * as Y from 'yjs';
import type { TestServer } from '../../utils/test-server';
import { startTestServer } from '../../utils/test-server';
import { signIn, DEMO_EMAILS, type Person } from '../../utils/people';
import { serverOrigin } from '../../../server/src/collab/origins';
import { clausesMap, clauseOrder, orderArray } from '../../../shared/src/yjs-layout';

let server: TestServer;
let secretariat: Person;
let delegate: Person;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1' });
  [secretariat, delegate] = await Promise.all([signIn(server, DEMO_EMAILS.secretariat), signIn(server, DEMO_EMAILS.gt)]);
});
afterAll(async () => {
  await server.stop();
});

const demoId = () => server.concordia.demo!.documentId;

/** A copy of the demo negotiation (Participants, members and text), then `damage` written straight into its Y.Doc. */
async function damagedCopy(title: string, damage: (doc: Y.Doc, firstClause: string) => void): Promise<string> {
  const answer = await secretariat.request('POST', `/api/documents/${demoId()}/duplicate`, { title: { en: title, es: title }, text: true });
  expect(answer.status).toBe(201);
  const id = answer.body.document.id as string;
  await server.concordia.ctx.documents.write(id, serverOrigin('command'), (apply) =>
    apply((doc) => {
      const first = clauseOrder(doc).find((clauseId) => clausesMap(doc).get(clauseId)?.get('kind') === 'clause')!;
      damage(doc, first);
    }),
  );
  return id;
}

/** Lists inside lists, `depth` levels, each level inserted into the one already in the document. */
function nest(fragment: Y.XmlFragment, depth: number): void {
  let list = new Y.XmlElement('bullet_list');
  fragment.insert(0, [list]);
  for (let level = 0; level < depth; level += 1) {
    const item = new Y.XmlElement('list_item');
    list.insert(0, [item]);
    const paragraph = new Y.XmlElement('paragraph');
    const inner = new Y.XmlElement('bullet_list');
    item.insert(0, [paragraph, inner]);
    paragraph.insert(0, [new Y.XmlText('deep')]);
    list = inner;
  }
}

const DAMAGES: Record<string, (doc: Y.Doc, clause: string) => void> = {
  'a kind outside the list': (doc, clause) => clausesMap(doc).get(clause)!.set('kind', 'bogus'),
  'a kind that is not a string': (doc, clause) => clausesMap(doc).get(clause)!.set('kind', 42),
  'a language fragment replaced by a string': (doc, clause) => clausesMap(doc).get(clause)!.set('es', 'texto'),
  'a language fragment deleted': (doc, clause) => clausesMap(doc).get(clause)!.delete('en'),
  'an element outside the schema': (doc, clause) => {
    const fragment = clausesMap(doc).get(clause)!.get('en') as Y.XmlFragment;
    fragment.insert(0, [new Y.XmlElement('script')]);
  },
  'a javascript: link mark': (doc, clause) => {
    const fragment = clausesMap(doc).get(clause)!.get('en') as Y.XmlFragment;
    const paragraph = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(0, [paragraph]);
    text.insert(0, 'click', { link: { href: 'javascript:alert(1)' } });
  },
  'nesting thousands of levels deep': (doc, clause) => {
    nest(clausesMap(doc).get(clause)!.get('en') as Y.XmlFragment, 2_000);
  },
  'foreign values in order': (doc) => {
    (orderArray(doc) as unknown as Y.Array<unknown>).insert(0, [42, { id: 'x' }, null, 'no such clause']);
  },
  'a clause entry that is not a map': (doc) => {
    (clausesMap(doc) as unknown as Y.Map<unknown>).set('c_notamap', 'just a string');
    orderArray(doc).insert(0, ['c_notamap']);
  },
};

describe.each(Object.entries(DAMAGES))('after %s', (name, damage) => {
  let id: string;
  beforeAll(async () => {
    id = await damagedCopy(`Damaged: ${name}`, damage);
  });

  it('the list of negotiations still answers, for members and administrators, with the other documents intact', async () => {
    for (const person of [secretariat, delegate]) {
      const list = await person.request('GET', '/api/documents');
      expect(list.status).toBe(200);
      const ids = list.body.documents.map((d: { id: string }) => d.id);
      expect(ids).toEqual(expect.arrayContaining([demoId()]));
    }
    const list = await secretariat.request('GET', '/api/documents');
    expect(list.body.documents.map((d: { id: string }) => d.id)).toContain(id);
  });

  it('every reader of that document answers, never 500', async () => {
    const paths = [
      `/api/documents/${id}`,
      `/api/documents/${id}/approvals`,
      `/api/documents/${id}/freeze`,
      `/api/documents/${id}/import/flags`,
      `/api/documents/${id}/versions`,
    ];
    for (const path of paths) {
      const answer = await secretariat.request('GET', path);
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    }
    const version = await secretariat.request('POST', `/api/documents/${id}/versions`, { name: 'After the damage' });
    expect(version.status).toBe(201);
    const copy = await secretariat.request('POST', `/api/documents/${id}/duplicate`, { title: { en: 'Copy', es: 'Copia' }, text: true });
    expect(copy.status).toBe(201);
  });
});

describe('a clause whose stored kind is outside the list', () => {
  let id: string;
  let clause: string;
  beforeAll(async () => {
    id = await damagedCopy('Bogus kind', (doc, first) => {
      clause = first;
      clausesMap(doc).get(first)!.set('kind', 'bogus');
    });
  });

  it('is listed in the matrix as invalid text: no fingerprint, approved by nobody', async () => {
    const matrix = await secretariat.request('GET', `/api/documents/${id}/approvals`);
    const row = matrix.body.clauses.find((c: { clauseId: string }) => c.clauseId === clause);
    expect(row.fingerprint).toBeNull();
    expect(Object.values(row.statuses).every((status) => status !== 'approved')).toBe(true);
  });

  it('blocks the freeze as invalid text', async () => {
    const freeze = await secretariat.request('GET', `/api/documents/${id}/freeze`);
    expect(freeze.body.blockers).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'invalid_text', clauseId: clause })]));
  });

  it('cannot be approved', async () => {
    const participantId = (await delegate.request('GET', `/api/documents/${id}`)).body.me.participantId;
    const answer = await delegate.request('POST', `/api/documents/${id}/clauses/${clause}/approvals`, { participantId, fingerprint: '0'.repeat(64) });
    expect(answer.status).toBe(409);
  });
});
