/**
 * Issue 16, signature conventions: the signature record states the originals and who signs ad
 * referendum, and the freeze makes both part of the signed record; after the freeze each Participant's
 * designated person initials the signed text (bound to its fingerprint, once) and the secretariat
 * records the confirmation of a signature ad referendum (once); each Participant's original downloads
 * and verifies as that original, with the attestations it carries.
 */
import type { Socket } from 'socket.io-client';
import { approveEverything, download, freeze, joinDocumentChannel, nextEvent, signIn, startWorld, type Person, type World } from './support';
import { SocketEvent } from '../../../shared/src/protocol';
import { versionFingerprint, type VersionRecord } from '../../../shared/src/versions/version-record';
import { defaultInitials } from '../../../shared/src/versions/signature-defaults';
import { renderExport } from '../../../server/src/exports/render-export';
import type { AttestationsAnswer, SignatureAttestedEvent } from '../../../shared/src/api/signatures';
import type { Verification } from '../../../shared/src/api/versions';

type Answer = AttestationsAnswer & { error?: { code: string; message: string } };

let world: World;
let head: Person;
let hnHead: Person;
let channel: Socket;
let namedVersionId: string;
let frozen: { id: string; fingerprint: string };
const doc = () => `/api/documents/${world.d.documentId}`;

const signatureRecord = (extra: Record<string, unknown> = {}) => ({
  place: { en: 'Washington, D.C.', es: 'Washington, D.C.' },
  date: '2026-03-01',
  signatories: [
    {
      participantId: world.d.participants.US,
      name: 'Kirstjen Nielsen',
      title: { en: 'Secretary of Homeland Security', es: 'Secretaria de Seguridad Nacional' },
    },
    {
      participantId: world.d.participants.GT,
      name: 'Enrique Degenhart',
      title: { en: 'Minister of Government', es: 'Ministro de Gobernación' },
      adReferendum: true,
    },
    { participantId: world.d.participants.SV, name: 'Mauricio Ramírez', title: { en: 'Minister of Justice', es: 'Ministro de Justicia' }, adReferendum: false },
  ],
  originals: { count: 4, languages: ['es', 'en'] },
  ...extra,
});

const initial = (who: Person, code: string, fingerprint: string, initials?: string) =>
  who.request<Answer>('POST', `${doc()}/signature/initials`, { participantId: world.d.participants[code], fingerprint, ...(initials ? { initials } : {}) });
const confirmSignature = (who: Person, code: string, date: string) =>
  who.request<Answer>('POST', `${doc()}/signature/confirmations`, { participantId: world.d.participants[code], date });

