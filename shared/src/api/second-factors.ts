/** A second factor: TOTP, passkeys / security keys and recovery codes (docs/api.md, "Second factor"). */
import { z } from 'zod';
import { isoTime } from './common';
import { sessionAnswerSchema } from './users';

/** A six-digit code from an authenticator app (spaces allowed, as apps show "123 456"). */
export const totpCodeInput = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'six digits'));
/** A recovery code as shown ("ABCD-EFGH-JKLM-NPQR"); case, spaces and dashes do not matter. */
export const recoveryCodeInput = z
  .string()
  .max(64)
  .transform((s) => s.replace(/[\s-]+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z2-7]{16}$/, 'a recovery code of sixteen letters and digits'));

/**
 * What a browser's navigator.credentials answer looks like once @simplewebauthn/browser made it JSON.
 * Checked by @simplewebauthn/server; here only its shape and size are bounded.
 */
const base64url = z
  .string()
  .max(16384)
  .regex(/^[A-Za-z0-9_-]*$/);
export const webauthnResponseInput = z
  .object({
    id: base64url,
    rawId: base64url,
    type: z.literal('public-key'),
    response: z.record(z.string(), z.union([z.string().max(65536), z.array(z.string().max(64)).max(16), z.number()])),
    clientExtensionResults: z.record(z.string(), z.unknown()),
    authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  })
  .strict();

/** Proves it is the account's owner before a factor is removed or codes are renewed: the password, or a current factor. */
export const reauthenticationInput = z
  .object({ password: z.string().min(1).max(1000).optional(), code: z.string().min(1).max(64).optional() })
  .strict()
  .refine((b) => (b.password === undefined) !== (b.code === undefined), 'either password or code');
export type Reauthentication = z.infer<typeof reauthenticationInput>;

export const passkeySchema = z.object({ id: z.uuid(), label: z.string(), createdAt: isoTime, lastUsedAt: isoTime.nullable() }).meta({ id: 'Passkey' });
export type Passkey = z.infer<typeof passkeySchema>;

export const secondFactorsSchema = z
  .object({
    totp: z.object({ confirmedAt: isoTime, lastUsedAt: isoTime.nullable() }).nullable(),
    passkeys: z.array(passkeySchema),
    recoveryCodesLeft: z.number().int(),
    /** Whether any factor counts: sign-in then asks for one after the password. */
    enabled: z.boolean(),
  })
  .meta({ id: 'SecondFactors' });
export type SecondFactors = z.infer<typeof secondFactorsSchema>;

/** Recovery codes are answered once, when made: the server keeps only their hashes. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const factorAddedSchema = z.object({ factors: secondFactorsSchema, recoveryCodes: z.array(z.string()).optional() });
export type FactorAdded = z.infer<typeof factorAddedSchema>;

export const totpSetupSchema = z.object({
  /** base32, as authenticator apps take it typed. */
  secret: z.string(),
  /** The same, in groups of four for reading aloud or typing. */
  secretGroups: z.array(z.string()),
  /** otpauth:// URI: a link that opens the authenticator app on the same device. */
  uri: z.string(),
});
export type TotpSetup = z.infer<typeof totpSetupSchema>;
export const totpConfirmBodySchema = z.object({ code: totpCodeInput }).strict();

export const passkeyAddBodySchema = z.object({ response: webauthnResponseInput, label: z.string().trim().min(1).max(100).optional() }).strict();
/** WebAuthn options as @simplewebauthn/server makes them (PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON). */
export const webauthnOptionsSchema = z.object({ options: z.record(z.string(), z.unknown()) });

export const SECOND_FACTOR_METHODS = ['totp', 'passkey', 'recovery'] as const;
export type SecondFactorMethod = (typeof SECOND_FACTOR_METHODS)[number];

/** POST /api/auth/login when the password was right and the account has a second factor: no session yet. */
export const secondFactorPendingSchema = z
  .object({
    secondFactor: z.object({
      /** Opaque, single use, five minutes: sent back with the factor. */
      pendingToken: z.string(),
      methods: z.array(z.enum(SECOND_FACTOR_METHODS)),
      expiresAt: isoTime,
    }),
  })
  .meta({ id: 'SecondFactorPending' });
export type SecondFactorPending = z.infer<typeof secondFactorPendingSchema>;
export const loginAnswerSchema = z.union([sessionAnswerSchema, secondFactorPendingSchema]);
export type LoginAnswer = z.infer<typeof loginAnswerSchema>;

const pendingToken = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);
export const secondFactorBodySchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('totp'), pendingToken, code: totpCodeInput }).strict(),
  z.object({ method: z.literal('recovery'), pendingToken, code: recoveryCodeInput }).strict(),
  z.object({ method: z.literal('passkey'), pendingToken, response: webauthnResponseInput }).strict(),
]);
export type SecondFactorBody = z.infer<typeof secondFactorBodySchema>;
export const passkeyOptionsBodySchema = z.object({ pendingToken }).strict();

export const secondFactorRequirementSchema = z.object({ required: z.boolean() }).strict();
export type SecondFactorRequirement = z.infer<typeof secondFactorRequirementSchema>;
