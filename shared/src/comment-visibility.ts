/**
 * Who reads which comment thread. One rule, kept in three forms that must agree: this function (the
 * client and the tests), the SQL predicate every read uses (server/src/comments/visibility.ts), and
 * the socket.io room an event goes to (server/src/realtime/comment-broadcasts.ts).
 *
 *  [V1] A thread with visibility 'all' is read by every member of the document, observers included,
 *       and by an administrator (who reads what `document.read` grants).
 *  [V2] A thread with visibility 'delegation' belongs to one delegation and is read by its members
 *       only: a Participant's delegates and legal reviewers for that Participant's threads; the
 *       secretariat's members for the secretariat's own. Nobody else — not other delegations, not the
 *       secretariat, not observers, not administrators.
 *  [V3] A member writes internal threads for their own delegation only; a member with no delegation
 *       (an observer, a legal reviewer without a Participant) writes none.
 */
import type { Role } from './policy';
import type { CommentVisibility } from './api/comments';

/** A Participant's id, or 'secretariat'. */
export type DelegationKey = string;
export const SECRETARIAT_DELEGATION = 'secretariat';

export interface CommentReader {
  role: Role;
  participantId: string | null;
}

/** The delegation whose internal threads this member reads and writes; null when they have none [V3]. */
export function delegationOf(member: CommentReader | null): DelegationKey | null {
  if (!member) return null;
  if (member.role === 'secretariat') return SECRETARIAT_DELEGATION;
  if ((member.role === 'delegate' || member.role === 'legal_reviewer') && member.participantId) return member.participantId;
  return null;
}

/** A thread's audience: everyone, or one delegation. */
export interface ThreadAudience {
  visibility: CommentVisibility;
  /** For 'delegation': the Participant, or null for the secretariat's own. Ignored for 'all'. */
  delegationParticipantId: string | null;
}

export function audienceKey(audience: ThreadAudience): DelegationKey | null {
  if (audience.visibility === 'all') return null;
  return audience.delegationParticipantId ?? SECRETARIAT_DELEGATION;
}

/** Whether a member (null: a non-member administrator) may read a thread with this audience [V1, V2]. */
export function canReadThread(member: CommentReader | null, audience: ThreadAudience): boolean {
  if (audience.visibility === 'all') return true;
  const own = delegationOf(member);
  return own !== null && own === audienceKey(audience);
}
