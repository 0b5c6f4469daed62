import { api } from './http';
import { documentPath } from './documents';
import type { Invitation, InvitationBody } from '../../../shared/src/api/invitations';
import type { Member, MembershipBody, MembershipChange } from '../../../shared/src/api/members';
import type { Participant, ParticipantBody } from '../../../shared/src/api/participants';

/** Adding a person: by email, as a member (an existing account) or by invitation. */
export type MembershipInput = InvitationBody & Pick<MembershipBody, 'email'>;
export type ParticipantInput = ParticipantBody;

export const listMembers = (documentId: string) => api.get<{ members: Member[] }>(`${documentPath(documentId)}/members`);

export const addMembership = (documentId: string, input: MembershipInput) =>
  api.post<unknown>(`${documentPath(documentId)}/memberships`, withoutEmptyParticipant(input));

export const updateMembership = (documentId: string, membershipId: string, changes: MembershipChange) =>
  api.patch<unknown>(`${documentPath(documentId)}/memberships/${encodeURIComponent(membershipId)}`, changes);

export const removeMembership = (documentId: string, membershipId: string) =>
  api.delete(`${documentPath(documentId)}/memberships/${encodeURIComponent(membershipId)}`);

export const createInvitation = (documentId: string, input: MembershipInput) =>
  api.post<{ invitation: Invitation }>(`${documentPath(documentId)}/invitations`, withoutEmptyParticipant(input));

export const listParticipants = (documentId: string) => api.get<{ participants: Participant[] }>(`${documentPath(documentId)}/participants`);

export const createParticipant = (documentId: string, input: ParticipantInput) =>
  api.post<{ participant: Participant }>(`${documentPath(documentId)}/participants`, input);

export const updateParticipant = (documentId: string, participantId: string, input: ParticipantInput) =>
  api.patch<{ participant: Participant }>(`${documentPath(documentId)}/participants/${encodeURIComponent(participantId)}`, input);

export const deleteParticipant = (documentId: string, participantId: string) =>
  api.delete(`${documentPath(documentId)}/participants/${encodeURIComponent(participantId)}`);

function withoutEmptyParticipant(input: MembershipInput): MembershipInput {
  return input.participantId ? input : { email: input.email, role: input.role };
}
