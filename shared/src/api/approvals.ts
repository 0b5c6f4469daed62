/**
 * The approvals and concordance API: request schemas (zod, strict — the server parses every request
 * with them) and the shapes of the answers and socket.io events (the server's presenters build exactly
 * these; the client reads them). docs/api.md, "Approvals and concordance", is the prose form.
 */
import { z } from 'zod';
import { languageCodeSchema } from '../languages';
import { APPROVAL_STATUSES, CONCORDANCE_STATUSES } from '../approval-status';
import { CLAUSE_KINDS } from '../yjs-layout';

export const hashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'A hash is 64 lower-case hex digits');

export const approveClauseBodySchema = z
  .object({
    /** The Participant approving: it must be the approver's own. */
    participantId: z.uuid(),
    /** The clause fingerprint of the text the person was looking at. */
    fingerprint: hashSchema,
    /** Required (true) when the clause's concordance is stale or unconfirmed: the dialog asked and the person agreed. */
    acknowledgeConcordance: z.boolean().optional(),
    /** Accepted ad referendum: subject to confirmation by the Participant's capital (issue 16). */
    adReferendum: z.boolean().optional(),
    /** Conditional on a package of the document: counts as approved only while it is settled for this Participant [A5]. */
    packageId: z.uuid().optional(),
  })
  .strict();
export type ApproveClauseBody = z.infer<typeof approveClauseBodySchema>;

/** Confirming for the capital an ad referendum approval of one's Participant, as shown (its fingerprint). */
export const confirmForCapitalBodySchema = z
  .object({
    participantId: z.uuid(),
    fingerprint: hashSchema,
  })
  .strict();
export type ConfirmForCapitalBody = z.infer<typeof confirmForCapitalBodySchema>;

export const revokeApprovalQuerySchema = z.object({ participantId: z.uuid() }).strict();
export type RevokeApprovalQuery = z.infer<typeof revokeApprovalQuerySchema>;

export const confirmConcordanceBodySchema = z
  .object({
    /** The language hashes of the texts the person compared, one per language of the document. */
    languageHashes: z.record(languageCodeSchema, hashSchema),
  })
  .strict();
export type ConfirmConcordanceBody = z.infer<typeof confirmConcordanceBodySchema>;

export const MATRIX_FILTERS = [...APPROVAL_STATUSES, 'concordance_flagged'] as const;
export type MatrixFilter = (typeof MATRIX_FILTERS)[number];

export const approvalMatrixQuerySchema = z
  .object({
    /** Only clauses with at least one cell in this status (or whose concordance is not `concordant`). */
    status: z.enum(MATRIX_FILTERS).optional(),
    /** Only clauses this Participant (id or code) has not approved as they stand: "missing Guatemala". */
    missing: z.string().min(1).max(64).optional(),
  })
  .strict();
export type ApprovalMatrixQuery = z.infer<typeof approvalMatrixQuerySchema>;

const isoTime = z.iso.datetime({ offset: true });
const languageHashes = z.record(languageCodeSchema, hashSchema);
const plainTexts = z.record(languageCodeSchema, z.string());

export const userRefSchema = z.object({ id: z.uuid(), displayName: z.string() }).meta({ id: 'UserRef' });
export type UserRef = z.infer<typeof userRefSchema>;

export const approvalStatusSchema = z.enum(APPROVAL_STATUSES);
export const concordanceStatusSchema = z.enum(CONCORDANCE_STATUSES);

/** A Participant's approval still in force (not revoked): it covers exactly `fingerprint`. */
export const approvalRecordSchema = z
  .object({
    id: z.string(),
    clauseId: z.string(),
    participantId: z.uuid(),
    fingerprint: hashSchema,
    languageHashes,
    approvedBy: userRefSchema,
    approvedAt: isoTime,
    /** The clause's concordance when it was approved; anything but `concordant` was acknowledged. */
    concordanceAtApproval: concordanceStatusSchema,
    /** Given ad referendum and not yet confirmed for the capital: not final (the freeze needs every approval final). */
    adReferendum: z.boolean(),
    /** Who confirmed it for the capital, and when: an approval given ad referendum, now final. */
    confirmedBy: userRefSchema.nullable(),
    confirmedAt: isoTime.nullable(),
    /** The package it is conditional on [A5]; null or absent: unconditional. */
    packageId: z.uuid().nullable().optional(),
  })
  .meta({ id: 'Approval' });
export type ApprovalRecord = z.infer<typeof approvalRecordSchema>;

export const concordanceRecordSchema = z
  .object({
    id: z.string(),
    clauseId: z.string(),
    languageHashes,
    confirmedBy: userRefSchema,
    confirmedAt: isoTime,
  })
  .meta({ id: 'ConcordanceConfirmation' });
export type ConcordanceRecord = z.infer<typeof concordanceRecordSchema>;

export const matrixParticipantSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.record(z.string(), z.string()),
  color: z.string(),
});
export type MatrixParticipant = z.infer<typeof matrixParticipantSchema>;

