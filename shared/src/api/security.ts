/** The Security page and password resets (docs/api.md, "Security"). */
import { z } from 'zod';
import type { AuditAction } from '../audit-actions';
import { isoTime, newPasswordInput } from './common';

export const passwordChangeBodySchema = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: newPasswordInput }).strict();
export type PasswordChangeBody = z.infer<typeof passwordChangeBodySchema>;

export const ownSessionSchema = z
  .object({
    id: z.uuid(),
    /** The browser's User-Agent as it signed in; null for sessions opened before it was recorded. */
    userAgent: z.string().nullable(),
    address: z.string().nullable(),
    startedAt: isoTime,
    lastSeenAt: isoTime,
    expiresAt: isoTime,
    current: z.boolean(),
  })
  .meta({ id: 'OwnSession' });
export type OwnSession = z.infer<typeof ownSessionSchema>;
export const ownSessionListSchema = z.object({ sessions: z.array(ownSessionSchema) });
export const sessionsEndedSchema = z.object({ ended: z.number().int().nonnegative() });

/** The audit actions that are identity events (server/src/audit/identity-events.ts records them). */
export const IDENTITY_EVENT_KINDS = [
  'sign_in.succeeded',
  'sign_in.failed',
  'password.changed',
  'password.reset_requested',
  'password.reset_used',
  'session.ended',
  'session.ended_everywhere',
] as const satisfies readonly AuditAction[];
export const identityEventSchema = z
  .object({
    id: z.string(),
    action: z.enum(IDENTITY_EVENT_KINDS),
    occurredAt: isoTime,
    /** For a failed sign-in: unknown_account never appears here (it names nobody). */
    reason: z.string().nullable(),
    address: z.string().nullable(),
    /** Someone else who did it (the secretariat or administrator who sent a reset link). */
    by: z.string().nullable(),
  })
  .meta({ id: 'IdentityEvent' });
export type IdentityEventView = z.infer<typeof identityEventSchema>;
export const identityEventListSchema = z.object({ events: z.array(identityEventSchema) });

export const passwordResetRequestBodySchema = z.object({ userId: z.uuid() }).strict();
export const passwordResetSentSchema = z
  .object({
    reset: z.object({
      /** The single-use link `/reset-password/<token>`, shown once to the sender when it was not mailed; null when mailed. */
      url: z.string().nullable(),
      mailed: z.boolean(),
      expiresAt: isoTime,
    }),
  })
  .meta({ id: 'PasswordResetSent' });
export type PasswordResetSent = z.infer<typeof passwordResetSentSchema>;

export const passwordResetPreviewSchema = z.object({ reset: z.object({ email: z.string(), displayName: z.string(), expiresAt: isoTime }) });
export type PasswordResetPreview = z.infer<typeof passwordResetPreviewSchema>['reset'];
export const passwordResetUseBodySchema = z.object({ password: newPasswordInput }).strict();
