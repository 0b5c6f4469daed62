import { startTestServer, type TestServer } from '../../utils/test-server';
import { currentState, demo, signIn, type Demo, type Person } from './approvals-helpers';

let server: TestServer;
let d: Demo;
let clauseId: string;
const people: Record<string, Person> = {};

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demo(server);
  clauseId = d.clauseIds[3];
  for (const email of ['us.delegate', 'gt.delegate', 'hn.delegate', 'hn.legal', 'observer', 'secretariat']) {
    people[email] = await signIn(server, `${email}@demo.test`);
  }
});
afterAll(() => server.stop());

const path = () => `/api/documents/${d.documentId}/clauses/${clauseId}/approvals`;

async function approveAs(email: string, code: string) {
  const { fingerprint } = await currentState(server, d.documentId, clauseId);
  return people[email].request<{ error: { code: string } }>('POST', path(), { participantId: d.participants[code], fingerprint, acknowledgeConcordance: true });
}

async function approvalRows(): Promise<number> {
  const { rows } = await server.concordia.db.pool.query('SELECT count(*)::int AS n FROM approvals');
  return rows[0].n;
}

describe('who may approve a clause', () => {
  it('refuses a Guatemalan delegate approving for Honduras with 403, and records the denial', async () => {
    const answer = await approveAs('gt.delegate', 'HN');
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('forbidden');
    const { rows } = await server.concordia.db.pool.query(`SELECT subject FROM audit_events WHERE action = 'authorization.denied' AND actor_user_id = $1`, [
      people['gt.delegate'].userId,
    ]);
    expect(rows.map((r) => r.subject)).toEqual([expect.objectContaining({ action: 'clause.approve', reason: 'other_participant' })]);
  });

  it('refuses the legal reviewer of Honduras, even for Honduras, with 403', async () => {
    expect((await approveAs('hn.legal', 'HN')).status).toBe(403);
  });

  it('refuses the observer and the secretariat with 403', async () => {
    expect((await approveAs('observer', 'HN')).status).toBe(403);
    expect((await approveAs('secretariat', 'US')).status).toBe(403);
  });

  it('stores nothing for a refused approval', async () => {
    expect(await approvalRows()).toBe(0);
  });

  it('refuses someone not signed in with 401 and a request without the CSRF token with 403', async () => {
    const { fingerprint } = await currentState(server, d.documentId, clauseId);
    const anonymous = await fetch(`${server.url}${path()}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ participantId: d.participants.US, fingerprint }),
    });
    expect(anonymous.status).toBe(401);
    const noToken = await people['us.delegate'].request<{ error: { code: string } }>(
      'POST',
      path(),
      { participantId: d.participants.US, fingerprint },
      { 'X-CSRF-Token': 'wrong' },
    );
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf_failed');
  });

  it('refuses unknown fields in the body', async () => {
    const { fingerprint } = await currentState(server, d.documentId, clauseId);
    const answer = await people['us.delegate'].request<{ error: { code: string } }>('POST', path(), {
      participantId: d.participants.US,
      fingerprint,
      status: 'approved',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('unknown_field');
  });

  it('lets a delegate approve for their own Participant', async () => {
    expect((await approveAs('us.delegate', 'US')).status).toBe(201);
    expect((await approveAs('hn.delegate', 'HN')).status).toBe(201);
  });

  it('lets only a delegate of the Participant revoke its approval', async () => {
    const revokeAs = (email: string, code: string) => people[email].request('DELETE', `${path()}?participantId=${d.participants[code]}`);
    expect((await revokeAs('gt.delegate', 'US')).status).toBe(403);
    expect((await revokeAs('secretariat', 'US')).status).toBe(403);
    expect((await revokeAs('us.delegate', 'US')).status).toBe(200);
    expect((await revokeAs('us.delegate', 'US')).status).toBe(404);
  });

  it('lets every member read the matrix, and nobody else', async () => {
    for (const person of Object.values(people)) {
      expect((await person.request('GET', `/api/documents/${d.documentId}/approvals`)).status).toBe(200);
    }
    const anonymous = await fetch(`${server.url}/api/documents/${d.documentId}/approvals`);
    expect(anonymous.status).toBe(401);
  });

  it('changes nothing after the freeze: approving, revoking and confirming answer 423', async () => {
    await server.concordia.db.pool.query(`UPDATE documents SET status = 'frozen', frozen_at = now() WHERE id = $1`, [d.documentId]);
    const approve = await approveAs('us.delegate', 'US');
    expect(approve.status).toBe(423);
    expect(approve.body.error.code).toBe('document_frozen');
    expect((await people['hn.delegate'].request('DELETE', `${path()}?participantId=${d.participants.HN}`)).status).toBe(423);
    const { languageHashes } = await currentState(server, d.documentId, clauseId);
    expect((await people.secretariat.request('POST', `/api/documents/${d.documentId}/clauses/${clauseId}/concordance`, { languageHashes })).status).toBe(423);
    const matrix = await people.observer.request<{ documentStatus: string }>('GET', `/api/documents/${d.documentId}/approvals`);
    expect(matrix.status).toBe(200);
    expect(matrix.body.documentStatus).toBe('frozen');
  });
});
