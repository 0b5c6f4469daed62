import { tokenHash } from '../../../server/src/auth/tokens';
import { startWorld, PASSWORD, type World } from './support/world';
import { insertInvitation } from './support/route-cases';
import { requestAs, sessionCookieFrom } from '../../utils/people';
import { fakeSmtp } from '../../utils/fake-smtp';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

const invite = (body: unknown, who = world.as.secretariat) => requestAs(world.server, who, 'POST', `/api/documents/${world.documentId}/invitations`, body);
const anonymous = () => world.as.anonymous;
const tokenOf = (url: string) => url.replace('/invite/', '');

describe('invitations', () => {
  it('give the secretariat a one-time link, stored only as a hash, and record the invitation', async () => {
    const answer = await invite({ email: 'Lucia.Guatemala@identity.test', role: 'delegate', participantId: world.participantP });
    expect(answer.status).toBe(201);
    const { invitation } = answer.body;
    expect(invitation).toMatchObject({ email: 'lucia.guatemala@identity.test', role: 'delegate', participantId: world.participantP, mailed: false });
    expect(invitation.url).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const stored = await world.pool.query('SELECT token_hash FROM invitations WHERE id = $1', [invitation.id]);
    expect(stored.rows[0].token_hash).toBe(tokenHash(tokenOf(invitation.url)));
    const audit = await world.pool.query(`SELECT subject FROM audit_events WHERE action = 'invitation.created' AND subject->>'invitationId' = $1`, [
      invitation.id,
    ]);
    expect(audit.rows[0].subject).toMatchObject({ email: 'lucia.guatemala@identity.test', role: 'delegate' });
  });

  it('show the invitee what they are invited to, then create their account, membership and session once', async () => {
    const { invitation } = (await invite({ email: 'new.delegate@identity.test', role: 'delegate', participantId: world.participantP })).body;
    const token = tokenOf(invitation.url);
    const preview = await requestAs(world.server, anonymous(), 'GET', `/api/invitations/${token}`);
    expect(preview.body).toEqual({
      invitation: {
        email: 'new.delegate@identity.test',
        role: 'delegate',
        documentTitle: { en: 'Memorandum', es: 'Memorandum (es)' },
        participant: { code: 'GT', name: { en: 'GT (en)', es: 'GT (es)' }, color: '#336699' },
        existingAccount: false,
      },
    });
    const accepted = await requestAs(world.server, anonymous(), 'POST', `/api/invitations/${token}/accept`, {
      displayName: 'Lucía Pérez',
      password: 'a new long password',
      uiLanguage: 'es',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ email: 'new.delegate@identity.test', displayName: 'Lucía Pérez', uiLanguage: 'es', isAdmin: false });
    expect(accepted.body.documentId).toBe(world.documentId); // the client opens the negotiation just joined
    const cookie = sessionCookieFrom(accepted);
    const detail = await requestAs(world.server, { cookie, csrfToken: accepted.body.csrfToken }, 'GET', `/api/documents/${world.documentId}`);
    expect(detail.body.me).toMatchObject({ role: 'delegate', participantId: world.participantP });
    // One time only.
    const again = await requestAs(world.server, anonymous(), 'POST', `/api/invitations/${token}/accept`, {
      displayName: 'Mallory',
      password: 'another long password',
    });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('invitation_invalid');
    expect((await requestAs(world.server, anonymous(), 'GET', `/api/invitations/${token}`)).status).toBe(404);
    // The password chosen works for signing in.
    expect(
      (await requestAs(world.server, anonymous(), 'POST', '/api/auth/login', { email: 'new.delegate@identity.test', password: 'a new long password' })).status,
    ).toBe(200);
  });

  it('add an existing account only when its current password is given, never replacing it', async () => {
    const { invitation } = (await invite({ email: world.users.nonMember.email, role: 'observer' })).body;
    const token = tokenOf(invitation.url);
    expect((await requestAs(world.server, anonymous(), 'GET', `/api/invitations/${token}`)).body.invitation.existingAccount).toBe(true);
    const wrong = await requestAs(world.server, anonymous(), 'POST', `/api/invitations/${token}/accept`, {
      displayName: 'Taken Over',
      password: 'attacker chosen password',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const right = await requestAs(world.server, anonymous(), 'POST', `/api/invitations/${token}/accept`, { displayName: 'Taken Over', password: PASSWORD });
    expect(right.status).toBe(200);
    expect(right.body.user.displayName).toBe('nonMember');
    const role = await world.pool.query('SELECT role FROM memberships WHERE document_id = $1 AND user_id = $2', [world.documentId, world.users.nonMember.id]);
    expect(role.rows[0].role).toBe('observer');
    await world.pool.query('DELETE FROM memberships WHERE document_id = $1 AND user_id = $2', [world.documentId, world.users.nonMember.id]);
  });

  it('refuse expired, withdrawn and unknown links alike', async () => {
    const expired = await insertInvitation(world, { expired: true });
    const withdrawn = (await invite({ email: 'withdrawn@identity.test', role: 'observer' })).body.invitation;
    expect((await requestAs(world.server, world.as.secretariat, 'DELETE', `/api/documents/${world.documentId}/invitations/${withdrawn.id}`)).status).toBe(204);
    for (const token of [expired.token, tokenOf(withdrawn.url), 'A'.repeat(43)]) {
      const answer = await requestAs(world.server, anonymous(), 'GET', `/api/invitations/${token}`);
      expect({ status: answer.status, code: answer.body.error.code }).toEqual({ status: 404, code: 'invitation_invalid' });
    }
  });

  it('refuse a role that does not fit, a Participant of another negotiation, and someone already in it', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ email: 'x@identity.test', role: 'delegate' }, 400, 'role_participant_mismatch'],
      [{ email: 'x@identity.test', role: 'observer', participantId: world.participantP }, 400, 'role_participant_mismatch'],
      [{ email: 'x@identity.test', role: 'delegate', participantId: world.otherParticipantId }, 400, 'unknown_participant'],
      [{ email: world.users.observer.email, role: 'observer' }, 409, 'already_member'],
      [{ email: 'x@identity.test', role: 'king' }, 400, 'validation_failed'],
      [{ email: 'x@identity.test', role: 'observer', admin: true }, 400, 'unknown_field'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await invite(body);
      expect({ body, status: answer.status, code: answer.body.error.code }).toEqual({ body, status, code });
    }
  });

  it('are mailed, with an absolute link in both languages, when SMTP is configured', async () => {
    const smtp = await fakeSmtp();
    const mailing = await startWorld({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL: 'https://concordia.example',
      SMTP_FROM: 'Concordia <noreply@concordia.example>',
    });
    try {
      const answer = await requestAs(mailing.server, mailing.as.secretariat, 'POST', `/api/documents/${mailing.documentId}/invitations`, {
        email: 'mailed@identity.test',
        role: 'legal_reviewer',
        participantId: mailing.participantQ,
      });
      expect(answer.body.invitation.mailed).toBe(true);
      expect(smtp.messages).toHaveLength(1);
      const message = smtp.messages[0].replace(/=\r\n/g, '');
      expect(message).toContain('To: mailed@identity.test');
      expect(message).toContain(`https://concordia.example${answer.body.invitation.url}`);
      expect(message).toMatch(/legal reviewer for HN \(en\)/);
      expect(message).toMatch(/asesor jur=C3=ADdico del Participante HN \(es\)|asesor jurídico del Participante HN \(es\)/);
    } finally {
      await mailing.stop();
      await smtp.close();
    }
  });
});
