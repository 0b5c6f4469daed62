/**
 * Issue 15, "Stable numbering": the secretariat fixes the numbering at a version; an article inserted
 * after Article 3 is then "Article 3 bis" and a deleted one stays "Article 5 [deleted]" — in the next
 * version's record, in its DOCX and in the redline — until the secretariat renumbers (audited, old →
 * new). Delegates are refused; every open workspace hears numbering:changed. Runs on PostgreSQL and PGlite.
 */
import * as Y from 'yjs';
import JSZip from 'jszip';
import type { Socket } from 'socket.io-client';
import { download, joinDocumentChannel, liveDoc, nextEvent, startWorld, type World } from '../versions/support';
import { connectionOrigin } from '../../../server/src/collab/origins';
import { SocketEvent } from '../../../shared/src/protocol';
import { numberClauses } from '../../../shared/src/numbering';
import { deriveNumbering } from '../../../shared/src/stable-numbering';
import { clauseItems, deleteClause, insertClause } from '../../../shared/src/yjs-layout';
import type { NumberingChangedEvent, NumberingState, RenumberAnswer } from '../../../shared/src/api/numbering';
import type { VersionRecord } from '../../../shared/src/versions/version-record';
import type { Comparison } from '../../../shared/src/api/versions';

let world: World;
let channel: Socket;
let article: (n: number) => string;
let chairsText: string;
type ErrorBody = { error?: { code: string; message: string } };
const path = (rest = '') => `/api/documents/${world.d.documentId}${rest}`;
const INSERTED = 'c_after_article_3';

async function structureAs(userId: string, change: (doc: Y.Doc, origin: unknown) => void): Promise<void> {
  const document = await world.server.concordia.collab.registry.open(world.d.documentId);
  change(document.doc, connectionOrigin(`test-${userId}`, userId));
  await document.flushed();
}

async function takeVersion(name: string): Promise<string> {
  const answer = await world.secretariat.request<{ version: { id: string } }>('POST', path('/versions'), { name });
  expect(answer.status).toBe(201);
  return answer.body.version.id;
}

async function auditRows(action: string): Promise<Array<{ subject: Record<string, unknown> }>> {
  const { rows } = await world.server.concordia.db.pool.query<{ subject: Record<string, unknown> }>(
    'SELECT subject FROM audit_events WHERE document_id = $1 AND action = $2 ORDER BY id',
    [world.d.documentId, action],
  );
  return rows;
}

