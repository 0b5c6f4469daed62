/**
 * Named versions taken by the secretariat, automatic versions at least daily while the text changes,
 * any version opened read-only, and the redline between two versions (or a version and now): per
 * clause and language, words inserted and deleted with who made them; clauses added, removed and
 * moved marked as such [R1–R4].
 */
import * as Y from 'yjs';
import { editAs, replaceWords, startWorld, currentPlainText, type World } from './support';
import { connectionOrigin } from '../../../server/src/collab/origins';
import { deleteClause, insertClause, moveClause } from '../../../shared/src/yjs-layout';
import { takeAutomaticVersions } from '../../../server/src/versions/automatic-versions';
import type { Comparison, VersionSummary } from '../../../shared/src/api/versions';
import type { VersionRecord } from '../../../shared/src/versions/version-record';

let world: World;
let first: VersionSummary;
let second: VersionSummary;
/** X is edited (GT), Y deleted (US), Z moved (SV), W inserted (HN). */
let X: string;
let Y_: string;
let Z: string;
let W: string;
let originalX: string;

beforeAll(async () => {
  world = await startWorld();
  const ids = world.d.clauseIds;
  for (const id of ids) {
    if (!X && (await currentPlainText(world.server, world.d.documentId, id, 'en')).includes(' intend to ')) X = id;
  }
  Y_ = ids[ids.indexOf(X) + 3];
  Z = ids[ids.indexOf(X) + 6];
  originalX = await currentPlainText(world.server, world.d.documentId, X, 'en');
});
afterAll(() => world.server.stop());

const versions = () => `/api/documents/${world.d.documentId}/versions`;

async function structureAs(userId: string, change: (doc: Y.Doc, origin: unknown) => void): Promise<void> {
  const document = await world.server.concordia.collab.registry.open(world.d.documentId);
  change(document.doc, connectionOrigin(`test-${userId}`, userId));
  await document.flushed();
}