export const matrixClauseSchema = z
  .object({
    clauseId: z.string(),
    kind: z.enum(CLAUSE_KINDS),
    /** The current fingerprint; null when a text is not valid in the schema (it cannot be approved). */
    fingerprint: hashSchema.nullable(),
    languageHashes,
    /** Approvals in force, by Participant id. */
    approvals: z.record(z.string(), approvalRecordSchema),
    /** Status per Participant id, as of this answer (the client re-derives it live). */
    statuses: z.record(z.string(), approvalStatusSchema),
    /** [A5] For each Participant whose status is `held`: the clauses of its package it has not approved as they stand. */
    held: z.record(z.string(), z.array(z.string())).optional(),
    concordance: z.object({
      status: concordanceStatusSchema,
      changedLanguages: z.array(languageCodeSchema),
      confirmation: concordanceRecordSchema.nullable(),
    }),
  })
  .meta({ id: 'ApprovalMatrixClause' });
export type MatrixClause = z.infer<typeof matrixClauseSchema>;

const progressSchema = z.object({
  approved: z.number().int(),
  outdated: z.number().int(),
  notApproved: z.number().int(),
  held: z.number().int(),
  total: z.number().int(),
});

export const approvalMatrixSchema = z
  .object({
    documentId: z.uuid(),
    documentStatus: z.string(),
    languages: z.array(languageCodeSchema),
    participants: z.array(matrixParticipantSchema),
    /** Visible clauses in document order (filtered when the query asked for it). */
    clauses: z.array(matrixClauseSchema),
    /** By Participant id, over every visible clause whatever the filter. */
    progress: z.record(z.string(), progressSchema),
    /** Ready when every visible clause is approved by every Participant. */
    readiness: z.object({ ready: z.boolean(), approved: z.number().int(), total: z.number().int() }),
    /** The document's packages: id → clause ids, which conditional approvals are held on [A5]. */
    packages: z.record(z.string(), z.array(z.string())).optional(),
  })
  .meta({ id: 'ApprovalMatrix' });
export type ApprovalMatrix = z.infer<typeof approvalMatrixSchema>;

export const diffPartSchema = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });

export const changedSinceSchema = z
  .object({
    /** Languages whose text differs from the recorded one. */
    changedLanguages: z.array(languageCodeSchema),
    /** Per language: the word diff from the recorded plain text to the plain text now (only `equal` parts when unchanged). */
    changes: z.record(languageCodeSchema, z.array(diffPartSchema)),
    /**
     * Who changed the document after the record: the authors of every stored update after it. Attribution
     * is per document, not per clause — they may have edited another clause.
     */
    changedBy: z.array(userRefSchema),
  })
  .meta({ id: 'ChangedSince' });
export type ChangedSince = z.infer<typeof changedSinceSchema>;
export type LanguageChanges = ChangedSince['changes'];

export const clauseParticipantApprovalSchema = z.object({
  participantId: z.uuid(),
  status: approvalStatusSchema,
  approval: approvalRecordSchema.extend({ plainTexts }).nullable(),
  /** Present when the status is `outdated`. */
  changedSince: changedSinceSchema.nullable(),
  /** [A5] When `held`: the clauses of the package this Participant has not approved as they stand. */
  missingClauses: z.array(z.string()).optional(),
});
export type ClauseParticipantApproval = z.infer<typeof clauseParticipantApprovalSchema>;

export const clauseHistoryEntrySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('approval'),
    id: z.string(),
    participantId: z.uuid(),
    user: userRefSchema,
    at: isoTime,
    fingerprint: hashSchema,
    concordanceAtApproval: concordanceStatusSchema,
    adReferendum: z.boolean(),
    packageId: z.uuid().nullable().optional(),
  }),
  z.object({ type: z.literal('confirmation'), id: z.string(), participantId: z.uuid(), user: userRefSchema, at: isoTime, approvalId: z.string() }),
  z.object({ type: z.literal('revocation'), id: z.string(), participantId: z.uuid(), user: userRefSchema, at: isoTime, revokes: z.string() }),
  z.object({ type: z.literal('concordance'), id: z.string(), user: userRefSchema, at: isoTime, languageHashes }),
]);
export type ClauseHistoryEntry = z.infer<typeof clauseHistoryEntrySchema>;

export const clauseApprovalsSchema = z
  .object({
    documentId: z.uuid(),
    clauseId: z.string(),
    kind: z.enum(CLAUSE_KINDS),
    fingerprint: hashSchema.nullable(),
    languageHashes,
    plainTexts,
    participants: z.array(clauseParticipantApprovalSchema),
    concordance: z.object({
      status: concordanceStatusSchema,
      confirmation: concordanceRecordSchema.extend({ plainTexts }).nullable(),
      changedSince: changedSinceSchema.nullable(),
    }),
    /** Every approval, revocation and confirmation of the clause, oldest first. */
    history: z.array(clauseHistoryEntrySchema),
  })
  .meta({ id: 'ClauseApprovals' });
export type ClauseApprovals = z.infer<typeof clauseApprovalsSchema>;

export const approvalRevokedSchema = z
  .object({
    documentId: z.uuid(),
    clauseId: z.string(),
    participantId: z.uuid(),
    approvalId: z.string(),
    revokedBy: userRefSchema,
    revokedAt: isoTime,
  })
  .meta({ id: 'ApprovalRevoked' });

/** socket.io payloads, sent to room `doc:<documentId>` (event names in protocol.ts `SocketEvent`). */
export interface ApprovalRecordedEvent {
  documentId: string;
  approval: ApprovalRecord;
}
export type ApprovalRevokedEvent = z.infer<typeof approvalRevokedSchema>;
export interface ConcordanceConfirmedEvent {
  documentId: string;
  confirmation: ConcordanceRecord;
}
