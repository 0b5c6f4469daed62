import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { createIdentityProvider, listIdentityProviders, updateIdentityProvider } from '../../commands/identity-providers';
import { presentIdentityProvider } from '../../presenters/identity-provider';
import {
  identityProviderAnswerSchema,
  identityProviderBodySchema,
  identityProviderChangesSchema,
  identityProviderListSchema,
} from '../../../../shared/src/api/identity-providers';

/** The identity providers of the ministries (single sign-on), managed by administrators. */
export function identityProvidersRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/identity-providers',
      tag: 'identity-providers',
      summary: 'Every identity provider (administrators)',
      description: 'The client secret is never returned: `hasClientSecret` says whether one is stored.',
      access: { kind: 'account', action: 'identity_provider.manage' },
      response: identityProviderListSchema,
      handler: async () => ({ providers: (await listIdentityProviders(ctx)).map(presentIdentityProvider) }),
    })
    .add({
      method: 'post',
      path: '/identity-providers',
      tag: 'identity-providers',
      summary: 'Register an identity provider (administrators)',
      description:
        'Issuer (https, or http on loopback for tests), client id, optional client secret (sealed with AES-256-GCM under `IDENTITY_SECRET_KEY`; refused with 409 `identity_secret_key_missing` when the server has none), the email domains it vouches for, optionally the code of the Participant whose members it serves, and the button text in English and Spanish.',
      access: { kind: 'account', action: 'identity_provider.manage' },
      body: identityProviderBodySchema,
      status: 201,
      response: identityProviderAnswerSchema,
      errors: ['identity_secret_key_missing'],
      handler: async ({ body, session }) => ({ provider: presentIdentityProvider(await createIdentityProvider(ctx, session.user.id, body)) }),
    })
    .add({
      method: 'patch',
      path: '/identity-providers/:providerId',
      tag: 'identity-providers',
      summary: 'Change, disable or enable an identity provider (administrators)',
      description:
        'Disabling ends every session that came through the provider; removing a domain ends those of its people in that domain (their websockets close). `clientSecret: null` removes the stored secret.',
      access: { kind: 'account', action: 'identity_provider.manage' },
      params: z.object({ providerId: z.uuid() }).strict(),
      body: identityProviderChangesSchema,
      response: identityProviderAnswerSchema,
      errors: ['identity_secret_key_missing', 'identity_provider_not_found'],
      handler: async ({ params, body, session }) => ({
        provider: presentIdentityProvider(await updateIdentityProvider(ctx, session.user.id, params.providerId, body)),
      }),
    });
}
