/**
 * [T1], [T2] (shared/src/text-characters.ts) at every REST input that stores a text: a NUL, another
 * control character XML 1.0 cannot hold, or U+FFFF is refused with 400 `text_characters_not_allowed`
 * naming the field — never a 500, never stored; in a person's name, bidi controls and invisible
 * characters are refused too (`name_characters_not_allowed`). The message is translated.
 */
import { startTestServer, type TestServer } from '../../utils/test-server';
import { DEMO_EMAILS, NOBODY, requestAs, signIn, type Person } from '../../utils/people';

let server: TestServer;
let secretariat: Person;
let documentId: string;
let participantId: string;
let inviteToken: string;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1' });
  secretariat = await signIn(server, DEMO_EMAILS.secretariat);
  documentId = server.concordia.demo!.documentId;
  participantId = (await secretariat.request('GET', `/api/documents/${documentId}/participants`)).body.participants[0].id;
  const invitation = await secretariat.request('POST', `/api/documents/${documentId}/invitations`, { email: 'newcomer@demo.test', role: 'observer' });
  expect(invitation.status).toBe(201);
  inviteToken = String(invitation.body.invitation.url).split('/').pop()!;
}, 120_000);
afterAll(() => server.stop());

type Case = { name: string; method: string; path: () => string; body: (bad: string) => unknown; field: string; person?: boolean; anonymous?: boolean };
const ok = (text: string) => ({ en: text, es: text });
const signature = (place: string, name: string, title: string) => ({
  place: { en: place, es: 'San Salvador' },
  date: '2026-03-01',
  signatories: [{ participantId, name, title: { en: title, es: 'Ministro' } }],
});

const CASES: Case[] = [
  {
    name: 'the sign-in email',
    method: 'POST',
    path: () => '/api/auth/login',
    body: (b) => ({ email: `secretariat${b}@demo.test`, password: 'demo' }),
    field: 'email',
    anonymous: true,
  },
  {
    name: 'one’s display name',
    method: 'PATCH',
    path: () => '/api/me',
    body: (b) => ({ displayName: `Ana${b} Secretariat` }),
    field: 'displayName',
    person: true,
  },
  {
    name: 'the display name of an accepted invitation',
    method: 'POST',
    path: () => `/api/invitations/${inviteToken}/accept`,
    body: (b) => ({ displayName: `New${b} comer`, password: 'a long enough password' }),
    field: 'displayName',
    person: true,
    anonymous: true,
  },
  {
    name: 'a new negotiation’s title',
    method: 'POST',
    path: () => '/api/documents',
    body: (b) => ({ title: { en: `Compact${b}`, es: 'Pacto' } }),
    field: 'title.en',
  },
  {
    name: 'a new negotiation’s Participant name',
    method: 'POST',
    path: () => '/api/documents',
    body: (b) => ({ title: ok('Compact'), participants: [{ code: 'MX', name: { en: 'Mexico', es: `México${b}` }, color: '#123456' }] }),
    field: 'participants.0.name.es',
  },
  {
    name: 'a new negotiation’s member email',
    method: 'POST',
    path: () => '/api/documents',
    body: (b) => ({ title: ok('Compact'), members: [{ email: `x${b}@demo.test`, role: 'observer' }] }),
    field: 'members.0.email',
  },
  {
    name: 'a duplicate’s title',
    method: 'POST',
    path: () => `/api/documents/${documentId}/duplicate`,
    body: (b) => ({ title: { en: 'Copy', es: `Copia${b}` } }),
    field: 'title.es',
  },
  {
    name: 'a Participant name',
    method: 'POST',
    path: () => `/api/documents/${documentId}/participants`,
    body: (b) => ({ code: 'MX', name: { en: `Mexico${b}`, es: 'México' }, color: '#123456' }),
    field: 'name.en',
  },
  {
    name: 'a changed Participant name',
    method: 'PATCH',
    path: () => `/api/documents/${documentId}/participants/${participantId}`,
    body: (b) => ({ name: { en: `Guatemala${b}`, es: 'Guatemala' } }),
    field: 'name.en',
  },
  { name: 'a version name', method: 'POST', path: () => `/api/documents/${documentId}/versions`, body: (b) => ({ name: `Rolling${b} text` }), field: 'name' },
  {
    name: 'the signature place',
    method: 'POST',
    path: () => `/api/documents/${documentId}/signature-record`,
    body: (b) => signature(`San${b} Salvador`, 'Ana', 'Minister'),
    field: 'place.en',
  },
  {
    name: 'a signatory’s name',
    method: 'POST',
    path: () => `/api/documents/${documentId}/signature-record`,
    body: (b) => signature('San Salvador', `Ana${b}`, 'Minister'),
    field: 'signatories.0.name',
    person: true,
  },
  {
    name: 'a signatory’s title',
    method: 'POST',
    path: () => `/api/documents/${documentId}/signature-record`,
    body: (b) => signature('San Salvador', 'Ana', `Minister${b}`),
    field: 'signatories.0.title.en',
  },
  {
    name: 'a member’s email',
    method: 'POST',
    path: () => `/api/documents/${documentId}/memberships`,
    body: (b) => ({ email: `x${b}@demo.test`, role: 'observer' }),
    field: 'email',
  },
  {
    name: 'an invitation’s email',
    method: 'POST',
    path: () => `/api/documents/${documentId}/invitations`,
    body: (b) => ({ email: `x${b}@demo.test`, role: 'observer' }),
    field: 'email',
  },
];

