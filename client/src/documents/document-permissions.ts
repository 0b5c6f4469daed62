/**
 * What the list of negotiations offers a person, read from the shared policy (shared/src/policy.ts):
 * the client only hides what the server would refuse; the server decides.
 */
import { can, DOCUMENT_STATUSES, type Action, type DocumentStatus, type PolicySubject } from '../../../shared/src/policy';
import type { DocumentSummary } from '../../../shared/src/api/documents';
import type { User } from '../../../shared/src/api/users';

export interface DocumentOffers {
  importDrafts: boolean;
  duplicate: boolean;
  archive: boolean;
  /** The signed version exists once the text is frozen. */
  signedVersion: boolean;
}

const isDocumentStatus = (status: string): status is DocumentStatus => (DOCUMENT_STATUSES as readonly string[]).includes(status);

function subjectOn(user: User, document: DocumentSummary): PolicySubject {
  return {
    userId: user.id,
    isAdmin: user.isAdmin,
    membership: document.myRole ? { role: document.myRole, participantId: document.myParticipantId } : null,
  };
}

export function offersOn(user: User, document: DocumentSummary): DocumentOffers {
  // A status this client does not know offers nothing that changes the document.
  const status = isDocumentStatus(document.status) ? document.status : null;
  const subject = subjectOn(user, document);
  const allowed = (action: Action) => status !== null && can(subject, action, { documentStatus: status }).allowed;
  return {
    importDrafts: allowed('document.import'),
    duplicate: allowed('document.duplicate'),
    archive: allowed('document.archive'),
    signedVersion: document.status === 'frozen',
  };
}

/**
 * "New negotiation": secretariat members of any negotiation and administrators, as the server checks it
 * (server/src/routes/lifecycle/authorize-create.ts) — the list holds every negotiation I am a member of.
 */
export function mayCreateNegotiation(user: User, documents: readonly DocumentSummary[]): boolean {
  const secretariat = documents.some((document) => document.myRole === 'secretariat');
  return can({ userId: user.id, isAdmin: user.isAdmin, membership: secretariat ? { role: 'secretariat', participantId: null } : null }, 'document.create')
    .allowed;
}
