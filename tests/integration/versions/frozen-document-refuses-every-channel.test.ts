/**
 * From the instant of the freeze the document is read-only for everyone, the secretariat included:
 * the collab endpoint applies no update (open clients are told), every mutating REST route answers
 * 423, socket.io carries no change, and the frozen version holds exactly the text as frozen.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as authProtocol from 'y-protocols/auth';
import { approveEverything, currentState, freeze, joinDocumentChannel, liveDoc, nextEvent, startWorld, type Person, type World } from './support';
import { apiRegistries } from '../../../server/src/routes';
import { translator } from '../../../server/src/i18n';
import { connectClient } from '../../utils/collab-client';
import { sleep, waitFor } from '../../utils/wait';
import { openRawSocket } from '../../utils/raw-collab-socket';
import { typeInto } from '../../utils/clause-edits';
import { MessageType, SocketEvent } from '../../../shared/src/protocol';
import { documentTextState } from '../../../shared/src/approval-status';
import { recordBytes, versionFingerprint, type VersionRecord } from '../../../shared/src/versions/version-record';
import { sha256Hex } from '../../../shared/src/versions/version-record';

let world: World;
let people: Array<[string, Person]>;
let commentId: string;
let clauseId: string;
let frozen: { id: string; fingerprint: string };
let textBefore: string;

/** Routes that change who reads the signed text, or nothing in it at all: open on a frozen document. */
const OPEN_ON_FROZEN = new Set([
  'POST /auth/login',
  'POST /auth/logout',
  'PATCH /me',
  'PATCH /users/:userId',
  // Single sign-on: providers and signing out through one concern accounts, not any document.
  'POST /identity-providers',
  'PATCH /identity-providers/:providerId',
  'POST /auth/sso/logout',
  'POST /invitations/:token/accept',
  'POST /verify',
  'POST /documents',
  'POST /documents/:documentId/duplicate',
  'POST /documents/:documentId/archive',
  'POST /documents/:documentId/collab-token',
  'PUT /documents/:documentId/visit', // reading a frozen text is a visit: it changes nothing anyone else sees
  'POST /documents/:documentId/memberships',
  'PATCH /documents/:documentId/memberships/:membershipId',
  'DELETE /documents/:documentId/memberships/:membershipId',
  'POST /documents/:documentId/invitations',
  'DELETE /documents/:documentId/invitations/:invitationId',
  // A person's own notifications: reading them and choosing what comes by mail changes nothing of any document.
  'POST /notifications/:notificationId/read',
  'POST /notifications/read-all',
  'PUT /notifications/preferences',
  // Acts on the signed text and only once it is frozen (issue 16): initialling it, confirming a signature ad referendum.
  'POST /documents/:documentId/signature/initials',
  'POST /documents/:documentId/signature/confirmations',
  // A person's own account (issue 21): sessions, password, reset links concern no document's text.
  'DELETE /me/sessions/:sessionId',
  'POST /me/sessions/end-others',
  'POST /me/password',
  'POST /documents/:documentId/password-resets',
  'POST /users/:userId/password-reset',
  'POST /password-resets/:token',
  // A second factor (issue 21): a person's own factors and signing in with one; requiring one changes who reads the text, not the text.
  'POST /auth/second-factor',
  'POST /auth/second-factor/passkey-options',
  'POST /me/second-factors/totp',
  'POST /me/second-factors/totp/confirm',
  'DELETE /me/second-factors/totp',
  'POST /me/second-factors/passkeys/options',
  'POST /me/second-factors/passkeys',
  'DELETE /me/second-factors/passkeys/:passkeyId',
  'POST /me/second-factors/recovery-codes',
  'PUT /documents/:documentId/second-factor-requirement',
]);

const textOf = (doc: Y.Doc) => JSON.stringify(documentTextState(doc, ['en', 'es']));