const CONTROL = [
  ['NUL', '\u0000'],
  ['U+0001', '\u0001'],
  ['U+001F', '\u001f'],
  ['U+FFFF', '\uffff'],
] as const;
const INVISIBLE = [
  ['a right-to-left override', '\u202e'],
  ['a right-to-left isolate', '\u2067'],
  ['a zero-width space', '\u200b'],
  ['a zero-width joiner', '\u200d'],
  ['a soft hyphen', '\u00ad'],
  ['a Hangul filler', '\u3164'],
] as const;

const send = (c: Case, bad: string, lang = 'en') =>
  requestAs(server, c.anonymous ? { ...NOBODY, lang } : { ...secretariat, lang }, c.method, c.path(), c.body(bad));

describe.each(CASES)('$name', (c) => {
  it.each(CONTROL)('refuses %s with 400 naming the field', async (_, bad) => {
    const answer = await send(c, bad);
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 400,
      body: { error: { code: 'text_characters_not_allowed', message: expect.stringContaining(`“${c.field}”`) } },
    });
  });
  if (c.person) {
    it.each(INVISIBLE)('refuses %s in a name with 400 naming the field', async (_, bad) => {
      const answer = await send(c, bad);
      expect({ status: answer.status, code: answer.body.error?.code, message: answer.body.error?.message }).toEqual({
        status: 400,
        code: 'name_characters_not_allowed',
        message: expect.stringContaining(`“${c.field}”`),
      });
    });
  }
});

it('says it in Spanish to a Spanish speaker', async () => {
  const anonymous = await send(CASES[0], '\u0000', 'es');
  expect(anonymous.body.error.message).toMatch(/^El campo «email» contiene un carácter de control/);
  expect((await secretariat.request('PATCH', '/api/me', { uiLanguage: 'es' })).status).toBe(200);
  try {
    const answer = await secretariat.request('PATCH', '/api/me', { displayName: 'Ana\u202e' });
    expect(answer.body.error.message).toMatch(/^El campo «displayName» contiene caracteres invisibles/);
  } finally {
    await secretariat.request('PATCH', '/api/me', { uiLanguage: 'en' });
  }
});

it('still accepts names and titles in any script, with accents, apostrophes and emoji', async () => {
  expect((await secretariat.request('PATCH', '/api/me', { displayName: 'José María O’Brien-Núñez 李小龍 \u{1F600}' })).status).toBe(200);
  expect((await secretariat.request('POST', `/api/documents/${documentId}/versions`, { name: 'Text\tcirculated\nto capitals' })).status).toBe(201);
});
