import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { createInvitation, findPendingInvitation, invitationPath, listPendingInvitations, revokeInvitation } from '../../commands/invitations';
import { acceptInvitation } from '../../commands/accept-invitation';
import { readSessionToken } from '../../auth/session-cookie';
import { TOKEN_PATTERN } from '../../auth/tokens';
import { sendInvitationMail } from '../../mail/invitation-mail';
import { presentInvitation } from '../../presenters/invitation';
import {
  acceptInvitationBodySchema,
  acceptedInvitationSchema,
  invitationAnswerSchema,
  invitationBodySchema,
  invitationListSchema,
  invitationPreviewAnswerSchema,
} from '../../../../shared/src/api/invitations';
import { answerSignedIn } from '../auth/session-answer';
import { recordSignedIn } from '../../audit/sign-in-events';
import { PASSWORD_PROBLEMS } from '../../../../shared/src/security/password-rules';
import { documentParams } from '../schemas';

const invitationParams = documentParams.extend({ invitationId: z.uuid() }).strict();
const tokenParams = z.object({ token: z.string().regex(TOKEN_PATTERN, 'not an invitation token') }).strict();

export function invitationsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/documents/:documentId/invitations',
      tag: 'invitations',
      summary: 'Pending invitations',
      access: { kind: 'document', action: 'document.manage' },
      params: documentParams,
      response: invitationListSchema,
      handler: async ({ access }) => ({ invitations: (await listPendingInvitations(ctx, access.document.id)).map((row) => presentInvitation(row)) }),
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/invitations',
      tag: 'invitations',
      summary: 'Invite someone with a role',
      description: 'Answers the one-time link (`url`, `/invite/<token>`), shown once. When SMTP_URL is configured the link is also mailed (`mailed`).',
      access: { kind: 'document', action: 'document.manage' },
      params: documentParams,
      body: invitationBodySchema,
      status: 201,
      response: invitationAnswerSchema,
      errors: ['already_member', 'unknown_participant', 'role_participant_mismatch'],
      handler: async ({ res, access, body, session }) => {
        res.setHeader('Cache-Control', 'no-store');
        const { invitation, token } = await createInvitation(ctx, session.user.id, access.document.id, {
          email: body.email,
          role: body.role,
          participantId: body.participantId ?? null,
        });
        const url = invitationPath(token);
        let mailed = false;
        if (ctx.env.SMTP_URL && ctx.env.PUBLIC_URL) {
          const participant = invitation.participant_id
            ? await ctx.pool.query<{ name: Record<string, string> }>('SELECT name FROM participants WHERE id = $1', [invitation.participant_id])
            : null;
          mailed = await sendInvitationMail(ctx, {
            to: invitation.email,
            inviter: session.user.displayName,
            documentTitle: access.document.title,
            role: invitation.role,
            participantName: participant?.rows[0]?.name ?? null,
            url: new URL(url, ctx.env.PUBLIC_URL).toString(),
            expiresAt: invitation.expires_at,
          });
        }
        return { invitation: presentInvitation(invitation, { url, mailed }) };
      },
    })
    .add({
      method: 'delete',
      path: '/documents/:documentId/invitations/:invitationId',
      tag: 'invitations',
      summary: 'Withdraw a pending invitation',
      access: { kind: 'document', action: 'document.manage' },
      params: invitationParams,
      status: 204,
      handler: async ({ access, params, session }) => {
        await revokeInvitation(ctx, session.user.id, access.document.id, params.invitationId);
      },
    })
    .add({
      method: 'get',
      path: '/invitations/:token',
      tag: 'invitations',
      summary: 'What an invitation link offers',
      description: 'Public: the token is the credential. 404 invitation_invalid when used, withdrawn or expired.',
      access: { kind: 'public' },
      params: tokenParams,
      response: invitationPreviewAnswerSchema,
      errors: ['invitation_invalid'],
      handler: async ({ res, params }) => {
        res.setHeader('Cache-Control', 'no-store');
        const found = await findPendingInvitation(ctx, params.token);
        return {
          invitation: {
            email: found.email,
            role: found.role,
            documentTitle: found.document_title,
            participant: found.participant,
            existingAccount: found.existing_user_id !== null,
          },
        };
      },
    })
    .add({
      method: 'post',
      path: '/invitations/:token/accept',
      tag: 'invitations',
      summary: 'Accept an invitation and sign in',
      description:
        'A new email: creates the account with this password. An existing account: the password must be its current one. Answers like sign-in, with the negotiation joined (the client opens it). Checks Origin instead of a CSRF token.',
      access: { kind: 'public' },
      csrf: 'origin',
      params: tokenParams,
      body: acceptInvitationBodySchema,
      response: acceptedInvitationSchema,
      errors: ['invitation_invalid', 'invalid_credentials', 'too_many_attempts', 'already_member', 'csrf_failed', ...PASSWORD_PROBLEMS],
      handler: async ({ req, res, params, body }) => {
        const signedIn = await acceptInvitation(ctx, {
          token: params.token,
          ...body,
          ip: req.ip ?? 'unknown',
          previousToken: readSessionToken(req.headers.cookie),
        });
        if ('pendingToken' in signedIn) {
          // The account has a second factor: joined, but the session waits for it (POST /api/auth/second-factor).
          res.setHeader('Cache-Control', 'no-store');
          const secondFactor = { pendingToken: signedIn.pendingToken, methods: signedIn.methods, expiresAt: signedIn.expiresAt.toISOString() };
          return { secondFactor, documentId: signedIn.documentId };
        }
        const answer = answerSignedIn(req, res, signedIn);
        await recordSignedIn(ctx, req, signedIn, 'invitation');
        return { ...answer, documentId: signedIn.documentId };
      },
    });
}
