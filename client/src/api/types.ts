/** The shapes the REST API answers with (see the API contract); only what the client reads. */
export type Role = 'secretariat' | 'delegate' | 'legal_reviewer' | 'observer';
export const ROLES: readonly Role[] = ['secretariat', 'delegate', 'legal_reviewer', 'observer'];

export type DocumentStatus = 'draft' | 'frozen' | 'archived' | (string & {});

/** A text in several languages, keyed by language code. */
export type Localized = Record<string, string>;

export interface User {
  id: string;
  email: string;
  displayName: string;
  uiLanguage: string;
  isAdmin: boolean;
}

export interface SessionAnswer {
  user: User;
  csrfToken: string;
}

export interface DocumentSummary {
  id: string;
  title: Localized;
  languages: string[];
  status: DocumentStatus;
  updatedAt: string;
  myRole: Role | null;
  myParticipantId: string | null;
  progress: DocumentProgress;
}

/** How far a negotiation is, as its list shows it (counted by the server for the person asking). */
export interface DocumentProgress {
  /** Clauses every Participant has approved as they stand now. */
  approvedClauses: number;
  totalClauses: number;
  /** Open comment threads I may read. */
  openThreads: number;
}

export interface Participant {
  id: string;
  code: string;
  name: Localized;
  color: string;
}

export interface DocumentDetail {
  document: { id: string; title: Localized; languages: string[]; status: DocumentStatus; updatedAt?: string };
  participants: Participant[];
  me: { role: Role | null; participantId: string | null; permissions: string[] };
}

export interface Member {
  membershipId: string;
  userId: string;
  displayName: string;
  email?: string;
  role: Role;
  participantId: string | null;
}

export interface CreatedInvitation {
  url: string;
  expiresAt: string;
  email?: string;
  role?: Role;
}

export interface InvitationPreview {
  email: string;
  role: Role;
  documentTitle: Localized;
  participant: { code: string; name: Localized; color?: string } | null;
  /** The email already has an account: accepting takes its current password, and sets nothing. */
  existingAccount?: boolean;
}

export const Permission = {
  EditText: 'document.edit_text',
  EditStructure: 'document.edit_structure',
  Manage: 'document.manage',
} as const;