beforeAll(async () => {
  world = await startWorld();
  people = [
    ['secretariat', world.secretariat],
    ...Object.entries(world.delegates).map(([code, p]) => [`${code} delegate`, p] as [string, Person]),
    ['HN legal reviewer', world.legal],
    ['observer', world.observer],
  ];
  clauseId = world.d.clauseIds[10];
  const thread = await world.delegates.HN.request<{ thread: { id: string } }>('POST', `/api/documents/${world.d.documentId}/comments`, {
    clauseId,
    body: 'Before the freeze',
    visibility: 'all',
  });
  expect(thread.status).toBe(201);
  commentId = thread.body.thread.id;
  const signature = await world.secretariat.request('POST', `/api/documents/${world.d.documentId}/signature-record`, {
    place: { en: 'San Salvador', es: 'San Salvador' },
    date: '2026-03-01',
    signatories: [{ participantId: world.d.participants.SV, name: 'Ana López', title: { en: 'Minister of Justice', es: 'Ministra de Justicia' } }],
  });
  expect(signature.status).toBe(200);
  await approveEverything(world);
});
afterAll(() => world.server.stop());

describe('the freeze', () => {
  it('tells open collab clients and open pages at the instant it happens', async () => {
    const raw = openRawSocket(world.server.wsUrl, world.d.documentId);
    await raw.opened;
    const page = await joinDocumentChannel(world.server, world.delegates.GT, world.d.documentId);
    const told = nextEvent<{ documentId: string; status: string }>(page, SocketEvent.DocumentStatusChanged);
    textBefore = textOf(await liveDoc(world.server, world.d.documentId));

    const answer = await freeze(world);
    expect(answer.status).toBe(201);
    frozen = answer.body.version;

    expect(await told).toEqual({ documentId: world.d.documentId, status: 'frozen' });
    const denial = await raw.waitForFrame((f) => f[0] === MessageType.Auth, 'a permission-denied frame');
    const decoder = decoding.createDecoder(denial);
    decoding.readVarUint(decoder);
    expect(decoding.readVarUint(decoder)).toBe(authProtocol.messagePermissionDenied);
    expect(decoding.readVarString(decoder)).toBe('read-only: the document is frozen');
    raw.close();
    page.disconnect();
  });

  it('stores the frozen text: its Yjs state, its canonical record and the SHA-256 of that record', async () => {
    const { rows } = await world.server.concordia.db.pool.query<{ record: string; fingerprint: string; state: Buffer; kind: string }>(
      'SELECT record, fingerprint, state, kind FROM document_versions WHERE id = $1',
      [frozen.id],
    );
    const row = rows[0];
    expect(row.kind).toBe('frozen');
    expect(sha256Hex(row.record)).toBe(frozen.fingerprint);
    const record = JSON.parse(row.record) as VersionRecord;
    expect(recordBytes(record)).toBe(row.record);
    expect(versionFingerprint(record)).toBe(frozen.fingerprint);
    expect(record.clauses.map((c) => c.id)).toEqual(world.d.clauseIds);
    expect(record.participants.map((p) => p.code).sort()).toEqual(['GT', 'HN', 'SV', 'US']);
    expect(record.approvals).toHaveLength(world.d.clauseIds.length * 4);
    expect(record.confirmations).toHaveLength(world.d.clauseIds.length);
    expect(record.signature).toMatchObject({
      place: { es: 'San Salvador' },
      date: '2026-03-01',
      signatories: [{ participantId: world.d.participants.SV, name: 'Ana López' }],
    });
    const state = new Y.Doc();
    Y.applyUpdate(state, new Uint8Array(row.state));
    expect(textOf(state)).toBe(textBefore);
    const { rows: doc } = await world.server.concordia.db.pool.query('SELECT status, frozen_at, frozen_version_id FROM documents WHERE id = $1', [
      world.d.documentId,
    ]);
    expect(doc[0]).toMatchObject({ status: 'frozen', frozen_version_id: frozen.id });
    expect(doc[0].frozen_at.toISOString()).toBe(record.version.takenAt);
  });
});

