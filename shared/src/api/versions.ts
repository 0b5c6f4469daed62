/**
 * The versions, freeze, exports and verification API: request schemas (zod, strict — the server parses
 * every request with them) and the shapes of the answers (the server's presenters build exactly these;
 * the client reads them). docs/api.md, "Exports and verification", is the prose form.
 */
import { z } from 'zod';
import { languageCodeSchema } from '../languages';
import { CLAUSE_KINDS } from '../yjs-layout';
import { BLOCKER_REASONS } from '../versions/freeze-blockers';
import { VERSION_KINDS } from '../versions/version-record';
import { honestName, storableText } from '../text-characters';

export const EXPORT_FORMATS = ['pdf', 'docx', 'json', 'akn'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** PDF and DOCX: the authentic texts side by side, or one after the other ("in duplicate"). */
export const EXPORT_LAYOUTS = ['parallel', 'duplicate'] as const;
export type ExportLayout = (typeof EXPORT_LAYOUTS)[number];

const hash = z.string().regex(/^[0-9a-f]{64}$/, 'a fingerprint: 64 lower-case hex digits');
const isoTime = z.iso.datetime({ offset: true });
const localized = z.record(languageCodeSchema, z.string());
const userRef = z.object({ id: z.uuid(), displayName: z.string() });

export const versionParamsSchema = z.object({ documentId: z.uuid(), versionId: z.uuid() }).strict();
export const fingerprintParamsSchema = z.object({ fingerprint: hash }).strict();

export const createVersionBodySchema = z
  .object({
    name: storableText(z.string().trim().min(1).max(200)).describe('e.g. "Text circulated to capitals, 1 March"'),
  })
  .strict();
export type CreateVersionBody = z.infer<typeof createVersionBodySchema>;

export const freezeBodySchema = z.object({ confirm: z.literal(true) }).strict();

/** "Done in N originals, in these languages" (shared/src/versions/signature-conventions.ts). */
export const originalsSchema = z
  .object({
    count: z.number().int().min(1).max(50),
    languages: z.array(languageCodeSchema).min(1).max(20),
  })
  .strict();

export const signatureBodySchema = z
  .object({
    place: z.record(languageCodeSchema, storableText(z.string().trim().min(1).max(200))).describe('where it is signed, in each language of the document'),
    date: z.iso.date().describe('the date of signature, YYYY-MM-DD'),
    signatories: z
      .array(
        z
          .object({
            participantId: z.uuid(),
            name: honestName(z.string().trim().min(1).max(200)),
            title: z.record(languageCodeSchema, storableText(z.string().trim().min(1).max(300))).describe('the signatory’s title in each language'),
            adReferendum: z.boolean().optional().describe('true: signs ad referendum, subject to confirmation by the capital (stored only when true)'),
          })
          .strict(),
      )
      .max(50),
    originals: originalsSchema
      .optional()
      .describe(
        'the number of originals (at least one per Participant, at most 50) and their languages (a subset of the document’s); absent: one per Participant in every language',
      ),
  })
  .strict();
export type SignatureBody = z.infer<typeof signatureBodySchema>;

export const compareQuerySchema = z
  .object({
    from: z.uuid().describe('the older version'),
    to: z
      .union([z.uuid(), z.literal('current')])
      .default('current')
      .describe('a version, or "current": the text now'),
    proposals: z
      .enum(['exclude', 'include'])
      .default('exclude')
      .describe('include: each side is its text with the open proposals it held, proposal parts marked with their id and sponsor (redline [R5], [R6])'),
  })
  .strict();
export type CompareQuery = z.infer<typeof compareQuerySchema>;

export const exportQuerySchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    layout: z.enum(EXPORT_LAYOUTS).default('parallel'),
    original: z.uuid().optional().describe('the signed version only: that Participant’s original under the alternat (named first, its block signed first)'),
  })
  .strict();
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** A draft (the text now, or a version with the proposals it holds) downloads as DOCX with tracked changes or PDF with proposals marked. */
export const DRAFT_EXPORT_FORMATS = ['docx', 'pdf'] as const;
export type DraftExportFormat = (typeof DRAFT_EXPORT_FORMATS)[number];

export const draftExportQuerySchema = z
  .object({
    format: z.enum(DRAFT_EXPORT_FORMATS),
    layout: z.enum(EXPORT_LAYOUTS).default('parallel'),
  })
  .strict();
export type DraftExportQuery = z.infer<typeof draftExportQuerySchema>;

