import { api } from './http';
import type { AcceptedInvitation, InvitationPreview } from '../../../shared/src/api/invitations';

const path = (token: string) => `/api/invitations/${encodeURIComponent(token)}`;

export const getInvitation = (token: string) => api.get<{ invitation: InvitationPreview }>(path(token), { expectSession: false });

export const acceptInvitation = (token: string, input: { displayName: string; password: string; uiLanguage?: string }) =>
  api.post<AcceptedInvitation>(`${path(token)}/accept`, input, { csrf: false, expectSession: false });
