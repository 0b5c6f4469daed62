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
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/** WebSocket close codes (RFC 6455 private range 4000–4999, plus 1009 for oversize frames). */
export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  MessageTooBig: 1009,
  BadMessage: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  NotFound: 4404,
  DocumentUnavailable: 4503,
  SessionEnded: 4408,
  ServerShutdown: 4500,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

export const SocketEvent = {
  JoinDocument: 'document:join',
  LeaveDocument: 'document:leave',
  DocumentChanged: 'document:changed',
  SessionEnded: 'session:ended',
  /** Server → client: my role on a document changed or my membership was removed ({ documentId, removed }). */
  AccessChanged: 'document:access_changed',
  Error: 'app:error',
  /** An approval was recorded (payload: ApprovalRecordedEvent in approval-api.ts). */
  ApprovalRecorded: 'approval:recorded',
  ApprovalRevoked: 'approval:revoked',
  ConcordanceConfirmed: 'concordance:confirmed',
  /** A comment thread was opened or changed (payload: CommentThreadChangedEvent in comment-api.ts); only to rooms that may read it. */
  CommentThreadChanged: 'comment:thread',
  /** The document's status changed: frozen or archived ({ documentId, status }); the page turns read-only. */
  DocumentStatusChanged: 'document:status',
} as const;
