/**
 * What a new password must be (NIST SP 800-63B §5.1.1.2): long enough, not absurdly long, no
 * composition rules (no "one digit, one symbol"), and not something an attacker tries first — a common
 * password or one built from common ones (password-dictionary.ts), or the person's own email or name.
 * Passwords that exist keep working whatever their length: the rule applies when one is chosen.
 *
 * The cheap checks live here so the client can run them on every keystroke; the dictionary check is
 * the same code on both sides, loaded lazily in the browser (it weighs several hundred kB).
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Why a password is refused: each is an error code (shared/src/error-codes.ts) with a translated sentence. */
export const PASSWORD_PROBLEMS = ['password_too_short', 'password_too_long', 'password_contains_personal', 'password_too_common'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** Whose password it is: what must not appear in it. */
export interface PasswordOwner {
  email: string;
  displayName?: string | null;
}

/** Characters, as a person counts them (an emoji is one, not two UTF-16 units). */
export const passwordLength = (password: string): number => [...password.normalize('NFC')].length;

const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The parts of the owner's identity a password must not contain: the whole email, its local part and
 * the pieces of it, the name's words — each of four characters or more (shorter ones, like "ana" or
 * "li", are inside too many good passwords to refuse them).
 */
export function personalWords(owner: PasswordOwner): string[] {
  const email = fold(owner.email.trim());
  const local = email.split('@')[0] ?? '';
  const name = fold(owner.displayName ?? '');
  const words = [email, local, ...local.split(/[^\p{L}\p{N}]+/u), name.replace(/\s+/g, ''), ...name.split(/[^\p{L}\p{N}]+/u)];
  return [...new Set(words)].filter((w) => w.length >= 4);
}

/** The checks that need no dictionary, in the order a person should hear them; null when they pass. */
export function quickPasswordProblem(password: string, owner: PasswordOwner): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  const folded = fold(password).replace(/\s+/g, '');
  if (personalWords(owner).some((word) => folded.includes(word.replace(/\s+/g, '')))) return 'password_contains_personal';
  return null;
}

/** Every check: the quick ones, then the dictionary (`isCommon`, from password-dictionary.ts). */
export function passwordProblem(password: string, owner: PasswordOwner, isCommon: (password: string) => boolean): PasswordProblem | null {
  return quickPasswordProblem(password, owner) ?? (isCommon(password) ? 'password_too_common' : null);
}
