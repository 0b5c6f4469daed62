/**
 * [F1–F4] The secretariat freezes only when every clause carries a current approval of every
 * Participant and confirmed concordance, and no bracketed text; otherwise the freeze is refused with
 * the list of blockers — clause, Participant, reason — which GET …/freeze shows before the button.
 */
import { approve, approveEverything, confirm, editAs, freeze, replaceWords, startWorld, currentPlainText, type World } from './support';
import type { FreezeBlocker } from '../../../shared/src/versions/freeze-blockers';
import type { FreezeStatus } from '../../../shared/src/api/versions';

let world: World;
let codes: string[];
/** Four operative articles, in document order: A lacks Guatemala, B was edited after approval, C lacks concordance, D has brackets. */
let A: string;
let B: string;
let C: string;
let D: string;

beforeAll(async () => {
  world = await startWorld();
  const { rows } = await world.server.concordia.db.pool.query<{ code: string }>(
    'SELECT code FROM participants WHERE document_id = $1 ORDER BY position, code',
    [world.d.documentId],
  );
  codes = rows.map((r) => r.code);
  const articles: string[] = [];
  for (const id of world.d.clauseIds) if ((await currentPlainText(world.server, world.d.documentId, id, 'en')).length > 80) articles.push(id);
  [A, B, C, D] = [articles[2], articles[5], articles[8], articles[11]];
});
afterAll(() => world.server.stop());

const status = () => world.secretariat.request<FreezeStatus>('GET', `/api/documents/${world.d.documentId}/freeze`);
const id = (code: string) => world.d.participants[code];

it('lists, before anything is approved, every clause as unconfirmed and not approved by every Participant', async () => {
  const { status: code, body } = await status();
  expect(code).toBe(200);
  expect(body.ready).toBe(false);
  const expected: FreezeBlocker[] = world.d.clauseIds.flatMap((clauseId) => [
    { reason: 'concordance_unconfirmed' as const, clauseId, participantId: null, languages: [] },
    ...codes.map((c) => ({ reason: 'not_approved' as const, clauseId, participantId: id(c), languages: [] })),
  ]);
  expect(body.blockers).toEqual(expected);
  expect(body.clauses.map((c) => c.id)).toEqual(world.d.clauseIds);
  expect(body.participants.map((p) => p.code)).toEqual(codes);
});

it('refuses the freeze with exactly the blockers: a missing approval, an outdated one, stale and missing concordance, brackets', async () => {
  const spanish = await currentPlainText(world.server, world.d.documentId, D, 'es');
  const word = spanish.split(' ').find((w) => /^[a-záéíóúñ]{5,}$/.test(w))!;
  await editAs(world.server, world.d.documentId, world.delegates.SV.userId, D, 'es', replaceWords(word, `[${word}]`));
  await approveEverything(world, new Set([`${A}:GT`, `${C}:concordance`]));
  await editAs(world.server, world.d.documentId, world.delegates.HN.userId, B, 'en', replaceWords(' the ', ' the said '));

  const expected: FreezeBlocker[] = [
    { reason: 'not_approved', clauseId: A, participantId: id('GT'), languages: [] },
    { reason: 'concordance_stale', clauseId: B, participantId: null, languages: ['en'] },
    ...codes.map((c) => ({ reason: 'approval_outdated' as const, clauseId: B, participantId: id(c), languages: [] })),
    { reason: 'concordance_unconfirmed', clauseId: C, participantId: null, languages: [] },
    { reason: 'brackets', clauseId: D, participantId: null, languages: ['es'] },
  ];
  const shown = await status();
  expect(shown.body.blockers).toEqual(expected);

  const refused = await freeze(world);
  expect(refused.status).toBe(409);
  expect(refused.body.error!.code).toBe('freeze_blocked');
  expect(refused.body.error!.message).toContain('8');
  expect((refused.body.error!.details as { blockers: FreezeBlocker[] }).blockers).toEqual(expected);
  const { rows } = await world.server.concordia.db.pool.query(`SELECT status FROM documents WHERE id = $1`, [world.d.documentId]);
  expect(rows[0].status).toBe('draft');
  const versions = await world.server.concordia.db.pool.query('SELECT count(*)::int AS n FROM document_versions');
  expect(versions.rows[0].n).toBe(0);
});

it('refuses the freeze to everyone but the secretariat, whatever the blockers', async () => {
  for (const person of [world.delegates.US, world.delegates.GT, world.legal, world.observer]) {
    const answer = await freeze(world, person);
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 403, code: 'forbidden' });
  }
});

it('freezes once every blocker is resolved, and refuses a second freeze with 423', async () => {
  await approve(world, 'GT', A);
  await confirm(world, B);
  for (const code of codes) await approve(world, code, B);
  await confirm(world, C);
  const spanish = await currentPlainText(world.server, world.d.documentId, D, 'es');
  const bracketed = /\[([^\]]+)\]/.exec(spanish)!;
  await editAs(world.server, world.d.documentId, world.delegates.SV.userId, D, 'es', replaceWords(bracketed[0], bracketed[1]));
  await confirm(world, D);
  for (const code of codes) await approve(world, code, D);
  expect((await status()).body).toMatchObject({ ready: true, blockers: [] });

  const frozen = await freeze(world);
  expect(frozen.status).toBe(201);
  expect(frozen.body.version).toMatchObject({ kind: 'frozen' });
  expect(frozen.body.version.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  const after = await status();
  expect(after.body).toMatchObject({ documentStatus: 'frozen', ready: false, blockers: [], frozenVersion: { id: frozen.body.version.id } });
  const again = await freeze(world);
  expect({ status: again.status, code: again.body.error?.code }).toEqual({ status: 423, code: 'document_frozen' });
});
