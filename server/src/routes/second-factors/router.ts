import { z } from 'zod';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { relyingParty } from '../../auth/second-factors/webauthn';
import { secondFactorsOf } from '../../auth/second-factors/factors';
import {
  beginPasskeyRegistration,
  beginTotpSetup,
  confirmTotpSetup,
  finishPasskeyRegistration,
  removePasskey,
  removeTotpFactor,
  renewCodes,
} from '../../commands/second-factors';
import {
  factorAddedSchema,
  passkeyAddBodySchema,
  reauthenticationInput,
  recoveryCodesSchema,
  secondFactorsSchema,
  totpConfirmBodySchema,
  totpSetupSchema,
  webauthnOptionsSchema,
} from '../../../../shared/src/api/second-factors';
import { emptyBody } from '../../../../shared/src/api/common';

const passkeyParams = z.object({ passkeyId: z.uuid() }).strict();
const REAUTH =
  'Needs the password or a current factor (`{ "password" }` or `{ "code" }`: a TOTP code or a recovery code, which is spent), counted by the sign-in throttle.';

/** A person's own second factors (docs/api.md, "Second factor"). */
export function secondFactorsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/me/second-factors',
      tag: 'me',
      summary: 'My second factors',
      access: { kind: 'session' },
      response: secondFactorsSchema,
      handler: async ({ session }) => secondFactorsOf(ctx.pool, session.user.id),
    })
    .add({
      method: 'post',
      path: '/me/second-factors/totp',
      tag: 'me',
      summary: 'Start setting up an authenticator app',
      description: 'A new TOTP secret (replacing one not yet confirmed), its groups of four and the otpauth:// URI. It counts only once confirmed.',
      access: { kind: 'session' },
      body: emptyBody,
      response: totpSetupSchema,
      errors: ['second_factor_already_set'],
      handler: async ({ res, session }) => {
        res.setHeader('Cache-Control', 'no-store');
        return beginTotpSetup(ctx, session.user);
      },
    })
    .add({
      method: 'post',
      path: '/me/second-factors/totp/confirm',
      tag: 'me',
      summary: 'Confirm the authenticator app with its first code',
      description: 'From now on sign-in asks for a code after the password. The first factor comes with ten recovery codes, answered this once.',
      access: { kind: 'session' },
      body: totpConfirmBodySchema,
      response: factorAddedSchema,
      errors: ['second_factor_invalid', 'second_factor_code_used', 'second_factor_setup_missing', 'second_factor_already_set'],
      handler: async ({ res, body, session }) => {
        res.setHeader('Cache-Control', 'no-store');
        return confirmTotpSetup(ctx, session.user, body.code);
      },
    })
    .add({
      method: 'delete',
      path: '/me/second-factors/totp',
      tag: 'me',
      summary: 'Remove the authenticator app',
      description: REAUTH,
      access: { kind: 'session' },
      body: reauthenticationInput,
      response: secondFactorsSchema,
      errors: ['second_factor_reauthentication_failed', 'too_many_attempts'],
      handler: async ({ req, body, session }) => removeTotpFactor(ctx, session.user, req.ip ?? 'unknown', body),
    })
    .add({
      method: 'post',
      path: '/me/second-factors/passkeys/options',
      tag: 'me',
      summary: 'WebAuthn options for adding a passkey or security key',
      description: 'A single-use challenge bound to this session, valid five minutes; rpID and origin are the server’s configured origin.',
      access: { kind: 'session' },
      body: emptyBody,
      response: webauthnOptionsSchema,
      handler: async ({ req, session }) => ({ options: await beginPasskeyRegistration(ctx, relyingParty(ctx, req), session.user, session.id) }),
    })
    .add({
      method: 'post',
      path: '/me/second-factors/passkeys',
      tag: 'me',
      summary: 'Add a passkey or security key',
      description: 'The browser’s answer to the options, verified against its challenge. The first factor comes with ten recovery codes, answered this once.',
      access: { kind: 'session' },
      body: passkeyAddBodySchema,
      status: 201,
      response: factorAddedSchema,
      errors: ['passkey_registration_failed'],
      handler: async ({ req, res, body, session }) => {
        res.setHeader('Cache-Control', 'no-store');
        return finishPasskeyRegistration(ctx, relyingParty(ctx, req), session.user, {
          sessionId: session.id,
          response: body.response as unknown as RegistrationResponseJSON,
          label: body.label,
        });
      },
    })
    .add({
      method: 'delete',
      path: '/me/second-factors/passkeys/:passkeyId',
      tag: 'me',
      summary: 'Remove a passkey or security key',
      description: REAUTH,
      access: { kind: 'session' },
      params: passkeyParams,
      body: reauthenticationInput,
      response: secondFactorsSchema,
      errors: ['second_factor_reauthentication_failed', 'too_many_attempts'],
      handler: async ({ req, params, body, session }) => removePasskey(ctx, session.user, req.ip ?? 'unknown', params.passkeyId, body),
    })
    .add({
      method: 'post',
      path: '/me/second-factors/recovery-codes',
      tag: 'me',
      summary: 'Ten new recovery codes (the old ones stop working)',
      description: `${REAUTH} The codes are answered this once; only their SHA-256 is kept.`,
      access: { kind: 'session' },
      body: reauthenticationInput,
      response: recoveryCodesSchema,
      errors: ['second_factor_reauthentication_failed', 'second_factor_setup_missing', 'too_many_attempts'],
      handler: async ({ req, res, body, session }) => {
        res.setHeader('Cache-Control', 'no-store');
        return { recoveryCodes: await renewCodes(ctx, session.user, req.ip ?? 'unknown', body) };
      },
    });
}