export const activityQuerySchema = z
  .object({
    before: z
      .string()
      .regex(/^\d{1,18}$/)
      .optional()
      .describe('the id of the oldest event already shown'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

export const versionSummarySchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int(),
    kind: z.enum(VERSION_KINDS),
    name: z.string().nullable(),
    takenAt: isoTime,
    takenBy: userRef.nullable(),
    fingerprint: hash,
  })
  .meta({ id: 'VersionSummary' });
export type VersionSummary = z.infer<typeof versionSummarySchema>;

// suffix: stable numbering's "3 bis" (issue 15, shared/src/stable-numbering.ts).
const clauseNumber = z.object({ section: z.number().int().optional(), article: z.number().int().optional(), suffix: z.number().int().positive().optional() });

const signatorySchema = z.object({ participantId: z.uuid(), name: z.string(), title: localized, adReferendum: z.literal(true).optional() });

/** The canonical record (shared/src/versions/version-record.ts), as stored and fingerprinted. */
export const versionRecordSchema = z
  .object({
    format: z.string(),
    document: z.object({ id: z.uuid(), title: localized, languages: z.array(languageCodeSchema) }),
    version: z.object({ id: z.uuid(), kind: z.enum(VERSION_KINDS), name: z.string().nullable(), takenAt: isoTime }),
    participants: z.array(z.object({ id: z.uuid(), code: z.string(), name: localized })),
    clauses: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(CLAUSE_KINDS),
        number: clauseNumber,
        texts: z.record(languageCodeSchema, z.unknown()),
        languageHashes: z.record(languageCodeSchema, hash),
        fingerprint: hash.nullable(),
      }),
    ),
    approvals: z.array(
      z.object({ id: z.string(), clauseId: z.string(), participantId: z.uuid(), fingerprint: hash, approvedBy: z.string(), approvedAt: isoTime }),
    ),
    confirmations: z.array(
      z.object({ id: z.string(), clauseId: z.string(), languageHashes: z.record(languageCodeSchema, hash), confirmedBy: z.string(), confirmedAt: isoTime }),
    ),
    signature: z
      .object({
        place: localized,
        date: z.string(),
        signatories: z.array(signatorySchema),
        originals: originalsSchema.optional(),
      })
      .nullable(),
  })
  .meta({ id: 'VersionRecord' });

export const versionDetailSchema = z.object({
  version: versionSummarySchema,
  record: versionRecordSchema,
  plainTexts: z.record(z.string(), localized).describe('clause id → language → plain text'),
});

export const freezeBlockerSchema = z
  .object({
    reason: z.enum(BLOCKER_REASONS),
    clauseId: z.string().nullable(),
    participantId: z.uuid().nullable(),
    languages: z.array(languageCodeSchema),
    sponsorIds: z.array(z.uuid()).optional().describe('open_proposals only: the Participants sponsoring the proposals in the clause'),
    proposalIds: z.array(z.string()).optional().describe('open_proposals only: the proposals in the clause’s text'),
    bracketId: z.string().optional().describe('brackets only: the open bracket this blocker names (absent: literal or unregistered brackets)'),
    packageId: z.uuid().optional().describe('package_unsettled and package_clause_removed only: the package not settled'),
    packageName: z.string().optional().describe('package_unsettled and package_clause_removed only: its name'),
  })
  .meta({ id: 'FreezeBlocker' });

export const freezeStatusSchema = z.object({
  documentStatus: z.string(),
  ready: z.boolean(),
  blockers: z.array(freezeBlockerSchema),
  /** For labelling blockers: the visible clauses with their numbers and kinds, and the Participants. */
  clauses: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(CLAUSE_KINDS),
      number: clauseNumber,
      excerpt: z.record(languageCodeSchema, z.string()).describe('the first words of the text in each language, to tell unnumbered clauses apart'),
    }),
  ),
  participants: z.array(z.object({ id: z.uuid(), code: z.string(), name: localized })),
  frozenVersion: versionSummarySchema.nullable(),
});
export type FreezeStatus = z.infer<typeof freezeStatusSchema>;

export const signatureRecordSchema = z
  .object({
    place: localized,
    date: z.string(),
    signatories: z.array(signatorySchema),
    originals: originalsSchema.optional(),
  })
  .nullable();

const authorRef = z.object({ id: z.uuid().nullable(), displayName: z.string().nullable() });
const participantRef = z.object({ id: z.uuid(), code: z.string(), name: localized });
const diffPart = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
  proposals: z
    .array(
      z.object({
        id: z.string(),
        type: z.enum(['insertion', 'deletion']),
        sponsorId: z.uuid().nullable(),
        sponsorCode: z.string().nullable().describe('null: a proposal whose sponsor the server never recorded'),
      }),
    )
    .optional()
    .describe('with proposals only: the proposal part this text is (insertion first when a counter-proposal deletes it); absent for agreed text'),
});
const decidedProposal = z
  .object({
    id: z.string(),
    status: z.enum(['accepted', 'rejected', 'withdrawn']),
    sponsor: participantRef.nullable(),
    cosponsors: z.array(participantRef),
    decidedBy: authorRef.nullable().describe('who accepted, rejected or withdrew it'),
    decidedAt: isoTime,
  })
  .meta({ id: 'DecidedProposal' });

