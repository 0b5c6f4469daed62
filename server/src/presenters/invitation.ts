import type { Role } from '../../../shared/src/policy';
import type { Invitation } from '../../../shared/src/api/invitations';

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  participant_id: string | null;
  expires_at: Date;
}

export function presentInvitation(row: InvitationRow, extra: { url?: string; mailed?: boolean } = {}): Invitation {
  return { id: row.id, email: row.email, role: row.role, participantId: row.participant_id, expiresAt: row.expires_at.toISOString(), ...extra };
}
