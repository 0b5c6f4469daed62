/**
 * The password rules (shared/src/security/password-rules.ts) where the server sets a password:
 * accepting an invitation, creating an account, changing one's password, using a reset link. The
 * client runs the same checks as the person types; this is the one that counts.
 */
import { AppError } from '../http/errors';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem, type PasswordOwner } from '../../../shared/src/security/password-rules';
import { isCommonPassword } from '../../../shared/src/security/password-dictionary';

/** Throws the rule's error (password_too_short, password_too_long, password_contains_personal, password_too_common). */
export function assertPasswordAllowed(password: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner, isCommonPassword);
  if (problem) throw new AppError(problem, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
}
