/**
 * What stands beside a person's name wherever it appears, so that a display name cannot pass for
 * someone else's: the code of the Participant they speak for, else their role in the negotiation
 * (secretariat, observer …), as the server recorded it — never anything the person typed.
 */
import type { Role } from '../../../shared/src/policy';

export interface RosterMember {
  userId: string;
  role: Role;
  participantId: string | null;
}

export interface RosterParticipant {
  id: string;
  code: string;
  color?: string;
}

/** Their Participant's code (and color), their role when they have none, or null when they are not a member we know. */
export type DelegationTag = { kind: 'participant'; code: string; color?: string } | { kind: 'role'; role: Role };

export function delegationTag(
  person: { id: string; participantId?: string | null },
  roster: readonly RosterMember[],
  participants: readonly RosterParticipant[],
): DelegationTag | null {
  const member = roster.find((m) => m.userId === person.id);
  // A comment names the Participant it was written for; otherwise the person's membership now.
  const participantId = person.participantId ?? member?.participantId ?? null;
  const participant = participantId ? participants.find((p) => p.id === participantId) : undefined;
  if (participant) return { kind: 'participant', code: participant.code, color: participant.color };
  return member ? { kind: 'role', role: member.role } : null;
}
