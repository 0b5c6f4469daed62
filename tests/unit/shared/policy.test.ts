import { ACTIONS, can, permissionsOn, POLICY, type Action, type ActionRule, type PolicySubject, type Role } from '../../../shared/src/policy';

const GT = 'participant-gt';
const HN = 'participant-hn';
const member = (role: Role, participantId: string | null = null, isAdmin = false): PolicySubject => ({
  userId: 'u',
  isAdmin,
  membership: { role, participantId },
});
const people = {
  secretariat: member('secretariat'),
  'delegate of GT': member('delegate', GT),
  'legal reviewer of HN': member('legal_reviewer', HN),
  'legal reviewer of the secretariat': member('legal_reviewer', null),
  observer: member('observer'),
  'non-member': { userId: 'u', isAdmin: false, membership: null } as PolicySubject,
  'administrator (non-member)': { userId: 'u', isAdmin: true, membership: null } as PolicySubject,
};
type Who = keyof typeof people;

/**
 * The rules as the issue states them, written out by hand (not derived from the table): when this and
 * shared/src/policy.ts disagree, one of them is wrong.
 */
const EXPECTED: Record<Who, Action[]> = {
  secretariat: [
    'document.read',
    'document.edit_text',
    'document.edit_structure',
    'document.manage',
    'member.read_contact',
    'comment.create',
    'concordance.confirm',
    'version.create',
    'document.freeze',
  ],
  'delegate of GT': ['document.read', 'document.edit_text', 'document.edit_structure', 'comment.create', 'concordance.confirm'],
  'legal reviewer of HN': ['document.read', 'comment.create'],
  'legal reviewer of the secretariat': ['document.read', 'comment.create'],
  observer: ['document.read'],
  'non-member': [],
  'administrator (non-member)': ['document.read', 'document.manage', 'member.read_contact', 'user.manage'],
};
/** The actions of the identity issue (others' actions, e.g. document import, have their own tests). */
const ISSUE_ACTIONS: Action[] = [
  'document.read',
  'document.edit_text',
  'document.edit_structure',
  'document.manage',
  'member.read_contact',
  'comment.create',
  'concordance.confirm',
  'version.create',
  'document.freeze',
  'user.manage',
];

