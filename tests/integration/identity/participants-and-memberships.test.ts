import { startWorld, insertMembership, insertUser, type World } from './support/world';
import { apiClient, ok, refusalOf, type Reply } from '../../utils/api-client';
import type { ParticipantBody } from '../../../shared/src/api/participants';
import type { MembershipBody, MembershipChange } from '../../../shared/src/api/members';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

const secretariat = () => apiClient(world.server, world.as.secretariat);
const auditCount = async (action: string) => (await world.pool.query('SELECT count(*)::int AS n FROM audit_events WHERE action = $1', [action])).rows[0].n;

describe('Participants', () => {
  it('are created, renamed and removed by the secretariat, each change an audit event', async () => {
    const created = await secretariat().participants.create(world.documentId, { code: 'MX', name: { en: 'Mexico', es: 'México' }, color: '#006847' });
    expect(created.status).toBe(201);
    const { participant } = ok(created);
    expect(participant).toEqual({ id: expect.any(String), code: 'MX', name: { en: 'Mexico', es: 'México' }, color: '#006847' });
    const renamed = ok(
      await secretariat().participants.update(world.documentId, participant.id, { name: { en: 'United Mexican States', es: 'Estados Unidos Mexicanos' } }),
    );
    expect(renamed.participant.name.es).toBe('Estados Unidos Mexicanos');
    expect(ok(await secretariat().participants.list(world.documentId)).participants.map((p) => p.code)).toEqual(['GT', 'HN', 'MX']);
    expect((await secretariat().participants.remove(world.documentId, participant.id)).status).toBe(204);
    for (const action of ['participant.created', 'participant.updated', 'participant.deleted']) expect(await auditCount(action)).toBeGreaterThanOrEqual(1);
  });

  it('need a name in every language of the document, a unique code and a color; unknown fields are named', async () => {
    const cases: Array<[unknown, number, string, RegExp]> = [
      [{ code: 'BZ', name: { en: 'Belize' }, color: '#000000' }, 400, 'validation_failed', /name\.es/],
      [{ code: 'BZ', name: { en: 'Belize', es: 'Belice', fr: 'Belize' }, color: '#000000' }, 400, 'validation_failed', /name\.fr/],
      [{ code: 'GT', name: { en: 'Again', es: 'Otra vez' }, color: '#000000' }, 409, 'participant_code_taken', /GT/],
      [{ code: 'bz', name: { en: 'Belize', es: 'Belice' }, color: '#000000' }, 400, 'validation_failed', /code/],
      [{ code: 'BZ', name: { en: 'Belize', es: 'Belice' }, color: 'red' }, 400, 'validation_failed', /color/],
      [{ code: 'BZ', name: { en: 'Belize', es: 'Belice' }, color: '#000000', flag: '🇧🇿' }, 400, 'unknown_field', /flag/],
    ];
    for (const [body, status, code, field] of cases) {
      // Deliberately outside the body's type: the server must refuse it.
      const answer = await secretariat().participants.create(world.documentId, body as ParticipantBody);
      expect({ body, ...refusalOf(answer) }).toEqual({ body, status, code });
      expect(answer.ok ? '' : answer.error.message).toMatch(field);
    }
  });

  it('are never reached through another negotiation', async () => {
    const { participants } = secretariat();
    expect(refusalOf(await participants.update(world.documentId, world.otherParticipantId, { color: '#111111' }))).toEqual({ status: 404, code: 'not_found' });
    expect(refusalOf(await participants.remove(world.documentId, world.otherParticipantId))).toEqual({ status: 404, code: 'not_found' });
    const untouched = await world.pool.query('SELECT color FROM participants WHERE id = $1', [world.otherParticipantId]);
    expect(untouched.rows[0].color).toBe('#336699');
  });

  it('are not removed while someone represents them', async () => {
    expect(refusalOf(await secretariat().participants.remove(world.documentId, world.participantP))).toEqual({ status: 409, code: 'participant_in_use' });
  });
});

