/**
 * Who may do what — the one table. The server enforces it on every REST route, socket.io event and
 * collab connection; the client reads it only to hide what a person cannot do.
 *
 * Rules, in the order `can()` applies them:
 *  [P1] Nobody signed in may do nothing.
 *  [P2] `adminOnly` actions (no document involved) need the administrator flag, nothing else.
 *  [P3] On a document, a person acts through their membership (one role); an administrator who is not
 *       a member may do only what the action's `admin` flag grants (reading and managing, never
 *       editing or approving on a Participant's behalf).
 *  [P4] The role must be listed in the action's `roles`.
 *  [P5] `sameParticipant` actions concern one Participant (or the secretariat, `participantId: null`):
 *       the membership's Participant must be that one. A Guatemalan delegate approves only for
 *       Guatemala; a delegation's internal notes never reach another delegation. An `orSecretariat`
 *       action is also the secretariat’s, whichever Participant it concerns (a package of clauses).
 *  [P6] A document whose status is not in the action's `openIn` refuses it (a frozen text cannot
 *       change; an archived document cannot change at all; the signed text cannot be initialled
 *       before it is frozen: `not_frozen`).
 *  [P7] In the negotiation phase, an action with `negotiationRoles` is open only to those roles: the
 *       secretariat holds the pen, delegates only propose.
 *  [P8] A `forCapital` action (checked last) needs the membership's flag "may confirm for the capital" (the head of
 *       delegation, marked by the secretariat): confirming an ad referendum approval makes it final.
 *  [P9] A `notOnAdmins` action concerns a person (`personIsAdmin` in the object, which the route must
 *       name: unnamed counts as an administrator). On an administrator only an administrator may act:
 *       the secretariat resets the passwords of its negotiations' members, never an administrator's
 *       (that would hand it the administrator's account). An administrator may reset anyone's, member
 *       or not (the `/users/:userId` route, where nobody else has a membership to act through).
 */

