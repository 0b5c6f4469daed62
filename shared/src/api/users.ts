/** Accounts, sessions and the signed-in person (docs/api.md, "Auth and me", "Users"). */
import { z } from 'zod';
import { displayNameInput, isoTime, uiLanguageSchema } from './common';
import { storableText } from '../text-characters';

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    uiLanguage: uiLanguageSchema,
    isAdmin: z.boolean(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const sessionAnswerSchema = z.object({ user: userSchema, csrfToken: z.string() }).meta({ id: 'SessionAnswer' });
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;

export const loginBodySchema = z.object({ email: storableText(z.string().trim().min(1).max(320)), password: z.string().min(1).max(1000) }).strict();
export type LoginBody = z.infer<typeof loginBodySchema>;

export const meChangesSchema = z.object({ uiLanguage: uiLanguageSchema.optional(), displayName: displayNameInput.optional() }).strict();
export type MeChanges = z.infer<typeof meChangesSchema>;
export const meAnswerSchema = z.object({ user: userSchema });

export const accountSchema = userSchema.extend({ disabled: z.boolean(), createdAt: isoTime }).meta({ id: 'Account' });
export type Account = z.infer<typeof accountSchema>;
export const accountListSchema = z.object({ users: z.array(accountSchema) });
export const accountChangesSchema = z.object({ disabled: z.boolean().optional(), isAdmin: z.boolean().optional() }).strict();
export type AccountChanges = z.infer<typeof accountChangesSchema>;
export const accountAnswerSchema = z.object({ user: accountSchema });
