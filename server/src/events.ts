import { EventEmitter } from 'node:events';
import type { ApprovalRecordedEvent, ApprovalRevokedEvent, ConcordanceConfirmedEvent } from '../../shared/src/api/approvals';
import type { CommentThreadChangedEvent } from '../../shared/src/api/comments';
import type { PhaseChangedEvent, ProposalChangedEvent } from '../../shared/src/api/proposals';
import type { PackageChangedEvent, PackageDeletedEvent } from '../../shared/src/api/packages';
import type { NumberingChangedEvent } from '../../shared/src/api/numbering';
import type { NotificationCreatedEvent, NotificationReadEvent } from '../../shared/src/api/notifications';
import type { SignatureAttestedEvent } from '../../shared/src/api/signatures';

/**
 * In-process domain events. Channels that hold connections (collab, socket.io) listen here to close
 * or update them; commands emit after their transaction commits.
 */
export interface DomainEvents {
  /** A session ended (logout, expiry): close every socket opened with it. */
  'session.ended': { sessionId: string; userId: string };
  /** A user lost all access (disabled): close all their sockets. */
  'user.disabled': { userId: string };
  /** A membership was removed or its role changed: re-check or close that user's sockets on the document. */
  'membership.changed': { userId: string; documentId: string; removed: boolean };
  /** The document's status changed (e.g. frozen): collab turns read-only. */
  'document.status': { documentId: string; status: 'draft' | 'frozen' | 'archived' };
  /** Approvals and concordance changed: socket.io tells the document's room (realtime/approval-broadcasts.ts). */
  'approval.recorded': ApprovalRecordedEvent;
  'approval.revoked': ApprovalRevokedEvent;
  'concordance.confirmed': ConcordanceConfirmedEvent;
  /** A comment thread changed: socket.io sends it to `audience` only (null: every member; realtime/comment-broadcasts.ts). */
  'comment.thread_changed': CommentThreadChangedEvent & { audience: string | null };
  /** A proposal was tabled, positioned or decided; the negotiation's phase changed (realtime/proposal-broadcasts.ts). */
  'proposal.changed': ProposalChangedEvent;
  'document.phase': PhaseChangedEvent;
  /** A package of clauses was created, changed or deleted: socket.io tells the document's room (packages/package-broadcasts.ts). */
  'package.changed': PackageChangedEvent;
  'package.deleted': PackageDeletedEvent;
  /** The numbering was fixed or renumbered (issue 15): socket.io tells the document's room (numbering/numbering-broadcasts.ts). */
  'numbering.changed': NumberingChangedEvent;
  /** The signed text was initialled or a signature ad referendum confirmed (realtime/signature-broadcasts.ts). */
  'signature.attested': SignatureAttestedEvent;
  /** Someone named a version of the document (commands/create-version.ts); notifications tell the members. */
  'version.named': { documentId: string; versionId: string; name: string; userId: string | null };
  /** A notification for `userId` was written, or some of theirs were read: socket.io tells their sockets only (realtime/notification-broadcasts.ts). */
  'notification.created': NotificationCreatedEvent & { userId: string };
  'notification.read': NotificationReadEvent & { userId: string };
}

export class EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void {
    this.emitter.emit(name, payload);
  }
  on<K extends keyof DomainEvents>(name: K, listener: (payload: DomainEvents[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
