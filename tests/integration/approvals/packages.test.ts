/**
 * Issue 16, "Packages" — nothing is agreed until everything is agreed. A delegation (or the secretariat)
 * names a set of clauses; a delegate's approval may be conditional on one: it counts as approved only
 * while that Participant has approved every clause of it as it stands, and is held otherwise, naming
 * what is missing [A5]. The freeze needs every package settled [F7]. Runs on PostgreSQL and PGlite.
 */
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import {
  approve,
  approveEverything,
  editAs,
  freeze,
  joinDocumentChannel,
  liveDoc,
  nextEvent,
  replaceWords,
  signIn,
  startWorld,
  type World,
} from '../versions/support';
import { currentPlainText, currentState } from './approvals-helpers';
import { createDocument } from '../../utils/factories';
import { doc, p } from '../../unit/shared/builders';
import { translator } from '../../../server/src/i18n';
import { SocketEvent } from '../../../shared/src/protocol';
import { numberClauses } from '../../../shared/src/numbering';
import { clauseItems, insertClause } from '../../../shared/src/yjs-layout';
import type { ApprovalMatrix, ClauseApprovals } from '../../../shared/src/api/approvals';
import type { PackageChangedEvent, PackageRecord } from '../../../shared/src/api/packages';
import type { FreezeBlocker } from '../../../shared/src/versions/freeze-blockers';

let world: World;
let article: (n: number) => string;
let observerChannel: Socket;
let pkg: PackageRecord;
let ids: Record<'HN' | 'GT' | 'SV', string>;

type ErrorBody = { error?: { code: string; message: string } };
const path = (rest = '') => `/api/documents/${world.d.documentId}${rest}`;

beforeAll(async () => {
  world = await startWorld();
  const numbers = numberClauses(clauseItems(await liveDoc(world.server, world.d.documentId)));
  article = (n) => [...numbers].find(([, number]) => number.article === n)![0];
  ids = { HN: world.d.participants.HN, GT: world.d.participants.GT, SV: world.d.participants.SV };
  observerChannel = await joinDocumentChannel(world.server, world.observer, world.d.documentId);
});
afterAll(async () => {
  observerChannel?.close();
  await world.server.stop();
});

async function approveOn(code: 'HN' | 'GT' | 'SV', clauseId: string, packageId?: string) {
  const { fingerprint } = await currentState(world.server, world.d.documentId, clauseId);
  const answer = await world.delegates[code].request<{ approval: { packageId?: string | null } } & ErrorBody>('POST', path(`/clauses/${clauseId}/approvals`), {
    participantId: ids[code],
    fingerprint,
    acknowledgeConcordance: true,
    ...(packageId ? { packageId } : {}),
  });
  return answer;
}

async function matrix(): Promise<ApprovalMatrix> {
  return (await world.observer.request<ApprovalMatrix>('GET', path('/approvals'))).body;
}
const cell = async (clauseId: string) => (await matrix()).clauses.find((c) => c.clauseId === clauseId)!;

async function editArticle(clauseId: string) {
  const first = (await currentPlainText(world.server, world.d.documentId, clauseId, 'en')).split(' ')[0];
  await editAs(world.server, world.d.documentId, world.delegates.US.userId, clauseId, 'en', replaceWords(first, `${first} (amended)`));
}