describe('after the freeze', () => {
  it('applies no collab update from anyone, and keeps the refused edits of those who write drafts', async () => {
    // y-websocket reports the server's "permission denied" with console.warn: that is the expected answer here.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const [name, person] of people) {
      const client = connectClient(world.server.wsUrl, world.d.documentId, { headers: { Cookie: person.cookie } });
      await client.synced();
      typeInto(client.doc, clauseId, 'en', ` (changed by the ${name})`);
      client.doc.transact(() => client.doc.getArray<string>('order').delete(0, 1), { kind: 'server', reason: 'seed' });
      await sleep(150);
      client.destroy();
    }
    expect(warn.mock.calls.some((call) => call.map(String).join(' ').includes('read-only: the document is frozen'))).toBe(true);
    warn.mockRestore();
    const writers = people.filter(([name]) => name === 'secretariat' || name.endsWith('delegate')).map(([, p]) => p.userId);
    await waitFor(async () => {
      const { rows } = await world.server.concordia.db.pool.query<{ user_id: string }>('SELECT DISTINCT user_id FROM rejected_updates');
      return rows.length === writers.length;
    }, 'the refused edits of every writer to be kept');
    const { rows } = await world.server.concordia.db.pool.query<{ user_id: string; reason: string }>('SELECT DISTINCT user_id, reason FROM rejected_updates');
    expect(rows.map((r) => r.user_id).sort()).toEqual([...writers].sort());
    expect(rows.every((r) => r.reason === 'frozen')).toBe(true);
    expect(textOf(await liveDoc(world.server, world.d.documentId))).toBe(textBefore);
    const { rows: after } = await world.server.concordia.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM document_updates u JOIN documents d ON d.id = u.document_id WHERE u.document_id = $1 AND u.created_at > d.frozen_at`,
      [world.d.documentId],
    );
    expect(after[0].n).toBe(0);
  });

  it('still records a visit, which changes nothing of the document', async () => {
    const answer = await world.observer.request<{ visitedAt: string }>('PUT', `/api/documents/${world.d.documentId}/visit`, {});
    expect(answer.status).toBe(200);
    expect(Number.isNaN(Date.parse(answer.body.visitedAt))).toBe(false);
  });

  it('answers every mutating REST route with 423 for every role that could use it on a draft, and refuses it for the others', async () => {
    // A proposal the U.S. tabled before the freeze, for the routes that act on one.
    const proposalId = 'p_0000000000000f12';
    await world.server.concordia.db.pool.query(
      'INSERT INTO proposals (id, document_id, clause_id, sponsor_participant_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [proposalId, world.d.documentId, clauseId, world.d.participants.US],
    );
    // A package of clauses the U.S. delegation made before the freeze, for the routes that change one (issue 16).
    const { rows: packageRows } = await world.server.concordia.db.pool.query<{ id: string }>(
      'INSERT INTO packages (document_id, name, created_by, participant_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [world.d.documentId, 'Before the freeze', world.delegates.US.userId, world.d.participants.US],
    );
    const packageId = packageRows[0].id;
    const counts = await tableCounts();
    const fingerprint = (await currentState(world.server, world.d.documentId, clauseId)).fingerprint;
    const hashes = (await currentState(world.server, world.d.documentId, clauseId)).languageHashes;
    const doc = `/documents/${world.d.documentId}`;
    const prepared: Record<string, { path: string; body?: unknown }> = {
      'POST /documents/:documentId/participants': { path: `${doc}/participants`, body: { code: 'MX', name: { en: 'Mexico', es: 'México' }, color: '#006847' } },
      'PATCH /documents/:documentId/participants/:participantId': { path: `${doc}/participants/${world.d.participants.US}`, body: { color: '#112233' } },
      'DELETE /documents/:documentId/participants/:participantId': { path: `${doc}/participants/${world.d.participants.US}` },
      'POST /documents/:documentId/clauses/:clauseId/approvals': {
        path: `${doc}/clauses/${clauseId}/approvals`,
        body: { participantId: world.d.participants.US, fingerprint, acknowledgeConcordance: true },
      },
      'DELETE /documents/:documentId/clauses/:clauseId/approvals': { path: `${doc}/clauses/${clauseId}/approvals?participantId=${world.d.participants.US}` },
      'POST /documents/:documentId/clauses/:clauseId/approvals/confirm': {
        path: `${doc}/clauses/${clauseId}/approvals/confirm`,
        body: { participantId: world.d.participants.US, fingerprint },
      },
      'POST /documents/:documentId/clauses/:clauseId/concordance': { path: `${doc}/clauses/${clauseId}/concordance`, body: { languageHashes: hashes } },
      'POST /documents/:documentId/comments': { path: `${doc}/comments`, body: { clauseId, body: 'After the freeze', visibility: 'all' } },
      'PATCH /comments/:commentId': { path: `/comments/${commentId}`, body: { body: 'Edited after the freeze' } },
      'DELETE /comments/:commentId': { path: `/comments/${commentId}` },
      'POST /comments/:commentId/replies': { path: `/comments/${commentId}/replies`, body: { body: 'A reply after the freeze' } },
      'POST /comments/:commentId/resolve': { path: `/comments/${commentId}/resolve`, body: {} },
      'POST /comments/:commentId/reopen': { path: `/comments/${commentId}/reopen`, body: {} },
      'POST /documents/:documentId/import/preview': { path: `${doc}/import/preview` },
      'POST /documents/:documentId/import': { path: `${doc}/import`, body: { previewId: world.d.documentId, mode: 'replace' } },
      'POST /documents/:documentId/versions': { path: `${doc}/versions`, body: { name: 'After the freeze' } },
      'POST /documents/:documentId/freeze': { path: `${doc}/freeze`, body: { confirm: true } },
      'POST /documents/:documentId/clauses/:clauseId/restore': { path: `${doc}/clauses/${clauseId}/restore`, body: { afterId: null } },
      'PUT /documents/:documentId/phase': { path: `${doc}/phase`, body: { phase: 'negotiation' } },
      'POST /documents/:documentId/proposals/:proposalId/accept': { path: `${doc}/proposals/${proposalId}/accept`, body: {} },
      'POST /documents/:documentId/proposals/:proposalId/reject': { path: `${doc}/proposals/${proposalId}/reject`, body: {} },
      'POST /documents/:documentId/proposals/:proposalId/withdraw': { path: `${doc}/proposals/${proposalId}/withdraw`, body: {} },
      'PUT /documents/:documentId/proposals/:proposalId/positions/:participantId': {
        path: `${doc}/proposals/${proposalId}/positions/${world.d.participants.US}`,
        body: { position: 'supports' },
      },
      'PUT /documents/:documentId/proposals/:proposalId/cosponsors/:participantId': {
        path: `${doc}/proposals/${proposalId}/cosponsors/${world.d.participants.US}`,
        body: {},
      },
      'DELETE /documents/:documentId/proposals/:proposalId/cosponsors/:participantId': {
        path: `${doc}/proposals/${proposalId}/cosponsors/${world.d.participants.US}`,
      },
      'PUT /documents/:documentId/proposals/:proposalId/explanation': { path: `${doc}/proposals/${proposalId}/explanation`, body: { explanation: 'Why' } },
      'POST /documents/:documentId/packages': { path: `${doc}/packages`, body: { name: 'After the freeze', clauseIds: [clauseId] } },
      'PATCH /documents/:documentId/packages/:packageId': { path: `${doc}/packages/${packageId}`, body: { name: 'Renamed after the freeze' } },
      'DELETE /documents/:documentId/packages/:packageId': { path: `${doc}/packages/${packageId}` },
      'POST /documents/:documentId/numbering': { path: `${doc}/numbering`, body: { versionId: frozen.id } },
      'POST /documents/:documentId/numbering/renumber': { path: `${doc}/numbering/renumber`, body: {} },
      // Brackets (issue 15): a bracket id the text need not hold; the freeze answers before the text is read.
      'POST /documents/:documentId/brackets/:bracketId/clear': { path: `${doc}/brackets/b_0000000000000f15/clear`, body: { keep: 'text' } },
      'POST /documents/:documentId/signature-record': {
        path: `${doc}/signature-record`,
        body: { place: { en: 'Tegucigalpa', es: 'Tegucigalpa' }, date: '2026-04-01', signatories: [] },
      },
    };
    const routes = apiRegistries.get(world.server.concordia.ctx)!.routes.filter((r) => r.method !== 'get');
    const unaccounted = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).filter((key) => !OPEN_ON_FROZEN.has(key) && !prepared[key]);
    expect(unaccounted).toEqual([]); // a new mutating route must say what it does on a frozen document

    const answers: string[] = [];
    for (const [key, request] of Object.entries(prepared)) {
      const [method] = key.split(' ');
      let frozenAnswers = 0;
      for (const [name, person] of people) {
        const answer = await person.request<{ error?: { code: string; message: string } }>(method, `/api${request.path}`, request.body);
        answers.push(`${key} as ${name}: ${answer.status} ${answer.body.error?.code}`);
        expect([403, 423]).toContain(answer.status);
        if (answer.status === 423) {
          frozenAnswers += 1;
          expect(answer.body.error!.code).toBe('document_frozen');
          expect([translator('en')('document_frozen'), translator('es')('document_frozen')]).toContain(answer.body.error!.message);
        }
      }
      expect({ key, frozenAnswers: frozenAnswers > 0 }).toEqual({ key, frozenAnswers: true });
    }
    expect(
      answers
        .filter((a) => a.includes('secretariat') && / (approvals|concordance|participants|versions|freeze|signature-record|import)/.test(a))
        .every((a) => a.includes(': 423 ')),
    ).toBe(true);
    expect(await tableCounts()).toEqual(counts);
  });

  it('carries no change over socket.io: a client can only join and leave', async () => {
    const socket = await joinDocumentChannel(world.server, world.delegates.US, world.d.documentId);
    for (const event of [
      SocketEvent.ApprovalRecorded,
      SocketEvent.ConcordanceConfirmed,
      SocketEvent.CommentThreadChanged,
      SocketEvent.DocumentStatusChanged,
      'document:freeze',
    ]) {
      const answer = (await socket.timeout(3000).emitWithAck(event, { documentId: world.d.documentId, status: 'draft' })) as { error?: { code: string } };
      expect(answer.error?.code).toBe('bad_request');
    }
    socket.disconnect();
    const { rows } = await world.server.concordia.db.pool.query('SELECT status FROM documents WHERE id = $1', [world.d.documentId]);
    expect(rows[0].status).toBe('frozen');
  });

  it('still lets everyone read the signed text and its versions', async () => {
    for (const [, person] of people) {
      const versions = await person.request<{ versions: Array<{ id: string }> }>('GET', `/api/documents/${world.d.documentId}/versions`);
      expect(versions.status).toBe(200);
      expect(versions.body.versions.map((v) => v.id)).toContain(frozen.id);
    }
  });
});

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'document_updates',
    'approvals',
    'concordance_confirmations',
    'comments',
    'comment_threads',
    'participants',
    'document_versions',
    'import_previews',
    'packages',
    'package_clauses',
    'fixed_numberings',
  ]) {
    const { rows } = await world.server.concordia.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = rows[0].n;
  }
  const { rows } = await world.server.concordia.db.pool.query<{ place: unknown; updated_at: Date }>('SELECT place, updated_at FROM signature_records');
  counts.signatureUpdatedAt = rows[0].updated_at.getTime();
  return counts;
}