describe('taking versions', () => {
  it('lets the secretariat name a version of the text as it is, and nobody else', async () => {
    const taken = await world.secretariat.request<{ version: VersionSummary }>('POST', versions(), { name: 'Text circulated to capitals, 1 March' });
    expect(taken.status).toBe(201);
    first = taken.body.version;
    expect(first).toMatchObject({ seq: 1, kind: 'named', name: 'Text circulated to capitals, 1 March', takenBy: { id: world.secretariat.userId } });
    for (const person of [world.delegates.GT, world.legal, world.observer]) {
      const refused = await person.request<{ error: { code: string } }>('POST', versions(), { name: 'Mine' });
      expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 403, code: 'forbidden' });
    }
    expect((await world.secretariat.request('POST', versions(), { name: '  ' })).status).toBe(400);
    expect((await world.secretariat.request('POST', versions(), { name: 'x', extra: 1 })).status).toBe(400);
  });

  it('never changes a stored version', async () => {
    await expect(world.server.concordia.db.pool.query(`UPDATE document_versions SET name = 'Rewritten' WHERE id = $1`, [first.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(world.server.concordia.db.pool.query('DELETE FROM document_versions WHERE id = $1', [first.id])).rejects.toThrow(/append-only/);
  });
});

describe('the redline', () => {
  beforeAll(async () => {
    await editAs(world.server, world.d.documentId, world.delegates.GT.userId, X, 'en', replaceWords(' intend to ', ' will '));
    await structureAs(world.delegates.US.userId, (doc, origin) => deleteClause(doc, Y_, origin));
    const ids = world.d.clauseIds;
    await structureAs(world.delegates.SV.userId, (doc, origin) => moveClause(doc, Z, ids[ids.indexOf(X) - 2], origin));
    W = 'c_inserted_by_hn';
    await structureAs(world.delegates.HN.userId, (doc, origin) =>
      insertClause(
        doc,
        {
          id: W,
          kind: 'clause',
          content: { es: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Los Participantes podrán invitar a México.' }] }] } },
        },
        ['en', 'es'],
        X,
        origin,
      ),
    );
  });

  const compare = async (from: string, to = 'current') => {
    const answer = await world.observer.request<Comparison>('GET', `/api/documents/${world.d.documentId}/compare?from=${from}&to=${to}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const clause = (comparison: Comparison, id: string) => comparison.clauses.find((c) => c.clauseId === id)!;

  it('marks the words inserted and deleted in each language, with who changed them', async () => {
    const comparison = await compare(first.id);
    const x = clause(comparison, X);
    expect(x).toMatchObject({ status: 'changed', moved: false });
    expect(x.languages.en.changed).toBe(true);
    expect(x.languages.en.parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: 'intend to' },
      { op: 'insert', text: 'will' },
    ]);
    expect(x.languages.en.authors).toEqual([{ id: world.delegates.GT.userId, displayName: world.delegates.GT.displayName }]);
    expect(x.languages.es).toMatchObject({ changed: false, authors: [] });
    expect(x.languages.es.parts.every((p) => p.op === 'equal')).toBe(true);
  });

  it('shows clauses added, removed and moved as such, in the newer order, with who did it', async () => {
    const comparison = await compare(first.id);
    expect(comparison.summary).toEqual({ changed: 1, added: 1, removed: 1, moved: 1, unchanged: world.d.clauseIds.length - 2 });
    expect(clause(comparison, Y_)).toMatchObject({ status: 'removed', structureAuthors: [{ id: world.delegates.US.userId }] });
    expect(clause(comparison, Y_).languages.en.parts.every((p) => p.op === 'delete')).toBe(true);
    expect(clause(comparison, Z)).toMatchObject({ status: 'unchanged', moved: true, structureAuthors: [{ id: world.delegates.SV.userId }] });
    expect(clause(comparison, W)).toMatchObject({ status: 'added', structureAuthors: [{ id: world.delegates.HN.userId }], numberBefore: null });
    expect(clause(comparison, W).languages.es.parts).toEqual([{ op: 'insert', text: 'Los Participantes podrán invitar a México.' }]);
    const order = comparison.clauses.map((c) => c.clauseId);
    expect(order.indexOf(W)).toBe(order.indexOf(X) + 1);
    expect(order.indexOf(Y_)).toBeGreaterThan(order.indexOf(W));
    expect(clause(comparison, W).numberAfter!.article).toBe(clause(comparison, X).numberAfter!.article! + 1);
  });

  it('compares two stored versions the same way, whichever is named first', async () => {
    const taken = await world.secretariat.request<{ version: VersionSummary }>('POST', versions(), { name: 'After the second round' });
    second = taken.body.version;
    const forward = await compare(first.id, second.id);
    const backward = await compare(second.id, first.id);
    expect(forward.from.id).toBe(first.id);
    expect(forward.to!.id).toBe(second.id);
    expect(backward).toEqual(forward);
    expect(forward.summary).toEqual({ changed: 1, added: 1, removed: 1, moved: 1, unchanged: world.d.clauseIds.length - 2 });
    expect((await compare(second.id)).summary).toMatchObject({ changed: 0, added: 0, removed: 0, moved: 0 });
  });

  it('opens any version read-only, with the text it had', async () => {
    const { status, body } = await world.observer.request<{
      version: VersionSummary;
      record: VersionRecord;
      plainTexts: Record<string, Record<string, string>>;
    }>('GET', `${versions()}/${first.id}`);
    expect(status).toBe(200);
    expect(body.version.id).toBe(first.id);
    expect(body.record.clauses.map((c) => c.id)).toEqual(world.d.clauseIds);
    expect(body.plainTexts[X].en).toBe(originalX);
    const list = await world.delegates.SV.request<{ versions: VersionSummary[] }>('GET', versions());
    expect(list.body.versions.map((v) => v.name)).toEqual(['After the second round', 'Text circulated to capitals, 1 March']);
  });
});

describe('automatic versions', () => {
  it('takes one when the text changed and the latest version is a day old, and none otherwise', async () => {
    const ctx = world.server.concordia.ctx;
    const tomorrow = new Date(Date.now() + 25 * 3600 * 1000);
    expect(await takeAutomaticVersions(ctx, tomorrow)).toEqual([]); // unchanged since the last version
    await editAs(world.server, world.d.documentId, world.delegates.GT.userId, X, 'en', replaceWords(' will ', ' shall '));
    expect(await takeAutomaticVersions(ctx, new Date())).toEqual([]); // changed, but the last version is recent
    expect(await takeAutomaticVersions(ctx, tomorrow)).toEqual([world.d.documentId]);
    expect(await takeAutomaticVersions(ctx, tomorrow)).toEqual([]);
    const list = await world.secretariat.request<{ versions: VersionSummary[] }>('GET', versions());
    expect(list.body.versions[0]).toMatchObject({ kind: 'automatic', name: null, takenBy: null, seq: 3 });
  });
});