describe('packages of clauses', () => {
  it('lets a delegation create a package every member sees, told live to every open workspace', async () => {
    const told = nextEvent<PackageChangedEvent>(observerChannel, SocketEvent.PackageChanged);
    const created = await world.delegates.HN.request<{ package: PackageRecord }>('POST', path('/packages'), {
      name: 'Information-sharing package',
      clauseIds: [article(8), article(12)],
    });
    expect(created.status).toBe(201);
    pkg = created.body.package;
    expect(pkg).toMatchObject({ name: 'Information-sharing package', participantId: ids.HN, clauseIds: [article(8), article(12)] });
    expect((await told).package.id).toBe(pkg.id);
    const listed = await world.observer.request<{ packages: PackageRecord[] }>('GET', path('/packages'));
    expect(listed.body.packages.map((p) => p.id)).toEqual([pkg.id]);
    expect((await matrix()).packages).toEqual({ [pkg.id]: [article(8), article(12)] });
  });

  it('[A5] holds a conditional approval, naming the clauses missing, until the Participant approves them', async () => {
    const approved = await approveOn('HN', article(8), pkg.id);
    expect(approved.status).toBe(201);
    expect(approved.body.approval.packageId).toBe(pkg.id);
    const held = await cell(article(8));
    expect(held.statuses[ids.HN]).toBe('held');
    expect(held.held).toEqual({ [ids.HN]: [article(12)] });
    expect((await matrix()).progress[ids.HN]).toMatchObject({ approved: 0, held: 1 });
    const detail = await world.observer.request<ClauseApprovals>('GET', path(`/clauses/${article(8)}/approvals`));
    expect(detail.body.participants.find((c) => c.participantId === ids.HN)).toMatchObject({ status: 'held', missingClauses: [article(12)] });

    expect((await approveOn('HN', article(12))).status).toBe(201);
    expect((await cell(article(8))).statuses[ids.HN]).toBe('approved');
    expect((await matrix()).progress[ids.HN]).toMatchObject({ approved: 2, held: 0 });
  });

  it('[A5] holds every conditional approval when another clause of the package is edited, and releases each when re-approved', async () => {
    expect((await approveOn('GT', article(8), pkg.id)).status).toBe(201);
    expect((await approveOn('GT', article(12))).status).toBe(201);
    expect((await cell(article(8))).statuses).toMatchObject({ [ids.HN]: 'approved', [ids.GT]: 'approved' });

    await editArticle(article(12));
    const held = await cell(article(8));
    expect(held.statuses).toMatchObject({ [ids.HN]: 'held', [ids.GT]: 'held' });
    expect(held.held).toEqual({ [ids.HN]: [article(12)], [ids.GT]: [article(12)] });

    expect((await approveOn('HN', article(12))).status).toBe(201);
    expect((await cell(article(8))).statuses).toMatchObject({ [ids.HN]: 'approved', [ids.GT]: 'held' });
    expect((await approveOn('GT', article(12))).status).toBe(201);
    expect((await cell(article(8))).statuses).toMatchObject({ [ids.HN]: 'approved', [ids.GT]: 'approved' });
  });

  it('[A5] holds it when the approval of another clause of the package is revoked', async () => {
    const revoked = await world.delegates.HN.request('DELETE', path(`/clauses/${article(12)}/approvals?participantId=${ids.HN}`));
    expect(revoked.status).toBe(200);
    expect((await cell(article(8))).statuses[ids.HN]).toBe('held');
    expect((await approveOn('HN', article(12))).status).toBe(201);
    expect((await cell(article(8))).statuses[ids.HN]).toBe('approved');
  });

  it('lets the creating delegation and the secretariat change it, and nobody else', async () => {
    const renamed = await world.delegates.HN.request<{ package: PackageRecord }>('PATCH', path(`/packages/${pkg.id}`), { name: 'Information package' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.package).toMatchObject({ name: 'Information package', clauseIds: [article(8), article(12)] });
    const bySecretariat = await world.secretariat.request<{ package: PackageRecord }>('PATCH', path(`/packages/${pkg.id}`), {
      clauseIds: [article(8), article(12), article(7)],
    });
    expect(bySecretariat.status).toBe(200);
    expect((await cell(article(8))).held).toEqual({ [ids.HN]: [article(7)], [ids.GT]: [article(7)] });
    const back = await world.secretariat.request('PATCH', path(`/packages/${pkg.id}`), { clauseIds: [article(8), article(12)] });
    expect(back.status).toBe(200);

    for (const [who, person] of [
      ['another delegation', world.delegates.GT],
      ['an observer', world.observer],
      ['a legal reviewer', world.legal],
    ] as const) {
      const change = await person.request<ErrorBody>('PATCH', path(`/packages/${pkg.id}`), { name: 'Taken over' });
      const removal = await person.request<ErrorBody>('DELETE', path(`/packages/${pkg.id}`));
      expect({ who, change: change.status, removal: removal.status }).toEqual({ who, change: 403, removal: 403 });
    }
    const created = await world.secretariat.request<{ package: PackageRecord }>('POST', path('/packages'), {
      name: 'Chair’s package',
      clauseIds: [article(3)],
    });
    expect(created.body.package.participantId).toBeNull();
    expect((await world.delegates.HN.request('PATCH', path(`/packages/${created.body.package.id}`), { name: 'Mine' })).status).toBe(403);
    expect((await world.secretariat.request('DELETE', path(`/packages/${created.body.package.id}`))).status).toBe(204);
  });

  it('lets no observer or legal reviewer create one', async () => {
    for (const person of [world.observer, world.legal]) {
      const answer = await person.request<ErrorBody>('POST', path('/packages'), { name: 'Mine', clauseIds: [article(8)] });
      expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 403, code: 'forbidden' });
    }
  });

  it('refuses bad input with stable codes, in the person’s language', async () => {
    const other = new Y.Doc();
    insertClause(other, { id: 'c_elsewhere', kind: 'clause', content: { en: doc(p('Elsewhere.')), es: doc(p('En otra parte.')) } }, ['en', 'es'], null, {
      kind: 'server',
      reason: 'seed',
    });
    await createDocument(world.server.concordia.db.pool, { initialState: Y.encodeStateAsUpdate(other) });
    const hnEs = await signIn(world.server, 'hn.delegate@demo.test', { lang: 'es' });
    const post = (body: unknown) => hnEs.request<ErrorBody>('POST', path('/packages'), body);
    const cases: Array<[string, unknown, number, string]> = [
      ['an empty name', { name: '   ', clauseIds: [article(8)] }, 400, 'validation_failed'],
      ['a name too long', { name: 'x'.repeat(201), clauseIds: [article(8)] }, 400, 'validation_failed'],
      ['no clause', { name: 'Empty', clauseIds: [] }, 400, 'validation_failed'],
      ['a clause of another document', { name: 'Stray', clauseIds: [article(8), 'c_elsewhere'] }, 422, 'package_clause_not_found'],
      ['a clause twice', { name: 'Twice', clauseIds: [article(8), article(8)] }, 422, 'package_duplicate_clauses'],
    ];
    for (const [what, body, status, code] of cases) {
      const answer = await post(body);
      expect({ what, status: answer.status, code: answer.body.error?.code }).toEqual({ what, status, code });
      expect(answer.body.error!.message.length).toBeGreaterThan(0);
    }
    expect((await post({ name: 'Twice', clauseIds: [article(8), article(8)] })).body.error!.message).toBe(translator('es')('package_duplicate_clauses'));

    const unknown = '00000000-0000-4000-8000-00000000dead';
    const approval = await approveOn('SV', article(8), unknown);
    expect({ status: approval.status, code: approval.body.error?.code }).toEqual({ status: 404, code: 'package_not_found' });
    const patch = await world.secretariat.request<ErrorBody>('PATCH', path(`/packages/${unknown}`), { name: 'Nowhere' });
    expect({ status: patch.status, code: patch.body.error?.code }).toEqual({ status: 404, code: 'package_not_found' });
  });

  it('refuses to delete a package that conditional approvals in force still use, saying so in the person’s language', async () => {
    // The Honduran delegate reads Concordia in Spanish, the secretariat in English.
    for (const [person, lang] of [
      [world.delegates.HN, 'es'],
      [world.secretariat, 'en'],
    ] as const) {
      const refused = await person.request<ErrorBody>('DELETE', path(`/packages/${pkg.id}`));
      expect({ status: refused.status, code: refused.body.error?.code }).toEqual({ status: 409, code: 'package_in_use' });
      expect(refused.body.error!.message).toBe(translator(lang)('package_in_use', { name: 'Information package' }));
    }
    expect((await world.observer.request<{ packages: PackageRecord[] }>('GET', path('/packages'))).body.packages.map((p) => p.id)).toContain(pkg.id);
  });
});

