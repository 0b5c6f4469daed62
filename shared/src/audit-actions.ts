/**
 * Every kind of event the audit chain records (`noun.verb`). The server may write no other, and the
 * activity feed has a sentence for each in every language (tests/unit/shared/audit-actions.test.ts).
 */
export const AUDIT_ACTIONS = [
  'authorization.denied',
  'clause.approved',
  'clause.approval_revoked',
  'clause.concordance_confirmed',
  'collab.update_rejected',
  'comment.created',
  'comment.replied',
  'comment.edited',
  'comment.deleted',
  'comment_thread.resolved',
  'comment_thread.reopened',
  'document.archived',
  'document.created',
  'document.duplicated',
  'document.frozen',
  'document.imported',
  'document.seeded',
  'import.previewed',
  'invitation.accepted',
  'invitation.created',
  'invitation.revoked',
  'membership.changed',
  'membership.created',
  'membership.removed',
  'participant.created',
  'participant.deleted',
  'participant.updated',
  'signature_record.saved',
  'user.created',
  'user.demoted',
  'user.disabled',
  'user.enabled',
  'user.promoted',
  'version.created',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
