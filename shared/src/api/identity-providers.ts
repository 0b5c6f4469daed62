/**
 * Single sign-on: the identity providers administrators register (one per ministry) and what the
 * sign-in page may learn of them. The client secret goes in and never comes out: answers say only
 * whether one is stored.
 */
import { z } from 'zod';
import { emailInput, isoTime, participantCodeInput } from './common';
import { honestName, storableText } from '../text-characters';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An issuer is https, or http on this machine (a provider under test): tokens never cross a network in the clear. */
export function issuerAllowed(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

export const issuerInput = z
  .string()
  .trim()
  .max(500)
  .refine(issuerAllowed, 'an https:// address without query, e.g. "https://login.minex.gob.gt"')
  .transform((v) => v.replace(/\/+$/, '') || v);

/** A domain as it follows the @ of an address: lower case, exact (no wildcards). */
export const emailDomainInput = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a domain such as "minex.gob.gt"');

/** The button's words in each interface language: "Ministry of Foreign Affairs of Guatemala". */
export const providerDisplayNameInput = z
  .object({ en: honestName(z.string().trim().min(1).max(200)), es: honestName(z.string().trim().min(1).max(200)) })
  .strict();

const providerFields = {
  issuer: issuerInput,
  clientId: storableText(z.string().trim().min(1).max(500)),
  /** Stored sealed with IDENTITY_SECRET_KEY; refused when the server has no key. Omit for a public client (PKCE only). */
  clientSecret: z.string().min(1).max(2000).optional(),
  domains: z
    .array(emailDomainInput)
    .min(1)
    .max(50)
    .refine((list) => new Set(list).size === list.length, 'each domain once'),
  participantCode: participantCodeInput.nullable().optional(),
  displayName: providerDisplayNameInput,
  /** Whether a first sign-in may create an account without an invitation. */
  allowAccountCreation: z.boolean().optional(),
  enabled: z.boolean().optional(),
};

export const identityProviderBodySchema = z.object(providerFields).strict();
export type IdentityProviderBody = z.infer<typeof identityProviderBodySchema>;

/** Changes: any field; `clientSecret: null` removes the stored secret. */
export const identityProviderChangesSchema = z
  .object({ ...providerFields, clientSecret: z.string().min(1).max(2000).nullable().optional() })
  .partial()
  .strict();
export type IdentityProviderChanges = z.infer<typeof identityProviderChangesSchema>;

export const identityProviderSchema = z
  .object({
    id: z.uuid(),
    issuer: z.string(),
    clientId: z.string(),
    hasClientSecret: z.boolean(),
    domains: z.array(z.string()),
    participantCode: z.string().nullable(),
    displayName: z.object({ en: z.string(), es: z.string() }),
    allowAccountCreation: z.boolean(),
    enabled: z.boolean(),
    linkedIdentities: z.number().int(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'IdentityProvider' });
export type IdentityProvider = z.infer<typeof identityProviderSchema>;

export const identityProviderListSchema = z.object({ providers: z.array(identityProviderSchema) });
export const identityProviderAnswerSchema = z.object({ provider: identityProviderSchema });

/** The sign-in page asks for one address; it learns only the enabled providers of that exact domain. */
export const ssoProvidersQuerySchema = z.object({ email: emailInput }).strict();
export const ssoProviderOptionSchema = z.object({ id: z.uuid(), displayName: z.object({ en: z.string(), es: z.string() }) }).meta({ id: 'SsoProviderOption' });
export type SsoProviderOption = z.infer<typeof ssoProviderOptionSchema>;
export const ssoProvidersAnswerSchema = z.object({ providers: z.array(ssoProviderOptionSchema) });

/** GET /auth/sso/start: a top-level navigation that ends at the provider (or back at /signin?sso_error=). */
export const ssoStartQuerySchema = z
  .object({
    providerId: z.uuid(),
    email: emailInput.optional(),
    next: z.string().max(2000).optional(),
  })
  .strict();

export const ssoCallbackQuerySchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const ssoLogoutAnswerSchema = z.object({
  /** The provider's end_session_endpoint to send the browser to, when the session came through one that offers it. */
  endSessionUrl: z.string().nullable(),
});
