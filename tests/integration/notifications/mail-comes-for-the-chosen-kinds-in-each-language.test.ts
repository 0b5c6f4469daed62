/**
 * Mail comes only for the kinds each person chose (being mentioned unless they said no), in the
 * language of their interface, with a link to the negotiation. (A mail server that is down: see
 * my-notifications-are-mine-to-read.test.ts.)
 */
import { fakeSmtp } from '../../utils/fake-smtp';
import { approveEverything, freeze, startWorld, type World } from '../versions/support';
import { DEMO_EMAILS } from '../../utils/people';
import type { Person } from '../../utils/people';
import { listOf, readMail, type ReceivedMail } from './support';

let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
let world: World;
let documentId: string;
let hn: Person;
let gt: Person;
let us: Person;
let sv: Person;
let title: { en: string; es: string };

const settle = () => world.server.concordia.notifications.settle();
const mails = (): ReceivedMail[] => smtp.messages.map(readMail);
const link = () => `https://concordia.example/documents/${documentId}`;

beforeAll(async () => {
  smtp = await fakeSmtp();
  world = await startWorld({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://concordia.example' });
  documentId = world.d.documentId;
  ({ HN: hn, GT: gt, US: us, SV: sv } = world.delegates);
  const { rows } = await world.server.concordia.db.pool.query<{ title: { en: string; es: string } }>('SELECT title FROM documents WHERE id = $1', [documentId]);
  title = rows[0].title;
});
afterAll(async () => {
  await world.server.stop();
  await smtp.close();
});

describe('choosing what comes by mail', () => {
  it('starts with mail for mentions only', async () => {
    const answer = await us.request('GET', '/api/notifications/preferences');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ mail: { mention: true, approval_outdated: false, proposal: false, version_named: false, document_frozen: false } });
  });

  it('keeps each person’s choices, changing only the kinds given', async () => {
    expect((await hn.request('PATCH', '/api/me', { uiLanguage: 'es' })).status).toBe(200);
    const chosen = await hn.request('PUT', '/api/notifications/preferences', { mail: { version_named: true, document_frozen: true } });
    expect(chosen.status).toBe(200);
    expect(chosen.body.mail).toEqual({ mention: true, approval_outdated: false, proposal: false, version_named: true, document_frozen: true });
    expect((await gt.request('PUT', '/api/notifications/preferences', { mail: { mention: false } })).body.mail.mention).toBe(false);
    expect((await hn.request('GET', '/api/notifications/preferences')).body.mail.version_named).toBe(true);
  });

  it('refuses an unknown kind or a value that is not yes or no, in the person’s language', async () => {
    const unknown = await hn.request('PUT', '/api/notifications/preferences', { mail: { gossip: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_field');
    expect(unknown.body.error.message).toMatch(/^El campo «.*gossip» no se admite aquí\.$/);
    const wrong = await us.request('PUT', '/api/notifications/preferences', { mail: { mention: 'often' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('validation_failed');
    expect(wrong.body.error.message).toMatch(/^The field “.*mention” is not valid/);
  });
});

describe('mail', () => {
  it('comes to those mentioned who want it, each in their language', async () => {
    const names = [hn, gt, us].map((p) => `@${p.displayName}`).join(' ');
    const answer = await sv.request('POST', `/api/documents/${documentId}/comments`, {
      clauseId: world.d.clauseIds[2],
      body: `${names}: El Salvador can accept this wording.`,
      visibility: 'all',
    });
    expect(answer.status).toBe(201);
    await settle();
    const sent = mails();
    expect(sent.map((m) => m.to).sort()).toEqual([DEMO_EMAILS.hn, DEMO_EMAILS.us].sort());
    const toHn = sent.find((m) => m.to === DEMO_EMAILS.hn)!;
    expect(toHn.subject).toBe(`${sv.displayName} le mencionó en «${title.es}»`);
    expect(toHn.text).toContain('El Salvador can accept this wording.');
    expect(toHn.text).toContain('Ábralo en Concordia');
    expect(toHn.text).toContain(link());
    const toUs = sent.find((m) => m.to === DEMO_EMAILS.us)!;
    expect(toUs.subject).toBe(`${sv.displayName} mentioned you in “${title.en}”`);
    expect(toUs.text).toContain(link());
    // gt chose no mail: the notification is in the app all the same.
    expect((await listOf(gt)).notifications.filter((x) => x.kind === 'mention')).toHaveLength(1);
  });

  it('comes for a named version only to those who chose it', async () => {
    const before = smtp.messages.length;
    expect((await world.secretariat.request('POST', `/api/documents/${documentId}/versions`, { name: 'Ronda de Tegucigalpa' })).status).toBe(201);
    await settle();
    const sent = mails().slice(before);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([[DEMO_EMAILS.hn, `Nueva versión «Ronda de Tegucigalpa» de «${title.es}»`]]);
  });

  it('comes for the freeze only to those who chose it, and everyone but the secretariat who froze it is told in the app', async () => {
    await approveEverything(world);
    const before = smtp.messages.length;
    const frozen = await freeze(world);
    expect(frozen.status).toBe(201);
    await settle();
    const sent = mails().slice(before);
    expect(sent.map((m) => [m.to, m.subject])).toEqual([[DEMO_EMAILS.hn, `«${title.es}» quedó congelado para la firma`]]);
    for (const person of [hn, gt, us, sv, world.legal, world.observer]) {
      expect((await listOf(person)).notifications.filter((x) => x.kind === 'document_frozen')).toHaveLength(1);
    }
    expect((await listOf(world.secretariat)).notifications.filter((x) => x.kind === 'document_frozen')).toHaveLength(0);
    // Reading notifications stays open on a frozen negotiation.
    expect((await hn.request('POST', '/api/notifications/read-all', { documentId })).status).toBe(200);
  });
});