/** A second delegate of a Participant, with the demo password, whom the secretariat marks as its head of delegation. */
async function headOf(code: string, email: string, name: string): Promise<Person> {
  const pool = world.server.concordia.db.pool;
  const { rows: users } = await pool.query<{ id: string }>(
    `INSERT INTO users (email, display_name, password_hash, ui_language) SELECT $1, $2, password_hash, 'es' FROM users WHERE email = 'gt.delegate@demo.test' RETURNING id`,
    [email, name],
  );
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO memberships (document_id, user_id, role, participant_id) VALUES ($1, $2, 'delegate', $3) RETURNING id`,
    [world.d.documentId, users[0].id, world.d.participants[code]],
  );
  const marked = await world.secretariat.request('PATCH', `${doc()}/memberships/${rows[0].id}`, {
    role: 'delegate',
    participantId: world.d.participants[code],
    mayConfirmForCapital: true,
  });
  expect(marked.status).toBe(200);
  return signIn(world.server, email, { lang: 'es' });
}

beforeAll(async () => {
  world = await startWorld();
  head = await headOf('GT', 'gt.head@demo.test', 'Gabriela María Jefa');
  hnHead = await headOf('HN', 'hn.head@demo.test', 'Álvaro López');
  channel = await joinDocumentChannel(world.server, world.observer, world.d.documentId);
});
afterAll(async () => {
  channel?.close();
  await world.server.stop();
});

describe('the signature record, before the freeze', () => {
  it('refuses a statement of originals with fewer originals than Participants, more than 50, or no or foreign languages', async () => {
    for (const [originals, field] of [
      [{ count: 3, languages: ['en', 'es'] }, 'originals.count'],
      [{ count: 51, languages: ['en', 'es'] }, 'originals'],
      [{ count: 4, languages: [] }, 'originals'],
      [{ count: 4, languages: ['en', 'fr'] }, 'originals.languages.1'],
      [{ count: 4, languages: ['en', 'en'] }, 'originals.languages.1'],
    ] as const) {
      const answer = await world.secretariat.request<{ error: { code: string; message: string } }>(
        'POST',
        `${doc()}/signature-record`,
        signatureRecord({ originals }),
      );
      expect({ field, status: answer.status, code: answer.body.error.code }).toEqual({ field, status: 400, code: 'validation_failed' });
      expect(answer.body.error.message.length).toBeGreaterThan(0);
    }
    expect((await world.secretariat.request('GET', `${doc()}/signature-record`)).body.signature).toBeNull();
  });

  it('stores the originals in the document’s order of languages, and “ad referendum” only for the signatory who signs so', async () => {
    const saved = await world.secretariat.request('POST', `${doc()}/signature-record`, signatureRecord());
    expect(saved.status).toBe(200);
    const { signature } = (await world.observer.request('GET', `${doc()}/signature-record`)).body;
    expect(signature.originals).toEqual({ count: 4, languages: ['en', 'es'] });
    const byParticipant = Object.fromEntries(signature.signatories.map((s: { participantId: string }) => [s.participantId, s]));
    expect(byParticipant[world.d.participants.GT].adReferendum).toBe(true);
    expect('adReferendum' in byParticipant[world.d.participants.US]).toBe(false);
    expect('adReferendum' in byParticipant[world.d.participants.SV]).toBe(false);
  });

  it('refuses initialling and confirming on a draft: the text is not frozen yet', async () => {
    const fakeFingerprint = 'a'.repeat(64);
    const initialled = await initial(head, 'GT', fakeFingerprint);
    expect({ status: initialled.status, code: initialled.body.error?.code }).toEqual({ status: 409, code: 'document_not_frozen' });
    const confirmed = await confirmSignature(world.secretariat, 'GT', '2026-03-05');
    expect({ status: confirmed.status, code: confirmed.body.error?.code }).toEqual({ status: 409, code: 'document_not_frozen' });
    const attestations = await world.observer.request<Answer>('GET', `${doc()}/signature/attestations`);
    expect(attestations.body).toEqual({ versionId: null, fingerprint: null, initials: [], signatureConfirmations: [] });
  });

  it('freezes the originals and the ad referendum signatory into the signed record', async () => {
    const named = await world.secretariat.request<{ version: { id: string } }>('POST', `${doc()}/versions`, { name: 'Text circulated to capitals' });
    expect(named.status).toBe(201);
    namedVersionId = named.body.version.id;
    await approveEverything(world);
    const answer = await freeze(world);
    expect(answer.status).toBe(201);
    frozen = answer.body.version;
    const { record } = (await world.observer.request<{ record: VersionRecord }>('GET', `${doc()}/versions/${frozen.id}`)).body;
    expect(versionFingerprint(record)).toBe(frozen.fingerprint);
    expect(record.signature!.originals).toEqual({ count: 4, languages: ['en', 'es'] });
    expect(record.signature!.signatories.filter((s) => s.adReferendum).map((s) => s.participantId)).toEqual([world.d.participants.GT]);
  });
});

describe('initialling the signed text', () => {
  it('refuses everyone but the Participant’s designated person', async () => {
    for (const [who, code, expected] of [
      [world.observer, 'GT', 'forbidden'],
      [world.delegates.GT, 'GT', 'forbidden'], // Guatemala's delegate, not its head of delegation
      [world.delegates.SV, 'SV', 'forbidden'],
      [hnHead, 'GT', 'forbidden'], // another delegation's head
      [world.secretariat, 'GT', 'forbidden'],
      [world.legal, 'HN', 'forbidden'],
    ] as const) {
      const answer = await initial(who, code, frozen.fingerprint);
      expect({ who: who.email, status: answer.status, code: answer.body.error?.code }).toEqual({ who: who.email, status: 403, code: expected });
    }
  });

  it('refuses initials for another fingerprint than the signed text’s, in the person’s language', async () => {
    const answer = await initial(head, 'GT', 'b'.repeat(64));
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 409, code: 'initialling_text_mismatch' });
    expect(answer.body.error!.message).toContain('huella');
  });

  it('records the initials of the designated person, from their name, bound to the fingerprint, and tells open pages', async () => {
    const told = nextEvent<SignatureAttestedEvent>(channel, SocketEvent.SignatureAttested);
    const answer = await initial(head, 'GT', frozen.fingerprint);
    expect(answer.status).toBe(201);
    expect(await told).toEqual({ documentId: world.d.documentId, participantId: world.d.participants.GT, kind: 'initialled' });
    expect(answer.body.initials).toEqual([
      {
        participantId: world.d.participants.GT,
        initials: defaultInitials('Gabriela María Jefa'),
        name: 'Gabriela María Jefa',
        at: expect.any(String),
        fingerprint: frozen.fingerprint,
      },
    ]);
    expect(answer.body.initials[0].initials).toBe('GMJ');
    const read = await world.delegates.US.request<Answer>('GET', `${doc()}/signature/attestations`);
    expect(read.body).toMatchObject({ versionId: frozen.id, fingerprint: frozen.fingerprint, initials: answer.body.initials });
  });

  it('records initials once per Participant', async () => {
    const again = await initial(head, 'GT', frozen.fingerprint, 'GJ');
    expect({ status: again.status, code: again.body.error?.code }).toEqual({ status: 409, code: 'already_initialled' });
  });

  it('takes the initials a person types (letters of any script), refuses others, and lists Participants in their order', async () => {
    const wrong = await initial(hnHead, 'HN', frozen.fingerprint, 'A1');
    expect({ status: wrong.status, code: wrong.body.error?.code }).toEqual({ status: 400, code: 'validation_failed' });
    const answer = await initial(hnHead, 'HN', frozen.fingerprint, 'ÁL');
    expect(answer.status).toBe(201);
    const { rows } = await world.server.concordia.db.pool.query<{ id: string }>('SELECT id FROM participants WHERE document_id = $1 ORDER BY position, code', [
      world.d.documentId,
    ]);
    const order = rows.map((r) => r.id);
    expect(answer.body.initials.map((i) => i.participantId)).toEqual(order.filter((id) => id === world.d.participants.GT || id === world.d.participants.HN));
    expect(answer.body.initials.find((i) => i.participantId === world.d.participants.HN)!.initials).toBe('ÁL');
  });
});

describe('confirming a signature ad referendum', () => {
  it('is the secretariat’s, for a signatory who signed ad referendum, on a date not before the signature', async () => {
    expect((await confirmSignature(head, 'GT', '2026-03-05')).status).toBe(403);
    const notAdReferendum = await confirmSignature(world.secretariat, 'US', '2026-03-05');
    expect({ status: notAdReferendum.status, code: notAdReferendum.body.error?.code }).toEqual({ status: 409, code: 'signatory_not_ad_referendum' });
    const noSignatory = await confirmSignature(world.secretariat, 'HN', '2026-03-05');
    expect(noSignatory.body.error?.code).toBe('signatory_not_ad_referendum');
    const early = await confirmSignature(world.secretariat, 'GT', '2026-02-28');
    expect({ status: early.status, code: early.body.error?.code }).toEqual({ status: 400, code: 'validation_failed' });
  });

  it('records the date and who recorded it, once', async () => {
    const told = nextEvent<SignatureAttestedEvent>(channel, SocketEvent.SignatureAttested);
    const answer = await confirmSignature(world.secretariat, 'GT', '2026-03-05');
    expect(answer.status).toBe(201);
    expect((await told).kind).toBe('confirmed');
    expect(answer.body.signatureConfirmations).toEqual([
      { participantId: world.d.participants.GT, date: '2026-03-05', confirmedBy: world.secretariat.displayName, at: expect.any(String) },
    ]);
    const again = await confirmSignature(world.secretariat, 'GT', '2026-03-06');
    expect({ status: again.status, code: again.body.error?.code }).toEqual({ status: 409, code: 'signature_already_confirmed' });
  });

  it('shows both in the activity feed', async () => {
    const { events } = (await world.observer.request<{ events: Array<{ action: string; subject: Record<string, unknown> }> }>('GET', `${doc()}/activity`)).body;
    expect(events.filter((e) => e.action === 'signature.initialled').map((e) => e.subject.participantId)).toEqual([
      world.d.participants.HN,
      world.d.participants.GT,
    ]);
    expect(events.find((e) => e.action === 'signature.ad_referendum_confirmed')!.subject).toEqual({
      participantId: world.d.participants.GT,
      versionId: frozen.id,
      date: '2026-03-05',
    });
  });
});

describe('the originals', () => {
  const exportPath = (versionId: string, format: string, original?: string) =>
    `${doc()}/versions/${versionId}/export?format=${format}&layout=parallel${original ? `&original=${original}` : ''}`;
  const verify = async (bytes: Buffer): Promise<Verification & { original?: { participantId: string; number: number; of: number } | null }> => {
    const response = await fetch(`${world.server.url}/api/verify`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Origin: world.server.url },
      body: new Uint8Array(bytes),
    });
    expect(response.status).toBe(200);
    return response.json();
  };

  it('downloads each Participant’s original in PDF and DOCX, each verified as that original', async () => {
    const { record } = (await world.observer.request<{ record: VersionRecord }>('GET', `${doc()}/versions/${frozen.id}`)).body;
    const names = new Set<string>();
    for (const code of ['US', 'SV', 'GT', 'HN']) {
      const number = record.participants.findIndex((p) => p.id === world.d.participants[code]) + 1;
      for (const format of ['pdf', 'docx']) {
        const file = await download(world, world.delegates.HN, exportPath(frozen.id, format, world.d.participants[code]));
        expect({ code, format, status: file.status }).toEqual({ code, format, status: 200 });
        expect(file.headers.get('x-concordia-fingerprint')).toBe(frozen.fingerprint);
        names.add(file.headers.get('content-disposition')!);
        const verification = await verify(file.bytes);
        expect({ code, format, genuine: verification.genuine, failure: verification.failure }).toEqual({ code, format, genuine: true, failure: null });
        expect(verification.original).toMatchObject({ participantId: world.d.participants[code], code, number, of: 4 });
      }
    }
    expect(names.size).toBe(8);
  });

  it('answers an unknown Participant with 404 and an original of another version with 409', async () => {
    const unknown = await world.delegates.US.request('GET', exportPath(frozen.id, 'pdf', '00000000-0000-4000-8000-000000000000'));
    expect({ status: unknown.status, code: unknown.body.error?.code }).toEqual({ status: 404, code: 'original_not_found' });
    const named = await world.delegates.US.request('GET', exportPath(namedVersionId, 'pdf', world.d.participants.US));
    expect({ status: named.status, code: named.body.error?.code }).toEqual({ status: 409, code: 'original_not_signed_version' });
  });

  it('leaves the downloads of other versions as they were', async () => {
    const { record } = (await world.observer.request<{ record: VersionRecord }>('GET', `${doc()}/versions/${namedVersionId}`)).body;
    for (const format of ['pdf', 'docx', 'json'] as const) {
      const file = await download(world, world.observer, exportPath(namedVersionId, format));
      expect(file.status).toBe(200);
      expect(file.bytes.equals((await renderExport(record, format, 'parallel')).bytes)).toBe(true);
    }
  });
});
