import { startTestServer, type TestServer } from '../../utils/test-server';
import { currentPlainText, currentState, demo, editAs, replaceWords, signIn, type Demo, type Person } from './approvals-helpers';
import type { ApprovalMatrix, ClauseApprovals } from '../../../shared/src/api/approvals';
import { diffSide } from '../../../shared/src/word-diff';
import { canonicalString, clauseFingerprintFromHashes } from '../../../shared/src/canonical';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

let server: TestServer;
let d: Demo;
let hn: Person;
let gt: Person;
let clauseId: string;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demo(server);
  hn = await signIn(server, 'hn.delegate@demo.test');
  gt = await signIn(server, 'gt.delegate@demo.test');
  clauseId = await firstArticleWith(' intend to ');
});
afterAll(() => server.stop());

/** The first clause whose English text contains `words` (the demo text is fixed). */
async function firstArticleWith(words: string): Promise<string> {
  for (const id of d.clauseIds) if ((await currentPlainText(server, d.documentId, id, 'en')).includes(words)) return id;
  throw new Error(`No demo clause contains "${words}"`);
}

const approvals = (id = clauseId) => `/api/documents/${d.documentId}/clauses/${id}/approvals`;

async function approve(person: Person, code: string, id = clauseId) {
  const { fingerprint } = await currentState(server, d.documentId, id);
  return person.request<{ approval: { id: string; fingerprint: string } }>('POST', approvals(id), {
    participantId: d.participants[code],
    fingerprint,
    acknowledgeConcordance: true,
  });
}

async function statusOf(code: string, id = clauseId): Promise<string> {
  const { body } = await hn.request<ApprovalMatrix>('GET', `/api/documents/${d.documentId}/approvals`);
  return body.clauses.find((c) => c.clauseId === id)!.statuses[d.participants[code]];
}

describe('approving a clause and then editing it', () => {
  it('records the approval with the fingerprint, the language hashes and the canonical texts it covers', async () => {
    const state = await currentState(server, d.documentId, clauseId);
    const answer = await approve(hn, 'HN');
    expect(answer.status).toBe(201);
    expect(answer.body.approval).toMatchObject({ fingerprint: state.fingerprint, participantId: d.participants.HN, approvedBy: { id: hn.userId } });
    const { rows } = await server.concordia.db.pool.query('SELECT * FROM approvals WHERE id = $1', [answer.body.approval.id]);
    const row = rows[0];
    expect(row).toMatchObject({ kind: 'approval', user_id: hn.userId, participant_id: d.participants.HN, clause_id: clauseId, fingerprint: state.fingerprint });
    // The stored texts are the exact bytes hashed: they prove what was approved without the document.
    for (const lang of ['en', 'es']) {
      expect(bytesToHex(sha256(new TextEncoder().encode(row.canonical_texts[lang])))).toBe(row.language_hashes[lang]);
      expect(canonicalString(JSON.parse(row.canonical_texts[lang]))).toBe(row.canonical_texts[lang]);
    }
    expect(clauseFingerprintFromHashes({ kind: row.clause_kind, hashes: row.language_hashes })).toBe(row.fingerprint);
    expect(await statusOf('HN')).toBe('approved');
    expect(await statusOf('GT')).toBe('not_approved');
  });

  it('turns outdated when the English text changes, showing the English change and who made it', async () => {
    await editAs(server, d.documentId, gt.userId, clauseId, 'en', replaceWords(' intend to ', ' will '));
    expect(await statusOf('HN')).toBe('outdated');
    const { body } = await hn.request<ClauseApprovals>('GET', approvals());
    const cell = body.participants.find((p) => p.participantId === d.participants.HN)!;
    expect(cell.status).toBe('outdated');
    expect(cell.changedSince!.changedLanguages).toEqual(['en']);
    expect(cell.changedSince!.changes.en).toEqual(
      expect.arrayContaining([
        { op: 'delete', text: 'intend to' },
        { op: 'insert', text: 'will' },
      ]),
    );
    expect(cell.changedSince!.changes.es.every((part) => part.op === 'equal')).toBe(true);
    expect(diffSide(cell.changedSince!.changes.en, 'before')).toBe(cell.approval!.plainTexts.en);
    expect(diffSide(cell.changedSince!.changes.en, 'after')).toBe(body.plainTexts.en);
    expect(cell.changedSince!.changedBy).toEqual([{ id: gt.userId, displayName: gt.displayName }]);
  });

  it('is approved again once re-approved, and turns outdated when the Spanish text changes', async () => {
    expect((await approve(hn, 'HN')).status).toBe(201);
    expect(await statusOf('HN')).toBe('approved');
    const spanish = await currentPlainText(server, d.documentId, clauseId, 'es');
    const word = spanish.split(' ').find((w) => /^[a-záéíóúñ]{4,}$/.test(w))!;
    await editAs(server, d.documentId, hn.userId, clauseId, 'es', replaceWords(word, `${word} [provisional]`));
    expect(await statusOf('HN')).toBe('outdated');
    const { body } = await hn.request<ClauseApprovals>('GET', approvals());
    const cell = body.participants.find((p) => p.participantId === d.participants.HN)!;
    expect(cell.changedSince!.changedLanguages).toEqual(['es']);
    const changed = cell.changedSince!.changes.es.filter((p) => p.op !== 'equal');
    expect(changed.map((p) => [p.op, p.text.trim()])).toEqual([['insert', '[provisional]']]);
    expect(cell.changedSince!.changedBy.map((u) => u.id)).toEqual([hn.userId]);
  });

  it('is approved again when the text returns to exactly what was approved', async () => {
    await editAs(server, d.documentId, hn.userId, clauseId, 'es', replaceWords(' [provisional]', ''));
    expect(await statusOf('HN')).toBe('approved');
  });

  it('keeps every approval in the clause history', async () => {
    const { body } = await hn.request<ClauseApprovals>('GET', approvals());
    expect(body.history.filter((e) => e.type === 'approval').map((e) => e.user.id)).toEqual([hn.userId, hn.userId]);
  });
});