describe('the policy table', () => {
  it.each(Object.keys(people) as Who[])('[P3][P4] lets the %s do exactly what the issue says, on a draft', (who) => {
    const allowed = ISSUE_ACTIONS.filter((a) => can(people[who], a, { documentStatus: 'draft' }).allowed);
    expect(allowed.sort()).toEqual([...EXPECTED[who]].sort());
  });

  it('[P5] lets a Guatemalan delegate approve for Guatemala and for nobody else', () => {
    expect(can(people['delegate of GT'], 'clause.approve', { participantId: GT, documentStatus: 'draft' })).toEqual({ allowed: true, reason: 'allowed' });
    expect(can(people['delegate of GT'], 'clause.approve', { participantId: HN, documentStatus: 'draft' })).toEqual({
      allowed: false,
      reason: 'other_participant',
    });
    expect(can(people['delegate of GT'], 'clause.approve', { documentStatus: 'draft' }).allowed).toBe(false);
  });

  it('[P4] never lets a legal reviewer, an observer or the secretariat approve, not even for their own Participant', () => {
    for (const who of ['legal reviewer of HN', 'observer', 'secretariat'] as Who[]) {
      const participantId = people[who].membership?.participantId ?? HN;
      expect(can(people[who], 'clause.approve', { participantId, documentStatus: 'draft' })).toEqual({ allowed: false, reason: 'role_not_allowed' });
    }
    expect(can(people.observer, 'document.edit_text').reason).toBe('role_not_allowed');
  });

  it('[P4] counts the role a person holds on the document, not an administrator flag beside it', () => {
    const observerAndAdmin = member('observer', null, true);
    expect(can(observerAndAdmin, 'document.edit_text', { documentStatus: 'draft' })).toEqual({ allowed: false, reason: 'role_not_allowed' });
    expect(can(observerAndAdmin, 'document.manage', { documentStatus: 'draft' }).allowed).toBe(true); // an admin action
  });

  it('[P3] lets an administrator who is not a member do only what an action grants administrators: never edit or approve', () => {
    const admin = people['administrator (non-member)'];
    for (const action of ['document.read', 'document.manage', 'member.read_contact'] as Action[]) {
      expect(can(admin, action, { documentStatus: 'draft' }).allowed).toBe(true);
    }
    for (const action of [
      'document.edit_text',
      'document.edit_structure',
      'comment.create',
      'concordance.confirm',
      'version.create',
      'document.freeze',
    ] as Action[]) {
      expect(can(admin, action, { documentStatus: 'draft' })).toEqual({ allowed: false, reason: 'not_a_member' });
    }
    expect(can(admin, 'clause.approve', { participantId: HN, documentStatus: 'draft' })).toEqual({ allowed: false, reason: 'not_a_member' });
  });

  it('[P3] refuses every action on a document to someone who is not a member of it', () => {
    for (const action of ACTIONS.filter((a) => !(POLICY[a] as ActionRule).adminOnly)) {
      expect(can(people['non-member'], action, { documentStatus: 'draft', participantId: GT })).toEqual({ allowed: false, reason: 'not_a_member' });
    }
  });

  it('[P5] keeps a delegation’s internal notes within it', () => {
    expect(can(people['legal reviewer of HN'], 'comment.read_internal', { participantId: HN }).allowed).toBe(true);
    expect(can(people['legal reviewer of HN'], 'comment.read_internal', { participantId: GT }).allowed).toBe(false);
    expect(can(people['delegate of GT'], 'comment.read_internal', { participantId: HN }).allowed).toBe(false);
    expect(can(people['delegate of GT'], 'comment.read_internal', { participantId: null }).allowed).toBe(false);
    expect(can(people.secretariat, 'comment.read_internal', { participantId: null }).allowed).toBe(true);
    expect(can(people.secretariat, 'comment.read_internal', { participantId: GT }).allowed).toBe(false);
    expect(can(people.observer, 'comment.read_internal', { participantId: null }).allowed).toBe(false);
    expect(can(people['administrator (non-member)'], 'comment.read_internal', { participantId: GT }).allowed).toBe(false);
  });

  it('[P6] refuses every change to a frozen text, and every change at all to an archived document', () => {
    for (const action of ACTIONS) {
      const frozen = can(people.secretariat, action, { documentStatus: 'frozen', participantId: null });
      const changesText = [
        'document.edit_text',
        'document.edit_structure',
        'comment.create',
        'comment.create_internal',
        'concordance.confirm',
        'version.create',
        'document.freeze',
      ].includes(action);
      if (changesText) expect(frozen).toEqual({ allowed: false, reason: 'document_closed' });
    }
    expect(can(people['delegate of GT'], 'clause.approve', { participantId: GT, documentStatus: 'frozen' }).reason).toBe('document_closed');
    expect(can(people.secretariat, 'document.manage', { documentStatus: 'frozen' }).allowed).toBe(true);
    expect(can(people.secretariat, 'document.manage', { documentStatus: 'archived' }).reason).toBe('document_closed');
    expect(can(people.observer, 'document.read', { documentStatus: 'archived' }).allowed).toBe(true);
  });

  it('[P1] refuses everything to nobody signed in, and says why', () => {
    for (const action of ACTIONS) expect(can(null, action)).toEqual({ allowed: false, reason: 'not_signed_in' });
    for (const action of ACTIONS)
      expect(can(null, action, { documentStatus: 'draft', participantId: null })).toEqual({ allowed: false, reason: 'not_signed_in' });
  });

  it('[P2] lets administrators, and only them, manage user accounts, whatever their membership', () => {
    expect(can(people['administrator (non-member)'], 'user.manage')).toEqual({ allowed: true, reason: 'allowed' });
    expect(can(member('observer', null, true), 'user.manage')).toEqual({ allowed: true, reason: 'allowed' });
    for (const who of ['secretariat', 'delegate of GT', 'legal reviewer of HN', 'observer', 'non-member'] as Who[]) {
      expect(can(people[who], 'user.manage')).toEqual({ allowed: false, reason: 'not_admin' });
    }
  });

  it('[P5] lists permissions for the client, including actions on one’s own Participant', () => {
    expect(permissionsOn(people['delegate of GT'], 'draft')).toEqual(expect.arrayContaining(['clause.approve', 'comment.read_internal']));
    expect(permissionsOn(people.observer, 'draft')).toEqual(['document.read']);
    expect(permissionsOn(people['administrator (non-member)'], 'draft')).not.toContain('user.manage');
  });

  it('describes every action', () => {
    for (const action of ACTIONS) expect(POLICY[action].summary.length).toBeGreaterThan(10);
  });
});
