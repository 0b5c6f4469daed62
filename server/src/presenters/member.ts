import type { Role } from '../../../shared/src/policy';
import type { Member } from '../../../shared/src/api/members';

export interface MemberRow {
  id: string;
  user_id: string;
  display_name: string;
  email: string;
  role: Role;
  participant_id: string | null;
  may_confirm_for_capital: boolean;
}

/** One member of a document; the email only for those the policy lets see contacts. */
export function presentMember(row: MemberRow, showContact: boolean): Member {
  return {
    membershipId: row.id,
    userId: row.user_id,
    displayName: row.display_name,
    ...(showContact ? { email: row.email } : {}),
    role: row.role,
    participantId: row.participant_id,
    mayConfirmForCapital: row.may_confirm_for_capital,
  };
}
