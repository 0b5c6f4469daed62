/**
 * Starting the Action Plan from the Memorandum (its Participants and members, optionally its
 * text) and archiving a negotiation.
 */
import type { TestServer } from '../../utils/test-server';
import { demoClauses } from '../../../server/src/demo/memorandum';
import { demoDocumentId, newNegotiation, signIn, startImportServer, storedClauses, type Person } from './support';

let server: TestServer;
let secretariat: Person;

beforeAll(async () => {
  server = await startImportServer();
  secretariat = await signIn(server, 'secretariat@demo.test');
});
afterAll(async () => {
  await server.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const pick = (list: any[], ...keys: string[]) => list.map((item) => keys.map((key) => item[key])).sort();

it('starts the Action Plan from the Memorandum with the same Participants and members, and no text', async () => {
  const source = demoDocumentId(server);
  const answer = await secretariat.request('POST', `/api/documents/${source}/duplicate`, { title: { en: 'Action Plan', es: 'Plan de Acción' } });
  expect(answer.status).toBe(201);
  const copy = answer.body.document.id;
  const [from, to] = await Promise.all([source, copy].map((id) => secretariat.request('GET', `/api/documents/${id}`)));
  expect(pick(to.body.participants, 'code', 'color')).toEqual(pick(from.body.participants, 'code', 'color'));
  const [fromMembers, toMembers] = await Promise.all([source, copy].map((id) => secretariat.request('GET', `/api/documents/${id}/members`)));
  expect(pick(toMembers.body.members, 'email', 'role')).toEqual(pick(fromMembers.body.members, 'email', 'role'));
  expect(await storedClauses(server, copy)).toEqual([]);
  const { rows } = await server.concordia.db.pool.query('SELECT duplicated_from FROM documents WHERE id = $1', [copy]);
  expect(rows[0].duplicated_from).toBe(source);
  const delegate = await signIn(server, 'gt.delegate@demo.test');
  const seen = await delegate.request('GET', `/api/documents/${copy}`);
  expect(seen.body.me.participantId).toBe(to.body.participants.find((p: { code: string }) => p.code === 'GT').id);
});

it('copies the text too when asked, under new clause ids', async () => {
  const source = demoDocumentId(server);
  const answer = await secretariat.request('POST', `/api/documents/${source}/duplicate`, { title: { en: 'Memorandum II', es: 'Memorando II' }, text: true });
  expect(await storedClauses(server, answer.body.document.id)).toEqual(await storedClauses(server, source));
  expect((await storedClauses(server, answer.body.document.id)).length).toBe(demoClauses.length);
});

it('refuses a delegate who asks for a duplicate', async () => {
  const delegate = await signIn(server, 'us.delegate@demo.test');
  const answer = await delegate.request('POST', `/api/documents/${demoDocumentId(server)}/duplicate`, { title: { en: 'X', es: 'X' } });
  expect(answer.status).toBe(403);
});

it('archives a negotiation: it stays readable, refuses every change, and the event is recorded', async () => {
  const documentId = await newNegotiation(secretariat);
  expect((await secretariat.request('POST', `/api/documents/${documentId}/archive`, {})).body.error.code).toBe('validation_failed');
  const answer = await secretariat.request('POST', `/api/documents/${documentId}/archive`, { confirm: true });
  expect(answer.status).toBe(200);
  expect(answer.body.status).toBe('archived');
  expect((await secretariat.request('GET', `/api/documents/${documentId}`)).body.document.status).toBe('archived');
  const again = await secretariat.request('POST', `/api/documents/${documentId}/archive`, { confirm: true });
  expect(again.status).toBe(423);
  const preview = await secretariat.upload(`/api/documents/${documentId}/import/preview`, { en: { name: 'a.txt', bytes: 'Article 1. A.\n\nArticle 2. B.' } });
  expect(preview.status).toBe(423);
  const { rows } = await server.concordia.db.pool.query(`SELECT action FROM audit_events WHERE document_id = $1 ORDER BY id`, [documentId]);
  expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(['document.created', 'document.archived']));
});

it('refuses an observer who asks to archive', async () => {
  const observer = await signIn(server, 'observer@demo.test');
  const answer = await observer.request('POST', `/api/documents/${demoDocumentId(server)}/archive`, { confirm: true });
  expect(answer.status).toBe(403);
});
