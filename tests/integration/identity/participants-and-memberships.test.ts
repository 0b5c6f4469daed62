import { startWorld, insertMembership, insertUser, type World } from './support/world';
import { requestAs } from '../../utils/people';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

const doc = () => `/api/documents/${world.documentId}`;
const asSecretariat = (method: string, path: string, body?: unknown) => requestAs(world.server, world.as.secretariat, method, path, body);
const auditCount = async (action: string) => (await world.pool.query('SELECT count(*)::int AS n FROM audit_events WHERE action = $1', [action])).rows[0].n;
const errorOf = (answer: { status: number; body: { error?: { code: string; message: string } } }) => ({ status: answer.status, code: answer.body.error?.code });

describe('Participants', () => {
  it('are created, renamed and removed by the secretariat, each change an audit event', async () => {
    const created = await asSecretariat('POST', `${doc()}/participants`, { code: 'MX', name: { en: 'Mexico', es: 'México' }, color: '#006847' });
    expect(created.status).toBe(201);
    expect(created.body.participant).toEqual({ id: expect.any(String), code: 'MX', name: { en: 'Mexico', es: 'México' }, color: '#006847' });
    const id = created.body.participant.id;
    const renamed = await asSecretariat('PATCH', `${doc()}/participants/${id}`, { name: { en: 'United Mexican States', es: 'Estados Unidos Mexicanos' } });
    expect(renamed.body.participant.name.es).toBe('Estados Unidos Mexicanos');
    expect((await asSecretariat('GET', `${doc()}/participants`)).body.participants.map((p: { code: string }) => p.code)).toEqual(['GT', 'HN', 'MX']);
    expect((await asSecretariat('DELETE', `${doc()}/participants/${id}`)).status).toBe(204);
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
      const answer = await asSecretariat('POST', `${doc()}/participants`, body);
      expect({ body, ...errorOf(answer) }).toEqual({ body, status, code });
      expect(answer.body.error.message).toMatch(field);
    }
  });

  it('are never reached through another negotiation', async () => {
    const path = `${doc()}/participants/${world.otherParticipantId}`;
    expect(errorOf(await asSecretariat('PATCH', path, { color: '#111111' }))).toEqual({ status: 404, code: 'not_found' });
    expect(errorOf(await asSecretariat('DELETE', path))).toEqual({ status: 404, code: 'not_found' });
    const untouched = await world.pool.query('SELECT color FROM participants WHERE id = $1', [world.otherParticipantId]);
    expect(untouched.rows[0].color).toBe('#336699');
  });

  it('are not removed while someone represents them', async () => {
    expect(errorOf(await asSecretariat('DELETE', `${doc()}/participants/${world.participantP}`))).toEqual({ status: 409, code: 'participant_in_use' });
  });
});

describe('memberships', () => {
  it('add an account by email, change its role and remove it, each an audit event', async () => {
    const userId = await insertUser(world.pool, 'adviser@identity.test');
    const added = await asSecretariat('POST', `${doc()}/memberships`, { email: 'Adviser@Identity.test', role: 'legal_reviewer' });
    expect(added.status).toBe(201);
    expect(added.body.member).toEqual({
      membershipId: expect.any(String),
      userId,
      displayName: 'adviser',
      email: 'adviser@identity.test',
      role: 'legal_reviewer',
      participantId: null,
    });
    const id = added.body.member.membershipId;
    const changed = await asSecretariat('PATCH', `${doc()}/memberships/${id}`, { role: 'delegate', participantId: world.participantQ });
    expect(changed.body.member).toMatchObject({ role: 'delegate', participantId: world.participantQ });
    expect((await asSecretariat('DELETE', `${doc()}/memberships/${id}`)).status).toBe(204);
    for (const action of ['membership.created', 'membership.changed', 'membership.removed']) expect(await auditCount(action)).toBeGreaterThanOrEqual(1);
  });

  it('refuse what does not fit: an unknown email, a second membership, a role without its Participant, another negotiation’s ids', async () => {
    const other = await insertMembership(world.pool, world.otherDocumentId, await insertUser(world.pool, 'elsewhere@identity.test'), 'observer', null);
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', `${doc()}/memberships`, { email: 'nobody@identity.test', role: 'observer' }, 404, 'no_such_user'],
      ['POST', `${doc()}/memberships`, { userId: world.users.observer.id, role: 'observer' }, 409, 'already_member'],
      ['POST', `${doc()}/memberships`, { userId: world.users.admin.id, role: 'delegate' }, 400, 'role_participant_mismatch'],
      ['POST', `${doc()}/memberships`, { userId: world.users.admin.id, role: 'delegate', participantId: world.otherParticipantId }, 400, 'unknown_participant'],
      ['POST', `${doc()}/memberships`, { userId: world.users.admin.id, email: world.users.admin.email, role: 'observer' }, 400, 'validation_failed'],
      [
        'PATCH',
        `${doc()}/memberships/${world.membershipIds.observer}`,
        { role: 'secretariat', participantId: world.participantP },
        400,
        'role_participant_mismatch',
      ],
      ['PATCH', `${doc()}/memberships/${other}`, { role: 'secretariat' }, 404, 'not_found'],
      ['DELETE', `${doc()}/memberships/${other}`, undefined, 404, 'not_found'],
    ];
    for (const [method, path, body, status, code] of cases) {
      expect({ method, body, ...errorOf(await asSecretariat(method, path, body)) }).toEqual({ method, body, status, code });
    }
    expect((await world.pool.query('SELECT 1 FROM memberships WHERE id = $1', [other])).rows).toHaveLength(1);
  });

  it('never leave a negotiation without a secretariat member', async () => {
    const path = `${doc()}/memberships/${world.membershipIds.secretariat}`;
    expect(errorOf(await asSecretariat('DELETE', path))).toEqual({ status: 409, code: 'last_secretariat' });
    expect(errorOf(await asSecretariat('PATCH', path, { role: 'observer' }))).toEqual({ status: 409, code: 'last_secretariat' });
  });

  it('are listed to every member with names and roles, but emails only to the secretariat', async () => {
    const bySecretariat = (await asSecretariat('GET', `${doc()}/members`)).body.members;
    const byDelegate = (await requestAs(world.server, world.as.delegateP, 'GET', `${doc()}/members`)).body.members;
    expect(bySecretariat.length).toBe(byDelegate.length);
    expect(bySecretariat.every((m: { email?: string }) => typeof m.email === 'string')).toBe(true);
    expect(byDelegate.some((m: { email?: string }) => 'email' in m)).toBe(false);
    expect(byDelegate.find((m: { userId: string }) => m.userId === world.users.reviewer.id)).toMatchObject({
      role: 'legal_reviewer',
      participantId: world.participantQ,
    });
  });
});

describe('a denial', () => {
  it('is recorded with who, what and why', async () => {
    await requestAs(world.server, world.as.reviewer, 'POST', `${doc()}/participants`, { code: 'XX', name: { en: 'x', es: 'x' }, color: '#000000' });
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
