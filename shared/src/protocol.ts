/**
 * Concordia's wire constants, in one place.
 *
 * Collab endpoint: `ws(s)://HOST/collab/<documentId>` speaks the y-websocket protocol unchanged:
 * every frame starts with a varuint message type — 0 sync (y-protocols/sync: step 1, step 2, update),
 * 1 awareness, 3 query-awareness, 2 auth (server → client: permission denied + reason).
 * Anything else closes the socket with one of the close codes below and a logged reason.
 *
 * socket.io carries application events only (never Yjs traffic); their names are listed here.
 */
import type { ApprovalRecordedEvent, ApprovalRevokedEvent, ConcordanceConfirmedEvent } from './api/approvals';
import type { CommentThreadChangedEvent } from './api/comments';
import type { PhaseChangedEvent, ProposalChangedEvent } from './api/proposals';
import type { PackageChangedEvent, PackageDeletedEvent } from './api/packages';
import type { NumberingChangedEvent } from './api/numbering';
import type { SignatureAttestedEvent } from './api/signatures';
import type { UiLanguage } from './languages';
import type { DocumentStatus } from './policy';

export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/**
 * WebSocket close codes the collab endpoint sends (RFC 6455's 1009 and 1013, and the private range
 * 4000–4999). Refusals before a socket exists (not signed in, not a member, unknown document, a load
 * that failed) are HTTP answers to the upgrade, never close codes.
 */
export const CloseCode = {
  /** A frame above COLLAB_MAX_FRAME_BYTES. */
  MessageTooBig: 1009,
  /** The receiver fell too far behind (more than 16 MiB buffered); it resyncs when it reconnects. */
  TryAgainLater: 1013,
  /** A malformed, truncated or empty frame, a text frame, or an unknown message type. */
  BadMessage: 4400,
  /** My membership of the document was removed or changed: reconnect to learn what I may do now. */
  Forbidden: 4403,
  /** My session ended (logout, expiry) or my account was disabled. */
  SessionEnded: 4408,
  /** The server is shutting down; reconnect. */
  ServerShutdown: 4500,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * The version of the socket.io events below: sent by the client in the handshake (`auth.protocol`);
 * a client of another version is refused (`client_outdated`) and reloads. Raise it whenever an event
 * or a payload changes incompatibly.
 */
export const PROTOCOL_VERSION = 1;

export const SocketEvent = {
  JoinDocument: 'document:join',
  LeaveDocument: 'document:leave',
  SessionEnded: 'session:ended',
  /** Server → client: my role on a document changed or my membership was removed ({ documentId, removed }). */
  AccessChanged: 'document:access_changed',
  /** An approval was recorded (payload: ApprovalRecordedEvent in api/approvals.ts). */
  ApprovalRecorded: 'approval:recorded',
  ApprovalRevoked: 'approval:revoked',
  ConcordanceConfirmed: 'concordance:confirmed',
  /** A comment thread was opened or changed (payload: CommentThreadChangedEvent in api/comments.ts); only to rooms that may read it. */
  CommentThreadChanged: 'comment:thread',
  /** The document's status changed: frozen or archived ({ documentId, status }); the page turns read-only. */
  DocumentStatusChanged: 'document:status',
  /** A proposal was tabled, positioned or decided (payload: ProposalChangedEvent in api/proposals.ts). */
  ProposalChanged: 'proposal:changed',
  /** The negotiation moved between the drafting and the negotiation phase ({ documentId, phase }). */
  DocumentPhaseChanged: 'document:phase',
  /** A package of clauses was created or changed (payload: PackageChangedEvent in api/packages.ts), or deleted (PackageDeletedEvent). */
  PackageChanged: 'package:changed',
  PackageDeleted: 'package:deleted',
  /** The numbering was fixed or renumbered (payload: NumberingChangedEvent in api/numbering.ts): re-read GET …/numbering. */
  NumberingChanged: 'numbering:changed',
  /** The signed text was initialled, or a signature ad referendum confirmed (payload: SignatureAttestedEvent in api/signatures.ts). */
  SignatureAttested: 'signature:attested',
} as const;

/** The answer to a client's request (its socket.io acknowledgement). */
export type SocketAck = { ok: true } | { error: { code: string; message: string } };

export interface DocumentPayload {
  documentId: string;
}

/** Events the server sends (socket.io, typed on both ends). */
export interface ServerToClientEvents {
  [SocketEvent.SessionEnded]: (payload: { reason: 'session_ended' | 'account_disabled' }) => void;
  [SocketEvent.AccessChanged]: (payload: { documentId: string; removed: boolean }) => void;
  [SocketEvent.ApprovalRecorded]: (event: ApprovalRecordedEvent) => void;
  [SocketEvent.ApprovalRevoked]: (event: ApprovalRevokedEvent) => void;
  [SocketEvent.ConcordanceConfirmed]: (event: ConcordanceConfirmedEvent) => void;
  [SocketEvent.CommentThreadChanged]: (event: CommentThreadChangedEvent) => void;
  [SocketEvent.DocumentStatusChanged]: (payload: { documentId: string; status: DocumentStatus }) => void;
  [SocketEvent.ProposalChanged]: (event: ProposalChangedEvent) => void;
  [SocketEvent.DocumentPhaseChanged]: (event: PhaseChangedEvent) => void;
  [SocketEvent.PackageChanged]: (event: PackageChangedEvent) => void;
  [SocketEvent.PackageDeleted]: (event: PackageDeletedEvent) => void;
  [SocketEvent.NumberingChanged]: (event: NumberingChangedEvent) => void;
  [SocketEvent.SignatureAttested]: (event: SignatureAttestedEvent) => void;
}

/** Events a client may send; the server answers anything else with bad_request. */
export interface ClientToServerEvents {
  [SocketEvent.JoinDocument]: (payload: DocumentPayload, ack: (answer: SocketAck) => void) => void;
  [SocketEvent.LeaveDocument]: (payload: DocumentPayload, ack?: (answer: SocketAck) => void) => void;
}

/** What the server knows of each socket's person, set once at the handshake. */
export interface SocketData {
  userId: string;
  sessionId: string;
  isAdmin: boolean;
  lang: UiLanguage;
  /** Documents whose rooms this socket joined. */
  documents: Set<string>;
}

/** The handshake's `auth`: which version of these events the client speaks. */
export interface HandshakeAuth {
  protocol: number;
}
