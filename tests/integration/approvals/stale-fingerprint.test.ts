import { startTestServer, type TestServer } from '../../utils/test-server';
import { currentState, demo, editAs, signIn, type Demo, type Person } from './approvals-helpers';

let server: TestServer;
let d: Demo;
let us: Person;
let sv: Person;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demo(server);
  us = await signIn(server, 'us.delegate@demo.test', { lang: 'en' });
  sv = await signIn(server, 'sv.delegate@demo.test', { lang: 'es' });
});
afterAll(() => server.stop());

const path = (clauseId: string) => `/api/documents/${d.documentId}/clauses/${clauseId}/approvals`;

describe('approving with the fingerprint of a text that is no longer the text', () => {
  it('answers 409 text_changed, in the person’s language, and stores nothing', async () => {
    const clauseId = d.clauseIds[5];
    const seen = await currentState(server, d.documentId, clauseId);
    await editAs(server, d.documentId, us.userId, clauseId, 'es', (text) => text.insert(0, 'Asimismo, '));

    const english = await us.request<{ error: { code: string; message: string } }>('POST', path(clauseId), {
      participantId: d.participants.US,
      fingerprint: seen.fingerprint,
      acknowledgeConcordance: true,
    });
    expect(english.status).toBe(409);
    expect(english.body.error).toEqual({ code: 'text_changed', message: 'The text changed while you were reading it; review it again.' });

    const spanish = await sv.request<{ error: { code: string; message: string } }>('POST', path(clauseId), {
      participantId: d.participants.SV,
      fingerprint: seen.fingerprint,
      acknowledgeConcordance: true,
    });
    expect(spanish.status).toBe(409);
    expect(spanish.body.error.message).toBe('El texto cambió mientras lo leía; revíselo de nuevo.');

    const { rows } = await server.concordia.db.pool.query('SELECT count(*)::int AS n FROM approvals');
    expect(rows[0].n).toBe(0);
  });

  it('accepts the same request with the fingerprint of the text as it is now', async () => {
    const clauseId = d.clauseIds[5];
    const now = await currentState(server, d.documentId, clauseId);
    const answer = await us.request('POST', path(clauseId), { participantId: d.participants.US, fingerprint: now.fingerprint, acknowledgeConcordance: true });
    expect(answer.status).toBe(201);
  });

  it('answers 404 for a clause the document does not have, and 400 for a malformed fingerprint', async () => {
    const fingerprint = (await currentState(server, d.documentId, d.clauseIds[0])).fingerprint;
    expect((await us.request('POST', path('c_0000000000000000'), { participantId: d.participants.US, fingerprint })).status).toBe(404);
    const malformed = await us.request<{ error: { code: string } }>('POST', path(d.clauseIds[0]), { participantId: d.participants.US, fingerprint: 'ABC' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation_failed');
  });
});