export const ROLES = ['secretariat', 'delegate', 'legal_reviewer', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const DOCUMENT_STATUSES = ['draft', 'frozen', 'archived'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Drafting: delegates edit the agreed text directly. Negotiation: they only propose (docs/api.md, "Proposals"). */
export const DOCUMENT_PHASES = ['drafting', 'negotiation'] as const;
export type DocumentPhase = (typeof DOCUMENT_PHASES)[number];

export interface ActionRule {
  /** Roles a member must hold. */
  roles: readonly Role[];
  /** An administrator may do this on any document, member or not. */
  admin?: boolean;
  /** Only administrators; no document involved. */
  adminOnly?: boolean;
  /** The object names a Participant (null = the secretariat) that must be the member's own. */
  sameParticipant?: boolean;
  /** With `sameParticipant`: the secretariat may act whichever Participant the object names [P5]. */
  orSecretariat?: boolean;
  /** Document statuses in which the action is possible; absent = every status. */
  openIn?: readonly DocumentStatus[];
  /** In the negotiation phase, only these roles may (absent = the phase does not matter). */
  negotiationRoles?: readonly Role[];
  /** [P8] Only a member marked as one who may confirm for the Participant's capital. */
  forCapital?: boolean;
  /** [P9] The object is a person; an administrator among them is only an administrator's to act on. */
  notOnAdmins?: boolean;
  /** What the action means, for docs/api.md and the OpenAPI description. */
  summary: string;
}

const EVERY_ROLE = ROLES;
const DRAFT_ONLY = ['draft'] as const;

export const POLICY = {
  'document.read': { roles: EVERY_ROLE, admin: true, summary: 'read the document, its Participants, members, comments and approvals' },
  'document.edit_text': {
    roles: ['secretariat', 'delegate'],
    openIn: DRAFT_ONLY,
    negotiationRoles: ['secretariat'],
    summary: 'change the agreed text of clauses directly (collab write access)',
  },
  'document.edit_structure': {
    roles: ['secretariat', 'delegate'],
    openIn: DRAFT_ONLY,
    negotiationRoles: ['secretariat'],
    summary: 'add, move, split or remove clauses',
  },
  'document.set_phase': { roles: ['secretariat'], openIn: DRAFT_ONLY, summary: 'switch the document between the drafting and the negotiation phase' },
  'proposal.create': {
    roles: ['delegate'],
    openIn: DRAFT_ONLY,
    summary: 'table a proposal (tracked changes) in a clause for the own Participant, and extend it',
  },
  'proposal.decide': { roles: ['secretariat'], openIn: DRAFT_ONLY, summary: 'accept or reject a proposal' },
  'proposal.withdraw': {
    roles: ['delegate'],
    sameParticipant: true,
    openIn: DRAFT_ONLY,
    summary: 'withdraw or explain a proposal the own Participant sponsors',
  },
  'proposal.position': {
    roles: ['delegate'],
    sameParticipant: true,
    openIn: DRAFT_ONLY,
    summary: 'state the own Participant’s position on a proposal (supports, opposes, reserves), or co-sponsor it',
  },
  'bracket.clear': {
    roles: ['secretariat'],
    openIn: DRAFT_ONLY,
    summary: 'clear a bracket: keep its text (brackets removed) or delete it, in every language of the bracket',
  },
  'package.create': {
    roles: ['secretariat', 'delegate'],
    openIn: DRAFT_ONLY,
    summary: 'create a package of clauses (for the own delegation; the secretariat for itself), visible to every member',
  },
  'package.manage': {
    roles: ['secretariat', 'delegate'],
    sameParticipant: true,
    orSecretariat: true,
    openIn: DRAFT_ONLY,
    summary: 'rename, change the clauses of or delete a package the own delegation created (the secretariat: any package)',
  },
  'numbering.manage': {
    roles: ['secretariat'],
    openIn: DRAFT_ONLY,
    summary: 'fix the numbering at a version (inserted articles become "3 bis", deleted ones stay "[deleted]") and renumber the text',
  },
  'document.manage': { roles: ['secretariat'], admin: true, openIn: ['draft', 'frozen'], summary: 'manage Participants, memberships and invitations' },
  'member.read_contact': { roles: ['secretariat'], admin: true, summary: 'see the email addresses of members' },
  'comment.create': { roles: ['secretariat', 'delegate', 'legal_reviewer'], openIn: DRAFT_ONLY, summary: 'comment on a clause' },
  'comment.create_internal': {
    roles: ['secretariat', 'delegate', 'legal_reviewer'],
    sameParticipant: true,
    openIn: DRAFT_ONLY,
    summary: "write a delegation's internal note (own delegation only)",
  },
  'comment.read_internal': {
    roles: ['secretariat', 'delegate', 'legal_reviewer'],
    sameParticipant: true,
    summary: "read a delegation's internal notes (own delegation only)",
  },
  'clause.approve': { roles: ['delegate'], sameParticipant: true, openIn: DRAFT_ONLY, summary: 'approve a clause for a Participant (own Participant only)' },
  'approval.confirm_for_capital': {
    roles: ['delegate'],
    sameParticipant: true,
    forCapital: true,
    openIn: DRAFT_ONLY,
    summary: 'confirm for the capital an approval given ad referendum (own Participant; the head of delegation)',
  },
  'concordance.confirm': { roles: ['secretariat', 'delegate'], openIn: DRAFT_ONLY, summary: 'confirm that the language versions of a clause agree' },
  'version.create': { roles: ['secretariat'], openIn: DRAFT_ONLY, summary: 'name a version of the text (rolling text, chair’s text)' },
  'document.freeze': { roles: ['secretariat'], openIn: DRAFT_ONLY, summary: 'freeze the final text for signature' },
  'signature.initial': {
    roles: ['delegate'],
    sameParticipant: true,
    forCapital: true,
    openIn: ['frozen'],
    summary: 'initial the signed text for the own Participant (its designated person: the delegate who may confirm for the capital)',
  },
  'signature.confirm_ad_referendum': {
    roles: ['secretariat'],
    openIn: ['frozen'],
    summary: 'record that a signature given ad referendum was confirmed by the capital, with its date',
  },
  // Creating involves no document yet: the route checks it against the caller's secretariat membership of any negotiation.
  'document.create': { roles: ['secretariat'], admin: true, summary: 'create a negotiation (secretariat members and administrators)' },
  'document.import': {
    roles: ['secretariat'],
    admin: true,
    openIn: DRAFT_ONLY,
    summary: 'import drafts (DOCX, Markdown, text) into the document before any approval',
  },
  'document.duplicate': {
    roles: ['secretariat'],
    admin: true,
    summary: 'start a new negotiation from this one (its Participants, members, optionally its text)',
  },
  'document.archive': { roles: ['secretariat'], admin: true, openIn: ['draft', 'frozen'], summary: 'archive the document: nothing in it can change any more' },
  'user.manage': { roles: [], adminOnly: true, summary: 'list, disable and promote user accounts' },
  // Platform-wide, like accounts: a provider vouches for people in every negotiation, not one secretariat's.
  'identity_provider.manage': { roles: [], adminOnly: true, summary: 'register, change and disable the identity providers (single sign-on) of the ministries' },
  'user.reset_password': {
    roles: ['secretariat'],
    admin: true,
    notOnAdmins: true,
    summary: 'send a person a single-use link to choose a new password (the secretariat: members of its negotiation who are not administrators)',
  },
} as const satisfies Record<string, ActionRule>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/** The person asking, as the policy sees them: their account and their membership of the document at hand. */
export interface PolicySubject {
  userId: string;
  isAdmin: boolean;
  membership: { role: Role; participantId: string | null; mayConfirmForCapital?: boolean } | null;
}

/** What the action is about. */
export interface PolicyObject {
  documentStatus?: DocumentStatus;
  /** For `sameParticipant` actions: the Participant concerned (null = the secretariat). */
  participantId?: string | null;
  documentPhase?: DocumentPhase;
  /** For `notOnAdmins` actions [P9]: whether the person acted on is an administrator. */
  personIsAdmin?: boolean;
}

export type DenialReason =
  | 'not_signed_in'
  | 'not_admin'
  | 'not_a_member'
  | 'role_not_allowed'
  | 'other_participant'
  | 'not_for_capital'
  | 'document_closed'
  | 'not_frozen'
  | 'negotiation_phase'
  | 'person_is_admin';

export type Decision = { allowed: true; reason: 'allowed' } | { allowed: false; reason: DenialReason };

const ALLOW: Decision = Object.freeze({ allowed: true, reason: 'allowed' });
const deny = (reason: DenialReason): Decision => ({ allowed: false, reason });

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(POLICY, value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `subject` may do `action` on `object`, and if not, why (rules P1–P9 above). */
export function can(subject: PolicySubject | null, action: Action, object: PolicyObject = {}): Decision {
  const rule: ActionRule = POLICY[action];
  if (!subject) return deny('not_signed_in');
  if (rule.adminOnly) return subject.isAdmin ? ALLOW : deny('not_admin');
  const membership = subject.membership;
  if (!membership) {
    if (!(subject.isAdmin && rule.admin)) return deny('not_a_member');
  } else if (!rule.roles.includes(membership.role) && !(subject.isAdmin && rule.admin)) {
    return deny('role_not_allowed');
  } else if (
    rule.sameParticipant &&
    !(rule.orSecretariat && membership.role === 'secretariat') &&
    (object.participantId === undefined ||
      object.participantId !== membership.participantId ||
      // null is the secretariat's own: a member without a Participant who is not secretariat (a legal reviewer) has no delegation.
      (object.participantId === null && membership.role !== 'secretariat'))
  ) {
    return deny('other_participant');
  }
  if (rule.openIn && object.documentStatus && !rule.openIn.includes(object.documentStatus)) {
    // Only actions on the signed text (initialling) are closed on a draft: it is not frozen yet, rather than frozen.
    return deny(object.documentStatus === 'draft' ? 'not_frozen' : 'document_closed');
  }
  if (rule.negotiationRoles && object.documentPhase === 'negotiation' && !(membership && rule.negotiationRoles.includes(membership.role))) {
    return deny('negotiation_phase');
  }
  if (rule.forCapital && !membership?.mayConfirmForCapital) return deny('not_for_capital');
  if (rule.notOnAdmins && object.personIsAdmin !== false && !subject.isAdmin) return deny('person_is_admin');
  return ALLOW;
}

/**
 * Every action the subject may take on a document in this status — what the client uses to show or
 * hide controls. `sameParticipant` actions are listed when allowed for the member's own Participant,
 * `notOnAdmins` ones when allowed on a person who is not an administrator.
 */
export function permissionsOn(subject: PolicySubject | null, documentStatus: DocumentStatus, documentPhase: DocumentPhase = 'drafting'): Action[] {
  const ownParticipant = subject?.membership?.participantId ?? null;
  return ACTIONS.filter(
    (action) =>
      !(POLICY[action] as ActionRule).adminOnly &&
      can(subject, action, { documentStatus, documentPhase, participantId: ownParticipant, personIsAdmin: false }).allowed,
  );
}

/** Roles that need a Participant, may have one, or must not have one. */
export function participantRequirement(role: Role): 'required' | 'optional' | 'forbidden' {
  if (role === 'delegate') return 'required';
  if (role === 'legal_reviewer') return 'optional';
  return 'forbidden';
}
