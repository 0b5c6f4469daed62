import { z } from 'zod';
import type { Request } from 'express';
import type { AppContext } from '../../context';
import { ApiRouter, type AccessInput, type RouteRegistry } from '../../http/api-router';
import type { Queryable } from '../../db/queryable';
import type { SessionUser } from '../../auth/sessions';
import { TOKEN_PATTERN } from '../../auth/tokens';
import { findPendingReset, passwordResetPath, requestPasswordReset, usePasswordReset } from '../../commands/password-resets';
import { sendPasswordResetMail } from '../../mail/password-reset-mail';
import { documentParams } from '../schemas';
import {
  passwordResetPreviewSchema,
  passwordResetRequestBodySchema,
  passwordResetSentSchema,
  passwordResetUseBodySchema,
  type PasswordResetSent,
} from '../../../../shared/src/api/security';
import { PASSWORD_PROBLEMS } from '../../../../shared/src/security/password-rules';

const tokenParams = z.object({ token: z.string().regex(TOKEN_PATTERN, 'not a reset token') }).strict();

/**
 * [P9]: whether the person a reset is for is an administrator. Read from the request as sent (the
 * pipeline authorises before it parses the body); an id that names nobody counts as an administrator,
 * so the policy refuses rather than the lookup telling who exists.
 */
async function personOf(input: AccessInput, db: Queryable): Promise<{ personIsAdmin: boolean }> {
  const raw = (input.body as { userId?: unknown } | null)?.userId ?? input.params.userId;
  const userId = typeof raw === 'string' && z.uuid().safeParse(raw).success ? raw : null;
  if (!userId) return { personIsAdmin: true };
  const { rows } = await db.query<{ is_admin: boolean }>('SELECT is_admin FROM users WHERE id = $1', [userId]);
  return { personIsAdmin: rows[0]?.is_admin ?? true };
}

async function sendReset(ctx: AppContext, req: Request, actor: SessionUser, userId: string, documentId: string | null): Promise<PasswordResetSent> {
  const { token, expiresAt, target } = await requestPasswordReset(ctx, actor, userId, documentId);
  const url = passwordResetPath(token);
  const mailed =
    Boolean(ctx.env.SMTP_URL && ctx.env.PUBLIC_URL) &&
    (await sendPasswordResetMail(ctx, {
      to: target.email,
      lang: target.ui_language,
      sender: actor.displayName,
      url: new URL(url, ctx.env.PUBLIC_URL).toString(),
      expiresAt,
    }));
  req.log.info({ userId, mailed }, 'password reset link issued');
  // Mailed: the sender never sees the link (it would let them choose the person's password). Otherwise shown once, as invitations are.
  return { reset: { url: mailed ? null : url, mailed, expiresAt: expiresAt.toISOString() } };
}

/** Password reset links: sent by the secretariat or an administrator, used once by the person (docs/api.md, "Security"). */
export function passwordResetsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  const description =
    'A single-use link (`url`, `/reset-password/<token>`) valid for 24 hours; an earlier pending link of the person is withdrawn. When SMTP_URL is configured it is mailed in the person’s language and not shown (`url` null); otherwise it is shown once.';
  return new ApiRouter(ctx, registry)
    .add({
      method: 'post',
      path: '/documents/:documentId/password-resets',
      tag: 'members',
      summary: 'Send a member of the negotiation a password reset link (the secretariat; never for an administrator)',
      description: `${description} The person must be a member of this negotiation (404 no_such_user otherwise). Policy rule [P9].`,
      access: { kind: 'document', action: 'user.reset_password', object: (input, db) => personOf(input, db) },
      params: documentParams,
      body: passwordResetRequestBodySchema,
      status: 201,
      response: passwordResetSentSchema,
      errors: ['no_such_user'],
      handler: async ({ req, res, access, body, session }) => {
        res.setHeader('Cache-Control', 'no-store');
        return sendReset(ctx, req, session.user, body.userId, access.document.id);
      },
    })
    .add({
      method: 'post',
      path: '/users/:userId/password-reset',
      tag: 'users',
      summary: 'Send anyone a password reset link (administrators)',
      description,
      access: { kind: 'account', action: 'user.reset_password' },
      params: z.object({ userId: z.uuid() }).strict(),
      body: z.object({}).strict(),
      status: 201,
      response: passwordResetSentSchema,
      errors: ['no_such_user'],
      handler: async ({ req, res, params, session }) => {
        res.setHeader('Cache-Control', 'no-store');
        return sendReset(ctx, req, session.user, params.userId, null);
      },
    })
    .add({
      method: 'get',
      path: '/password-resets/:token',
      tag: 'auth',
      summary: 'Whose password a reset link is for',
      description: 'Public: the token is the credential. 404 password_reset_invalid when used, replaced or expired.',
      access: { kind: 'public' },
      params: tokenParams,
      response: passwordResetPreviewSchema,
      errors: ['password_reset_invalid'],
      handler: async ({ res, params }) => {
        res.setHeader('Cache-Control', 'no-store');
        const found = await findPendingReset(ctx, params.token);
        return { reset: { email: found.email, displayName: found.display_name, expiresAt: found.expires_at.toISOString() } };
      },
    })
    .add({
      method: 'post',
      path: '/password-resets/:token',
      tag: 'auth',
      summary: 'Choose a new password with a reset link',
      description:
        'Once: the link is spent and every session of the person ends (their websockets close). The password follows the password rules. Does not sign in: the person then signs in with the new password. Checks Origin instead of a CSRF token.',
      access: { kind: 'public' },
      csrf: 'origin',
      params: tokenParams,
      body: passwordResetUseBodySchema,
      status: 204,
      errors: ['password_reset_invalid', 'csrf_failed', ...PASSWORD_PROBLEMS],
      handler: async ({ req, params, body }) => {
        await usePasswordReset(ctx, { token: params.token, password: body.password, ip: req.ip ?? 'unknown' });
      },
    });
}
