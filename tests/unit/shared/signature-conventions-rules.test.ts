/**
 * Issue 16, signature conventions: who may initial the signed text and confirm a signature ad
 * referendum ([P5], [P6], [P8] in shared/src/policy.ts), and the defaults the server, the exports and
 * the client share (initials from a name, the originals a record means when it states none).
 */
import { can, permissionsOn, type PolicySubject, type Role } from '../../../shared/src/policy';
import { defaultInitials, INITIALS_PATTERN, originalsOf } from '../../../shared/src/versions/signature-defaults';

const GT = 'participant-gt';
const HN = 'participant-hn';
const member = (role: Role, participantId: string | null = null, mayConfirmForCapital = false): PolicySubject => ({
  userId: 'u',
  isAdmin: false,
  membership: { role, participantId, mayConfirmForCapital },
});
const head = member('delegate', GT, true);

describe('initialling the signed text', () => {
  it('[P8] is for the Participant’s designated person only: its delegate who may confirm for the capital', () => {
    expect(can(head, 'signature.initial', { participantId: GT, documentStatus: 'frozen' })).toEqual({ allowed: true, reason: 'allowed' });
    expect(can(member('delegate', GT), 'signature.initial', { participantId: GT, documentStatus: 'frozen' }).reason).toBe('not_for_capital');
    expect(can(member('delegate', HN, true), 'signature.initial', { participantId: GT, documentStatus: 'frozen' }).reason).toBe('other_participant');
    for (const role of ['secretariat', 'legal_reviewer', 'observer'] as const)
      expect(can(member(role, role === 'legal_reviewer' ? GT : null), 'signature.initial', { participantId: GT, documentStatus: 'frozen' }).reason).toBe(
        'role_not_allowed',
      );
  });

  it('[P6] is open only once the text is frozen: a draft is “not frozen”, an archived document closed', () => {
    expect(can(head, 'signature.initial', { participantId: GT, documentStatus: 'draft' }).reason).toBe('not_frozen');
    expect(can(head, 'signature.initial', { participantId: GT, documentStatus: 'archived' }).reason).toBe('document_closed');
    expect(permissionsOn(head, 'frozen')).toContain('signature.initial');
    expect(permissionsOn(head, 'draft')).not.toContain('signature.initial');
  });
});

describe('confirming a signature ad referendum', () => {
  it('is the secretariat’s, on a frozen text only', () => {
    expect(can(member('secretariat'), 'signature.confirm_ad_referendum', { documentStatus: 'frozen' }).allowed).toBe(true);
    expect(can(member('secretariat'), 'signature.confirm_ad_referendum', { documentStatus: 'draft' }).reason).toBe('not_frozen');
    expect(can(head, 'signature.confirm_ad_referendum', { documentStatus: 'frozen' }).reason).toBe('role_not_allowed');
    expect(permissionsOn(member('secretariat'), 'frozen')).toContain('signature.confirm_ad_referendum');
  });
});

describe('the defaults', () => {
  it.each([
    ['Ana María López', 'AML'],
    ['José Ixcot', 'JI'],
    ['Álvaro de la Peña-Ruiz', 'ÁDLPR'],
    ['Jean-Luc Marie Anne Olivier Paul Roux', 'JLMAOP'],
    ['  carmen   morales ', 'CM'],
    ['4 5 6', ''],
  ])('takes the initials of “%s” as “%s”', (name, initials) => {
    expect(defaultInitials(name)).toBe(initials);
  });

  it('accepts 1 to 6 letters of any script as initials, nothing else', () => {
    for (const good of ['J', 'JR', 'ÁL', 'ЖК', 'ABCDEF']) expect(INITIALS_PATTERN.test(good)).toBe(true);
    for (const bad of ['', 'ABCDEFG', 'J.R', 'J R', 'A1']) expect(INITIALS_PATTERN.test(bad)).toBe(false);
  });

  it('means one original per Participant in every language when the record states none', () => {
    expect(originalsOf(null, 4, ['en', 'es'])).toEqual({ count: 4, languages: ['en', 'es'] });
    const stated = { count: 5, languages: ['es'] };
    expect(originalsOf({ place: {}, date: '2026-03-01', signatories: [], originals: stated }, 4, ['en', 'es'])).toBe(stated);
  });
});