describe('memberships', () => {
  it('add an account by email, change its role and remove it, each an audit event', async () => {
    const userId = await insertUser(world.pool, 'adviser@identity.test');
    const added = await secretariat().members.add(world.documentId, { email: 'Adviser@Identity.test', role: 'legal_reviewer' });
    expect(added.status).toBe(201);
    const { member } = ok(added);
    expect(member).toEqual({
      membershipId: expect.any(String),
      userId,
      displayName: 'adviser',
      email: 'adviser@identity.test',
      role: 'legal_reviewer',
      participantId: null,
      mayConfirmForCapital: false,
    });
    const changed = ok(await secretariat().members.change(world.documentId, member.membershipId, { role: 'delegate', participantId: world.participantQ }));
    expect(changed.member).toMatchObject({ role: 'delegate', participantId: world.participantQ });
    expect((await secretariat().members.remove(world.documentId, member.membershipId)).status).toBe(204);
    for (const action of ['membership.created', 'membership.changed', 'membership.removed']) expect(await auditCount(action)).toBeGreaterThanOrEqual(1);
  });

  it('refuse what does not fit: an unknown email, a second membership, a role without its Participant, another negotiation’s ids', async () => {
    const other = await insertMembership(world.pool, world.otherDocumentId, await insertUser(world.pool, 'elsewhere@identity.test'), 'observer', null);
    const { members } = secretariat();
    const add = (body: MembershipBody) => members.add(world.documentId, body);
    const change = (membershipId: string, body: MembershipChange) => members.change(world.documentId, membershipId, body);
    const cases: Array<[string, () => Promise<Reply<unknown>>, number, string]> = [
      ['an unknown email', () => add({ email: 'nobody@identity.test', role: 'observer' }), 404, 'no_such_user'],
      ['a second membership', () => add({ userId: world.users.observer.id, role: 'observer' }), 409, 'already_member'],
      ['a delegate without a Participant', () => add({ userId: world.users.admin.id, role: 'delegate' }), 400, 'role_participant_mismatch'],
      [
        'another negotiation’s Participant',
        () => add({ userId: world.users.admin.id, role: 'delegate', participantId: world.otherParticipantId }),
        400,
        'unknown_participant',
      ],
      ['both a user id and an email', () => add({ userId: world.users.admin.id, email: world.users.admin.email, role: 'observer' }), 400, 'validation_failed'],
      [
        'a secretariat with a Participant',
        () => change(world.membershipIds.observer!, { role: 'secretariat', participantId: world.participantP }),
        400,
        'role_participant_mismatch',
      ],
      ['a change of another negotiation’s membership', () => change(other, { role: 'secretariat' }), 404, 'not_found'],
      ['removing another negotiation’s membership', () => members.remove(world.documentId, other), 404, 'not_found'],
    ];
    for (const [what, send, status, code] of cases) {
      expect({ what, ...refusalOf(await send()) }).toEqual({ what, status, code });
    }
    expect((await world.pool.query('SELECT 1 FROM memberships WHERE id = $1', [other])).rows).toHaveLength(1);
  });

  it('never leave a negotiation without a secretariat member', async () => {
    const { members } = secretariat();
    const id = world.membershipIds.secretariat!;
    expect(refusalOf(await members.remove(world.documentId, id))).toEqual({ status: 409, code: 'last_secretariat' });
    expect(refusalOf(await members.change(world.documentId, id, { role: 'observer' }))).toEqual({ status: 409, code: 'last_secretariat' });
  });

  it('are listed to every member with names and roles, but emails only to the secretariat', async () => {
    const bySecretariat = ok(await secretariat().members.list(world.documentId)).members;
    const byDelegate = ok(await apiClient(world.server, world.as.delegateP).members.list(world.documentId)).members;
    expect(bySecretariat.length).toBe(byDelegate.length);
    expect(bySecretariat.every((m) => typeof m.email === 'string')).toBe(true);
    expect(byDelegate.some((m) => 'email' in m)).toBe(false);
    expect(byDelegate.find((m) => m.userId === world.users.reviewer.id)).toMatchObject({
      role: 'legal_reviewer',
      participantId: world.participantQ,
    });
  });
});

describe('a denial', () => {
  it('is recorded with who, what and why', async () => {
    await apiClient(world.server, world.as.reviewer).participants.create(world.documentId, { code: 'XX', name: { en: 'x', es: 'x' }, color: '#000000' });
    const { rows } = await world.pool.query(
      `SELECT actor_user_id, document_id, subject FROM audit_events WHERE action = 'authorization.denied' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({ actor_user_id: world.users.reviewer.id, document_id: world.documentId });
    expect(rows[0].subject).toMatchObject({
      action: 'document.manage',
      reason: 'role_not_allowed',
      role: 'legal_reviewer',
      channel: 'rest',
      target: 'POST /api/documents/:documentId/participants',
      participantId: world.participantQ,
    });
  });
});