export const comparisonSchema = z.object({
  from: versionSummarySchema,
  to: versionSummarySchema.nullable().describe('null: the text now'),
  languages: z.array(languageCodeSchema),
  summary: z.object({ unchanged: z.number(), changed: z.number(), added: z.number(), removed: z.number(), moved: z.number() }),
  clauses: z.array(
    z.object({
      clauseId: z.string(),
      status: z.enum(['unchanged', 'changed', 'added', 'removed']),
      moved: z.boolean(),
      kind: z.enum(CLAUSE_KINDS),
      kindBefore: z.enum(CLAUSE_KINDS).nullable(),
      numberBefore: clauseNumber.nullable(),
      numberAfter: clauseNumber.nullable(),
      languages: z.record(
        languageCodeSchema,
        z.object({
          changed: z.boolean(),
          parts: z.array(diffPart),
          authors: z.array(authorRef).describe('who wrote the changes; a proposal’s decision is listed in `proposals`, not here'),
          proposals: z
            .array(decidedProposal)
            .optional()
            .describe(
              'proposals whose decision changed this language between the two texts, linked by the stored update the decision committed: accepted ones (by their sponsor), and with proposals also those rejected or withdrawn',
            ),
        }),
      ),
      structureAuthors: z.array(authorRef),
    }),
  ),
  withProposals: z.boolean().optional().describe('true when compared with the open proposals (proposals=include)'),
  participants: z
    .array(participantRef.extend({ color: z.string() }))
    .optional()
    .describe('the Participants, with their colours, for the sponsors the parts name'),
  mayRestore: z.boolean().optional().describe('true when `to` is the text now and this person may restore a removed clause (POST …/clauses/:clauseId/restore)'),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const rejectedUpdatesSchema = z.object({
  updates: z.array(z.object({ id: z.string(), receivedAt: isoTime, reason: z.enum(['frozen', 'archived']), bytes: z.number().int() })),
  changes: z.array(z.object({ clauseId: z.string(), inText: z.boolean(), languages: z.record(languageCodeSchema, z.array(diffPart)) })),
});
export type RejectedUpdates = z.infer<typeof rejectedUpdatesSchema>;

export const activityEventSchema = z
  .object({
    id: z.string(),
    action: z.string(),
    occurredAt: isoTime,
    actor: userRef.nullable(),
    subject: z.record(z.string(), z.unknown()).describe('only the fields this viewer may see'),
  })
  .meta({ id: 'ActivityEvent' });
export const activitySchema = z.object({ events: z.array(activityEventSchema), nextBefore: z.string().nullable() });
export type ActivityEvent = z.infer<typeof activityEventSchema>;

export const VERIFICATION_FAILURES = [
  'unreadable',
  'no_record',
  'fingerprint_mismatch',
  'record_inconsistent',
  'other_exporter',
  'file_altered',
  'unknown_fingerprint',
] as const;
export type VerificationFailure = (typeof VERIFICATION_FAILURES)[number];

export const verificationSchema = z
  .object({
    genuine: z.boolean().describe('the file is exactly an export of a version this server holds (API), or of the record it embeds (offline)'),
    failure: z.enum(VERIFICATION_FAILURES).nullable(),
    format: z.enum(EXPORT_FORMATS).nullable(),
    fingerprint: hash.nullable().describe('the fingerprint the file states'),
    problems: z.array(z.string()),
    record: z
      .object({
        documentId: z.uuid(),
        title: localized,
        versionId: z.uuid(),
        kind: z.enum(VERSION_KINDS),
        name: z.string().nullable(),
        takenAt: isoTime,
      })
      .nullable()
      .describe('what the file says it is'),
    registered: z
      .object({
        documentId: z.uuid(),
        title: localized,
        versionId: z.uuid(),
        seq: z.number().int(),
        kind: z.enum(VERSION_KINDS),
        name: z.string().nullable(),
        takenAt: isoTime,
        documentStatus: z.string(),
      })
      .nullable()
      .describe('the version this server holds under that fingerprint'),
    original: z
      .object({
        participantId: z.string(),
        code: z.string(),
        number: z.number().int().describe('the Participant’s position in the document’s order, 1-based'),
        of: z.number().int().describe('how many originals were signed'),
        name: localized.describe('the Participant as the original’s heading names it, in each language ("the United States", "El Salvador")'),
      })
      .nullable()
      .describe('whose original under the alternat the file says it is; null: an export that is nobody’s original'),
    attestationsMatch: z
      .boolean()
      .nullable()
      .describe(
        'a genuine file of the signed version: whether the initials and confirmations it prints are those this server records now (false also for a file downloaded before a later initialling); null: not checked',
      ),
  })
  .meta({ id: 'Verification' });
export type Verification = z.infer<typeof verificationSchema>;
