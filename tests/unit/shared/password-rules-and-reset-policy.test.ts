/**
 * The password rules (shared/src/security/password-rules.ts, password-dictionary.ts) and who may send a
 * password reset link (policy rule [P9]).
 */
import { can, permissionsOn, type PolicySubject, type Role } from '../../../shared/src/policy';
import { passwordLength, passwordProblem, personalWords, quickPasswordProblem } from '../../../shared/src/security/password-rules';
import { isCommonPassword } from '../../../shared/src/security/password-dictionary';

const owner = { email: 'maria.lopez@seguridad.gob.sv', displayName: 'María José López' };

describe('the password rules', () => {
  it('count characters as a person does, so twelve emoji are twelve characters', () => {
    expect(passwordLength('🔑'.repeat(12))).toBe(12);
    expect(quickPasswordProblem('🔑'.repeat(11), owner)).toBe('password_too_short');
    expect(quickPasswordProblem('🔑'.repeat(12), owner)).toBeNull();
  });

  it('ask for 12 to 256 characters and nothing about digits, capitals or symbols', () => {
    expect(quickPasswordProblem('a'.repeat(11), owner)).toBe('password_too_short');
    expect(quickPasswordProblem('x'.repeat(257), owner)).toBe('password_too_long');
    expect(passwordProblem('orchard lantern velvet', owner, isCommonPassword)).toBeNull();
    expect(passwordProblem('huerto linterna terciopelo', owner, isCommonPassword)).toBeNull();
  });

  it('refuse the owner’s email, its parts and the words of their name, accents and case aside', () => {
    expect(personalWords(owner)).toEqual(expect.arrayContaining(['maria.lopez@seguridad.gob.sv', 'maria.lopez', 'maria', 'lopez', 'mariajoselopez']));
    expect(personalWords(owner)).not.toContain('gob'); // three letters: inside too many good passwords
    for (const password of ['MARIA.LOPEZ rules ok', 'soy Lopez desde siempre', 'mi nombre es María José López'])
      expect(quickPasswordProblem(password, owner)).toBe('password_contains_personal');
  });

  it('refuse common passwords and passwords built from them, keyboard walks and repeats', () => {
    for (const password of ['password1234', '123456789012', 'qwertyuiop123', 'P@ssw0rd2024!', 'aaaaaaaaaaaa', 'iloveyou12345'])
      expect([password, passwordProblem(password, owner, isCommonPassword)]).toEqual([password, 'password_too_common']);
    expect(isCommonPassword('correct horse battery staple')).toBe(false);
  });
});

describe('[P9] who may send a password reset link', () => {
  const subject = (role: Role | null, isAdmin = false): PolicySubject => ({ userId: 'u', isAdmin, membership: role ? { role, participantId: null } : null });

  it('lets the secretariat reset a member who is not an administrator, never one who is, nor one the route does not name', () => {
    expect(can(subject('secretariat'), 'user.reset_password', { personIsAdmin: false })).toEqual({ allowed: true, reason: 'allowed' });
    expect(can(subject('secretariat'), 'user.reset_password', { personIsAdmin: true })).toEqual({ allowed: false, reason: 'person_is_admin' });
    expect(can(subject('secretariat'), 'user.reset_password', {})).toEqual({ allowed: false, reason: 'person_is_admin' });
  });

  it('lets an administrator reset anyone, member or not, administrators included', () => {
    expect(can(subject(null, true), 'user.reset_password', { personIsAdmin: true }).allowed).toBe(true);
    expect(can(subject(null, true), 'user.reset_password').allowed).toBe(true);
    expect(can(subject('observer', true), 'user.reset_password', { personIsAdmin: true }).allowed).toBe(true);
  });

  it('refuses every other role, and anyone outside the negotiation', () => {
    for (const role of ['delegate', 'legal_reviewer', 'observer'] as const)
      expect(can(subject(role), 'user.reset_password', { personIsAdmin: false }).reason).toBe('role_not_allowed');
    expect(can(subject(null), 'user.reset_password', { personIsAdmin: false }).reason).toBe('not_a_member');
  });

  it('is listed for the secretariat’s client, as allowed on members who are not administrators', () => {
    expect(permissionsOn(subject('secretariat'), 'draft')).toContain('user.reset_password');
    expect(permissionsOn(subject('delegate'), 'draft')).not.toContain('user.reset_password');
  });
});
