import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type AccessInput, type RouteRegistry } from '../../http/api-router';
import type { ActiveSession } from '../../auth/sessions';
import { approveClause } from '../../commands/approve-clause';
import { revokeApproval } from '../../commands/revoke-approval';
import { confirmConcordance } from '../../commands/confirm-concordance';
import { loadApprovalMatrix } from '../../approvals/approval-matrix';
import { loadClauseApprovals } from '../../approvals/clause-approvals';
import {
  approvalMatrixQuerySchema,
  approvalMatrixSchema,
  approvalRecordSchema,
  approvalRevokedSchema,
  approveClauseBodySchema,
  clauseApprovalsSchema,
  concordanceRecordSchema,
  confirmConcordanceBodySchema,
  confirmForCapitalBodySchema,
  revokeApprovalQuerySchema,
} from '../../../../shared/src/api/approvals';
import { confirmForCapital } from '../../commands/confirm-for-capital';
import { CLAUSE_ID_PATTERN } from '../../../../shared/src/yjs-layout';
import { documentParams } from '../schemas';

const clauseParams = documentParams
  .extend({
    clauseId: z.string().regex(CLAUSE_ID_PATTERN, 'a clause id: 1 to 64 letters, digits, "_" or "-"'),
  })
  .strict();

/** The Participant a request names (body or query), read only for the policy's object: validated with the rest after. */
const namedParticipant =
  (where: 'body' | 'query') =>
  (input: AccessInput): { participantId?: string } => {
    const source = where === 'body' ? input.body : input.query;
    const value = typeof source === 'object' && source !== null ? (source as Record<string, unknown>).participantId : undefined;
    return typeof value === 'string' ? { participantId: value } : {};
  };

/**
 * Approvals and concordance (docs/api.md, "Approvals and concordance"). Reading is open to members who
 * may read the document; approving and revoking declare 'clause.approve' on the Participant the request
 * names, which the policy allows only for the member's own [P5]; confirming declares 'concordance.confirm'.
 */
export function approvalsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  const userOf = (call: { session: ActiveSession }) => ({ id: call.session.user.id, displayName: call.session.user.displayName });

  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/documents/:documentId/approvals',
      tag: 'approvals',
      summary: 'The approval matrix: clauses × Participants',
      description:
        'Every visible clause with each Participant’s status (approved, outdated, not_approved, held: conditional on a package not settled), derived from the current text; ' +
        'its concordance (concordant, stale, unconfirmed); progress per Participant and the document’s readiness. ' +
        '`status` keeps clauses with a cell in that status (`concordance_flagged`: concordance not concordant); `missing` (a Participant id or code) keeps clauses it has not approved as they stand.',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      query: approvalMatrixQuerySchema,
      response: approvalMatrixSchema,
      handler: async ({ access, query }) => loadApprovalMatrix(ctx, access.document, query),
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/clauses/:clauseId/approvals',
      tag: 'approvals',
      summary: 'One clause’s approvals, what changed since each, and its history',
      access: { kind: 'document', action: 'document.read' },
      params: clauseParams,
      response: clauseApprovalsSchema,
      handler: async ({ access, params }) => loadClauseApprovals(ctx, access.document, params.clauseId),
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/clauses/:clauseId/approvals',
      tag: 'approvals',
      summary: 'Approve a clause for my Participant, both languages at once',
      description:
        'The body carries the fingerprint of the text the person was reading; if the clause’s text is no longer that text the answer is 409 text_changed. ' +
        'A clause whose concordance is stale or unconfirmed needs `acknowledgeConcordance: true` (otherwise 409 concordance_unacknowledged). ' +
        '`packageId` makes the approval conditional on a package of the document (404 package_not_found otherwise): it counts as approved only while my Participant has approved every clause of the package, and is `held` until then.',
      access: { kind: 'document', action: 'clause.approve', object: namedParticipant('body') },
      params: clauseParams,
      body: approveClauseBodySchema,
      status: 201,
      response: z.object({ approval: approvalRecordSchema }),
      errors: ['text_changed', 'concordance_unacknowledged', 'document_frozen', 'conflict', 'package_not_found'],
      handler: async (call) => {
        const { access, params, body } = call;
        const approval = await approveClause(ctx, {
          documentId: access.document.id,
          languages: access.document.languages,
          clauseId: params.clauseId,
          participantId: body.participantId,
          user: userOf(call),
          fingerprint: body.fingerprint,
          acknowledgeConcordance: body.acknowledgeConcordance ?? false,
          adReferendum: body.adReferendum ?? false,
          packageId: body.packageId ?? null,
        });
        return { approval };
      },
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/clauses/:clauseId/approvals/confirm',
      tag: 'approvals',
      summary: 'Confirm for the capital my Participant’s approval given ad referendum',
      description:
        'Makes an ad referendum approval final. Only a delegate of that Participant whom the secretariat marked as one who may confirm for the capital (`mayConfirmForCapital`). ' +
        'The body carries the fingerprint of the approval as shown; if the clause’s text changed since the approval the answer is 409 approval_text_changed with `details.changedLanguages`.',
      access: { kind: 'document', action: 'approval.confirm_for_capital', object: namedParticipant('body') },
      params: clauseParams,
      body: confirmForCapitalBodySchema,
      response: z.object({ approval: approvalRecordSchema }),
      errors: ['approval_not_found', 'approval_not_ad_referendum', 'approval_text_changed', 'document_frozen'],
      handler: async (call) => {
        const { access, params, body } = call;
        const approval = await confirmForCapital(ctx, {
          documentId: access.document.id,
          languages: access.document.languages,
          clauseId: params.clauseId,
          participantId: body.participantId,
          user: userOf(call),
          fingerprint: body.fingerprint,
        });
        return { approval };
      },
    })
    .add({
      method: 'delete',
      path: '/documents/:documentId/clauses/:clauseId/approvals',
      tag: 'approvals',
      summary: 'Revoke my Participant’s approval of a clause',
      description: 'Ends the approval in force for `participantId` (current or outdated); it stays in the clause’s history. 404 when none is in force.',
      access: { kind: 'document', action: 'clause.approve', object: namedParticipant('query') },
      params: clauseParams,
      query: revokeApprovalQuerySchema,
      response: z.object({ revocation: approvalRevokedSchema }),
      errors: ['document_frozen'],
      handler: async (call) => {
        const { access, params, query } = call;
        const revocation = await revokeApproval(ctx, {
          documentId: access.document.id,
          clauseId: params.clauseId,
          participantId: query.participantId,
          user: userOf(call),
        });
        return { revocation };
      },
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/clauses/:clauseId/concordance',
      tag: 'approvals',
      summary: 'Confirm that the language versions of a clause say the same thing',
      description: 'The body carries the language hash of each text the person compared; if either changed since, the answer is 409 text_changed.',
      access: { kind: 'document', action: 'concordance.confirm' },
      params: clauseParams,
      body: confirmConcordanceBodySchema,
      status: 201,
      response: z.object({ confirmation: concordanceRecordSchema }),
      errors: ['text_changed', 'document_frozen', 'conflict'],
      handler: async (call) => {
        const { access, params, body } = call;
        const confirmation = await confirmConcordance(ctx, {
          documentId: access.document.id,
          languages: access.document.languages,
          clauseId: params.clauseId,
          user: userOf(call),
          languageHashes: body.languageHashes,
        });
        return { confirmation };
      },
    });
}
