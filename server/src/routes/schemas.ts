import { z } from 'zod';
import { ROLES } from '../../../shared/src/policy';
import { UI_LANGUAGES } from '../i18n';

/** Zod pieces shared by several resources. Objects are strict: an unknown field is a 400 naming it. */
export const documentParams = z.object({ documentId: z.uuid() }).strict();
export const email = z.string().trim().toLowerCase().max(320).pipe(z.email());
export const role = z.enum(ROLES);
export const uiLanguage = z.enum(UI_LANGUAGES);
export const displayName = z.string().trim().min(1).max(200);
/** OWASP: at least 8 characters (we ask 10), long passphrases welcome, no composition rules. */
export const newPassword = z.string().min(10).max(200);
export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).meta({ id: 'Error' });
