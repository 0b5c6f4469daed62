import { startTestServer, type TestServer } from '../../utils/test-server';
import { currentState, demo, editAs, signIn, type Demo, type Person } from './approvals-helpers';
import type { ApprovalMatrix, ClauseApprovals } from '../../../shared/src/api/approvals';

let server: TestServer;
let d: Demo;
let secretariat: Person;
let gt: Person;
let legal: Person;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demo(server);
  secretariat = await signIn(server, 'secretariat@demo.test');
  gt = await signIn(server, 'gt.delegate@demo.test');
  legal = await signIn(server, 'hn.legal@demo.test');
});
afterAll(() => server.stop());

const confirmPath = (clauseId: string) => `/api/documents/${d.documentId}/clauses/${clauseId}/concordance`;

async function confirm(person: Person, clauseId: string) {
  const { languageHashes } = await currentState(server, d.documentId, clauseId);
  return person.request<{ confirmation: { languageHashes: Record<string, string> }; error: { code: string } }>('POST', confirmPath(clauseId), {
    languageHashes,
  });
}

async function concordanceOf(clauseId: string) {
  const { body } = await gt.request<ApprovalMatrix>('GET', `/api/documents/${d.documentId}/approvals`);
  return body.clauses.find((c) => c.clauseId === clauseId)!.concordance;
}

describe('concordance of the language versions', () => {
  it('is unconfirmed until a member confirms it, then concordant with both language hashes stored', async () => {
    const clauseId = d.clauseIds[4];
    expect((await concordanceOf(clauseId)).status).toBe('unconfirmed');
    const answer = await confirm(secretariat, clauseId);
    expect(answer.status).toBe(201);
    const { languageHashes } = await currentState(server, d.documentId, clauseId);
    expect(answer.body.confirmation.languageHashes).toEqual(languageHashes);
    expect(await concordanceOf(clauseId)).toMatchObject({ status: 'concordant', changedLanguages: [] });
  });

  it('goes stale when the English text changes, naming English and showing the change', async () => {
    const clauseId = d.clauseIds[4];
    await editAs(server, d.documentId, gt.userId, clauseId, 'en', (text) => text.insert(text.length, ' Indeed.'));
    expect(await concordanceOf(clauseId)).toMatchObject({ status: 'stale', changedLanguages: ['en'] });
    const { body } = await gt.request<ClauseApprovals>('GET', `/api/documents/${d.documentId}/clauses/${clauseId}/approvals`);
    expect(body.concordance.changedSince!.changedLanguages).toEqual(['en']);
    expect(body.concordance.changedSince!.changes.en.filter((p) => p.op !== 'equal')).toEqual([{ op: 'insert', text: ' Indeed.' }]);
    expect(body.concordance.changedSince!.changedBy.map((u) => u.id)).toEqual([gt.userId]);
  });

  it('goes stale when the Spanish text changes, naming Spanish: there is no source language', async () => {
    const clauseId = d.clauseIds[6];
    expect((await confirm(gt, clauseId)).status).toBe(201);
    await editAs(server, d.documentId, gt.userId, clauseId, 'es', (text) => text.insert(0, 'Además, '));
    expect(await concordanceOf(clauseId)).toMatchObject({ status: 'stale', changedLanguages: ['es'] });
  });

  it('is concordant again once confirmed again', async () => {
    const clauseId = d.clauseIds[6];
    expect((await confirm(secretariat, clauseId)).status).toBe(201);
    expect((await concordanceOf(clauseId)).status).toBe('concordant');
  });

  it('refuses a confirmation of texts that changed since with 409, and one missing a language with 400', async () => {
    const clauseId = d.clauseIds[7];
    const { languageHashes } = await currentState(server, d.documentId, clauseId);
    await editAs(server, d.documentId, gt.userId, clauseId, 'en', (text) => text.insert(0, 'Further, '));
    expect((await secretariat.request('POST', confirmPath(clauseId), { languageHashes })).status).toBe(409);
    expect((await secretariat.request('POST', confirmPath(clauseId), { languageHashes: { en: languageHashes.en } })).status).toBe(400);
  });

  it('is not confirmed by legal reviewers or observers (the policy allows the secretariat and delegates)', async () => {
    expect((await confirm(legal, d.clauseIds[8])).status).toBe(403);
  });

  it('needs an explicit acknowledgement to approve a clause whose concordance is stale or unconfirmed', async () => {
    for (const clauseId of [d.clauseIds[4], d.clauseIds[9]]) {
      // stale, unconfirmed
      const { fingerprint } = await currentState(server, d.documentId, clauseId);
      const path = `/api/documents/${d.documentId}/clauses/${clauseId}/approvals`;
      const refused = await gt.request<{ error: { code: string } }>('POST', path, { participantId: d.participants.GT, fingerprint });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('concordance_unacknowledged');
      const accepted = await gt.request<{ approval: { concordanceAtApproval: string } }>('POST', path, {
        participantId: d.participants.GT,
        fingerprint,
        acknowledgeConcordance: true,
      });
      expect(accepted.status).toBe(201);
    }
    const { rows } = await server.concordia.db.pool.query('SELECT concordance_status FROM approvals ORDER BY id');
    expect(rows.map((r) => r.concordance_status)).toEqual(['stale', 'unconfirmed']);
  });

  it('does not need the acknowledgement for a concordant clause', async () => {
    const clauseId = d.clauseIds[6];
    const { fingerprint } = await currentState(server, d.documentId, clauseId);
    const answer = await gt.request<{ approval: { concordanceAtApproval: string } }>('POST', `/api/documents/${d.documentId}/clauses/${clauseId}/approvals`, {
      participantId: d.participants.GT,
      fingerprint,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.approval.concordanceAtApproval).toBe('concordant');
  });

  it('records every confirmation in the audit chain', async () => {
    const { rows } = await server.concordia.db.pool.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'clause.concordance_confirmed'`);
    expect(rows[0].n).toBe(3);
  });
});