async function docxText(versionId: string): Promise<string> {
  const file = await download(world, world.observer, path(`/versions/${versionId}/export?format=docx&layout=parallel`));
  expect(file.status).toBe(200);
  const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

beforeAll(async () => {
  world = await startWorld();
  const numbers = numberClauses(clauseItems(await liveDoc(world.server, world.d.documentId)));
  article = (n) => [...numbers].find(([, number]) => number.article === n)![0];
  channel = await joinDocumentChannel(world.server, world.observer, world.d.documentId);
  chairsText = await takeVersion('Chair’s text of 3 March');
});
afterAll(async () => {
  channel?.close();
  await world.server.stop();
});

describe('stable numbering', () => {
  it('is not fixed at first: the numbers follow the order', async () => {
    const answer = await world.observer.request<NumberingState>('GET', path('/numbering'));
    expect(answer.status).toBe(200);
    expect(answer.body.fixed).toBeNull();
    expect(answer.body.previous?.versionId).toBe(chairsText);
  });

  it('refuses a delegate, and renumbering before anything is fixed', async () => {
    const refused = await world.delegates.US.request<ErrorBody>('POST', path('/numbering'), { versionId: chairsText });
    expect(refused.status).toBe(403);
    const early = await world.secretariat.request<ErrorBody>('POST', path('/numbering/renumber'), {});
    expect([early.status, early.body.error?.code]).toEqual([409, 'numbering_not_fixed']);
    const unknown = await world.secretariat.request<ErrorBody>('POST', path('/numbering'), { versionId: crypto.randomUUID() });
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'numbering_version_not_found']);
    const bad = await world.secretariat.request<ErrorBody>('POST', path('/numbering'), { versionId: 'v1' });
    expect(bad.status).toBe(400);
    expect(await auditRows('numbering.fixed')).toEqual([]);
  });

  it('lets the secretariat fix it at a version, audited and told to every open workspace', async () => {
    const told = nextEvent<NumberingChangedEvent>(channel, SocketEvent.NumberingChanged);
    const answer = await world.secretariat.request<NumberingState>('POST', path('/numbering'), { versionId: chairsText });
    expect(answer.status).toBe(200);
    expect(answer.body.fixed).toMatchObject({ versionId: chairsText, versionName: 'Chair’s text of 3 March', renumberedAt: null });
    expect(answer.body.fixed!.numbers[article(3)]).toEqual({ article: 3 });
    expect((await told).fixed?.versionId).toBe(chairsText);
    expect((await auditRows('numbering.fixed')).map((row) => row.subject.versionId)).toEqual([chairsText]);
  });

  it('numbers an article inserted after Article 3 "3 bis" and keeps a deleted Article 5 in the record, the DOCX and the redline', async () => {
    await structureAs(world.delegates.HN.userId, (doc, origin) =>
      insertClause(
        doc,
        { id: INSERTED, kind: 'clause', content: { en: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Inserted.' }] }] } } },
        ['en', 'es'],
        article(3),
        origin,
      ),
    );
    const fifth = article(5);
    await structureAs(world.delegates.US.userId, (doc, origin) => deleteClause(doc, fifth, origin));
    const state = (await world.observer.request<NumberingState>('GET', path('/numbering'))).body;
    const derived = deriveNumbering(clauseItems(await liveDoc(world.server, world.d.documentId)), state.fixed!.numbers);
    expect(derived.numbers.get(INSERTED)).toEqual({ article: 3, suffix: 1 });
    expect(derived.numbers.get(article(4))).toEqual({ article: 4 });

    const next = await takeVersion('Rolling text');
    const { body } = await world.observer.request<{ record: VersionRecord }>('GET', path(`/versions/${next}`));
    expect(body.record.clauses.find((c) => c.id === INSERTED)!.number).toEqual({ article: 3, suffix: 1 });
    expect(body.record.deletedNumbers).toEqual([{ clauseId: fifth, kind: 'article', number: { article: 5 }, beforeId: article(6) }]);
    const text = await docxText(next);
    expect(text).toContain('Article 3 bis');
    expect(text).toContain('Artículo 3 bis');
    expect(text).toContain('Article 5 [deleted]');
    expect(text).toContain('Artículo 5 [suprimido]');
    // The draft export of the text now numbers the same way.
    const draft = await download(world, world.observer, path('/draft-export?format=docx&layout=parallel'));
    expect(draft.status).toBe(200);
    const draftText = (await (await JSZip.loadAsync(draft.bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(draftText).toContain('Article 3 bis');
    expect(draftText).toContain('Artículo 5 [suprimido]');
    // The chair's text was exported before: it keeps its own numbers.
    expect(await docxText(chairsText)).not.toContain('3 bis');

    const redline = (await world.observer.request<Comparison>('GET', path(`/compare?from=${chairsText}&to=current`))).body;
    expect(redline.clauses.find((c) => c.clauseId === INSERTED)).toMatchObject({ status: 'added', numberAfter: { article: 3, suffix: 1 } });
    expect(redline.clauses.find((c) => c.clauseId === article(6))).toMatchObject({ numberBefore: { article: 6 }, numberAfter: { article: 6 } });
  });

  it('renumbers on the secretariat’s word, recording old → new numbers', async () => {
    const told = nextEvent<NumberingChangedEvent>(channel, SocketEvent.NumberingChanged);
    const answer = await world.secretariat.request<RenumberAnswer>('POST', path('/numbering/renumber'), {});
    expect(answer.status).toBe(200);
    expect(answer.body.changes[0]).toEqual({ clauseId: INSERTED, from: { article: 3, suffix: 1 }, to: { article: 4 } });
    expect(answer.body.changes.at(-1)).toMatchObject({ from: { article: 5 }, to: null });
    expect(answer.body.fixed).toMatchObject({ versionId: null });
    expect((await told).fixed?.renumberedAt).toEqual(expect.any(String));
    const [row] = await auditRows('numbering.renumbered');
    expect(row.subject.summary).toMatch(/^3 bis → 4, 4 → 5, .*5 → —$/);
    const activity = await world.observer.request<{ events: Array<{ action: string; subject: Record<string, unknown> }> }>('GET', path('/activity'));
    expect(activity.body.events.find((e) => e.action === 'numbering.renumbered')?.subject.summary).toBe(row.subject.summary);
  });
});