describe('the freeze [F7]', () => {
  async function listedProgress(): Promise<{ approvedClauses: number; totalClauses: number }> {
    const { body } = await world.observer.request<{ documents: Array<{ id: string; progress: { approvedClauses: number; totalClauses: number } }> }>(
      'GET',
      '/api/documents',
    );
    return body.documents.find((listed) => listed.id === world.d.documentId)!.progress;
  }

  async function blockers(): Promise<FreezeBlocker[]> {
    return (await world.secretariat.request<{ blockers: FreezeBlocker[] }>('GET', path('/freeze'))).body.blockers;
  }

  it('is refused while a package is unsettled, naming the package and the missing Participant × clause, and accepted once settled', async () => {
    // Every clause approved by everyone, but neither El Salvador nor Honduras approved Article 12; Honduras' and Guatemala's Article 8 stay conditional.
    await approveEverything(world, new Set([`${article(12)}:SV`, `${article(12)}:HN`, `${article(8)}:HN`, `${article(8)}:GT`]));
    expect((await approveOn('HN', article(8), pkg.id)).status).toBe(201);
    expect((await approveOn('GT', article(8), pkg.id)).status).toBe(201);
    expect((await world.delegates.HN.request('DELETE', path(`/clauses/${article(12)}/approvals?participantId=${ids.HN}`))).status).toBe(200);
    expect(await blockers()).toContainEqual({
      reason: 'package_unsettled',
      clauseId: article(12),
      participantId: ids.SV,
      languages: [],
      packageId: pkg.id,
      packageName: 'Information package',
    });
    const refused = await freeze(world);
    expect({ status: refused.status, code: refused.body.error?.code }).toEqual({ status: 409, code: 'freeze_blocked' });
    // My negotiations counts neither Article 12 nor Article 8 (held for Honduras; Guatemala approved Article 12, so its own is not held).
    expect((await cell(article(8))).statuses).toMatchObject({ [ids.HN]: 'held', [ids.GT]: 'approved' });
    expect(await listedProgress()).toEqual(expect.objectContaining({ approvedClauses: world.d.clauseIds.length - 2, totalClauses: world.d.clauseIds.length }));

    await approve(world, 'SV', article(12));
    expect(await blockers()).toContainEqual(expect.objectContaining({ reason: 'package_unsettled', clauseId: article(12), participantId: ids.HN }));
    expect((await freeze(world)).status).toBe(409);
    await approve(world, 'HN', article(12));
    expect(await blockers()).toEqual([]);
    expect((await listedProgress()).approvedClauses).toBe(world.d.clauseIds.length);
    const frozen = await freeze(world);
    expect(frozen.status).toBe(201);
    expect((await world.delegates.HN.request('PATCH', path(`/packages/${pkg.id}`), { name: 'After' })).status).toBe(423);
  });
});
