import { api } from './http';
import { documentPath } from './documents';
import type { CreatedInvitation, Member, Participant, Role } from './types';

export interface MembershipInput {
  email: string;
  role: Role;
  participantId?: string | null;
}

export interface ParticipantInput {
  code: string;
  name: Record<string, string>;
  color: string;
}

export const listMembers = (documentId: string) =>
  api.get<{ members: Member[] }>(`${documentPath(documentId)}/members`);

export const addMembership = (documentId: string, input: MembershipInput) =>
  api.post<unknown>(`${documentPath(documentId)}/memberships`, withoutEmptyParticipant(input));

export const updateMembership = (documentId: string, membershipId: string, changes: { role: Role; participantId: string | null }) =>
  api.patch<unknown>(`${documentPath(documentId)}/memberships/${encodeURIComponent(membershipId)}`, changes);

export const removeMembership = (documentId: string, membershipId: string) =>
  api.delete(`${documentPath(documentId)}/memberships/${encodeURIComponent(membershipId)}`);

export const createInvitation = (documentId: string, input: MembershipInput) =>
  api.post<{ invitation: CreatedInvitation }>(`${documentPath(documentId)}/invitations`, withoutEmptyParticipant(input));

export const listParticipants = (documentId: string) =>
  api.get<{ participants: Participant[] }>(`${documentPath(documentId)}/participants`);

export const createParticipant = (documentId: string, input: ParticipantInput) =>
  api.post<{ participant: Participant }>(`${documentPath(documentId)}/participants`, input);

export const updateParticipant = (documentId: string, participantId: string, input: ParticipantInput) =>
  api.patch<{ participant: Participant }>(`${documentPath(documentId)}/participants/${encodeURIComponent(participantId)}`, input);

export const deleteParticipant = (documentId: string, participantId: string) =>
  api.delete(`${documentPath(documentId)}/participants/${encodeURIComponent(participantId)}`);

function withoutEmptyParticipant(input: MembershipInput): MembershipInput {
  return input.participantId ? input : { email: input.email, role: input.role };
}
