/**
 * Only the secretariat (of any negotiation) and administrators start negotiations and import into
 * them; observers and delegates are refused and the refusal is recorded. An import never lands in
 * a frozen document, nor in one where a clause was ever approved.
 */
import type { TestServer } from '../../utils/test-server';
import { memorandumDocx } from '../../utils/memorandum-docx';
import { hashPassword } from '../../../server/src/auth/passwords';
import { demoDocumentId, newNegotiation, signIn, startImportServer, writtenCounts, type Person } from './support';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let server: TestServer;
let secretariat: Person;
let en: Buffer;

beforeAll(async () => {
  server = await startImportServer();
  secretariat = await signIn(server, 'secretariat@demo.test');
  en = await memorandumDocx('en');
});
afterAll(async () => {
  await server.stop();
});

const create = (person: Person) => person.request('POST', '/api/documents', { title: { en: 'Action Plan', es: 'Plan de Acción' } });
const uploadTo = (person: Person, documentId: string) =>
  person.upload(`/api/documents/${documentId}/import/preview`, { en: { name: 'memorandum.docx', bytes: en, type: DOCX } });

describe.each(['observer@demo.test', 'us.delegate@demo.test', 'hn.legal@demo.test'])('%s', (email) => {
  it('cannot start a negotiation, and the refusal is recorded', async () => {
    const person = await signIn(server, email);
    const answer = await create(person);
    expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 403, code: 'forbidden' });
    const { rows } = await server.concordia.db.pool.query(
      `SELECT subject FROM audit_events WHERE action = 'authorization.denied' AND actor_user_id = $1 AND subject->>'action' = 'document.create'`,
      [person.userId],
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('cannot import into the demo negotiation, and nothing is written', async () => {
    const person = await signIn(server, email);
    const documentId = demoDocumentId(server);
    const before = await writtenCounts(server, documentId);
    const answer = await uploadTo(person, documentId);
    expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 403, code: 'forbidden' });
    const confirm = await person.request('POST', `/api/documents/${documentId}/import`, { previewId: crypto.randomUUID(), mode: 'replace' });
    expect(confirm.status).toBe(403);
    expect(await writtenCounts(server, documentId)).toEqual(before);
  });
});

it('lets the secretariat start a negotiation with Participants and members, and open it', async () => {
  const answer = await secretariat.request('POST', '/api/documents', {
    title: { en: 'Action Plan', es: 'Plan de Acción' },
    participants: [{ code: 'GT', name: { en: 'Guatemala', es: 'Guatemala' }, color: '#4997D0' }],
    members: [
      { email: 'gt.delegate@demo.test', role: 'delegate', participant: 'GT' },
      { email: 'observer@demo.test', role: 'observer' },
    ],
  });
  expect(answer.status).toBe(201);
  const documentId = answer.body.document.id;
  const detail = await secretariat.request('GET', `/api/documents/${documentId}`);
  expect(detail.body.document).toMatchObject({ title: { en: 'Action Plan', es: 'Plan de Acción' }, languages: ['en', 'es'], status: 'draft' });
  expect(detail.body.me.role).toBe('secretariat');
  const members = await secretariat.request('GET', `/api/documents/${documentId}/members`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expect(members.body.members.map((m: any) => [m.email, m.role]).sort()).toEqual([
    ['gt.delegate@demo.test', 'delegate'],
    ['observer@demo.test', 'observer'],
    ['secretariat@demo.test', 'secretariat'],
  ]);
  const delegate = await signIn(server, 'gt.delegate@demo.test');
  expect((await delegate.request('GET', `/api/documents/${documentId}`)).body.me.role).toBe('delegate');
});

it('takes other languages by code, and refuses an unknown member without creating anything', async () => {
  const trilingual = await secretariat.request('POST', '/api/documents', { title: { en: 'Plan', es: 'Plan', fr: 'Plan' }, languages: ['en', 'es', 'fr'] });
  expect(trilingual.status).toBe(201);
  expect((await secretariat.request('GET', `/api/documents/${trilingual.body.document.id}`)).body.document.languages).toEqual(['en', 'es', 'fr']);
  const missingTitle = await secretariat.request('POST', '/api/documents', { title: { en: 'Plan' } });
  expect(missingTitle.body.error).toMatchObject({ code: 'validation_failed' });
  const count = async () => Number((await server.concordia.db.pool.query('SELECT count(*) AS n FROM documents')).rows[0].n);
  const before = await count();
  const unknown = await secretariat.request('POST', '/api/documents', {
    title: { en: 'Plan', es: 'Plan' },
    members: [{ email: 'nobody@demo.test', role: 'observer' }],
  });
  expect(unknown.body.error.code).toBe('no_such_user');
  expect(await count()).toBe(before);
});

it('lets an administrator who is a member of nothing start a negotiation', async () => {
  await server.concordia.db.pool.query(`INSERT INTO users (email, display_name, password_hash, is_admin) VALUES ('admin@import.test', 'Admin', $1, true)`, [
    await hashPassword('demo'),
  ]);
  const admin = await signIn(server, 'admin@import.test');
  expect((await create(admin)).status).toBe(201);
});

it('refuses an import into a frozen document with 423, even its preview', async () => {
  const documentId = await newNegotiation(secretariat);
  await server.concordia.db.pool.query(`UPDATE documents SET status = 'frozen', frozen_at = now() WHERE id = $1`, [documentId]);
  const answer = await uploadTo(secretariat, documentId);
  expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 423, code: 'document_frozen' });
});

it('refuses to confirm an import once a clause was approved, with 409 and nothing written', async () => {
  const documentId = await newNegotiation(secretariat);
  const { preview } = (await uploadTo(secretariat, documentId)).body;
  const pool = server.concordia.db.pool;
  const participant = await pool.query<{ id: string }>(
    `INSERT INTO participants (document_id, code, name, color) VALUES ($1, 'GT', '{"en":"Guatemala","es":"Guatemala"}', '#4997D0') RETURNING id`,
    [documentId],
  );
  await pool.query(
    `INSERT INTO approvals (document_id, clause_id, participant_id, user_id, kind, fingerprint, clause_kind, language_hashes, canonical_texts, concordance_status, through_update_id)
     VALUES ($1, 'c_0000000000000001', $2, $3, 'approval', $4, 'clause', '{}', '{}', 'concordant', 0)`,
    [documentId, participant.rows[0].id, secretariat.userId, 'a'.repeat(64)],
  );
  const before = await writtenCounts(server, documentId);
  const answer = await secretariat.request('POST', `/api/documents/${documentId}/import`, { previewId: preview.id, mode: 'append' });
  expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 409, code: 'import_after_approval' });
  expect(await writtenCounts(server, documentId)).toEqual(before);
});
