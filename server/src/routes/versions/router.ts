/**
 * Versions, the redline, the freeze, the signature record, exports, refused post-freeze edits and the
 * activity feed (docs/api.md, "Exports and verification").
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { createVersion } from '../../commands/create-version';
import { freezeDocument } from '../../commands/freeze-document';
import { saveSignatureRecord } from '../../commands/save-signature-record';
import { listVersions, readSignatureRecord, signatureRecord } from '../../versions/version-store';
import { compareVersions } from '../../versions/compare-versions';
import { freezeStatus, plainTextsOf, recordOf, rejectedUpdatesFor, requireVersion } from '../../versions/version-reads';
import { loadActivity } from '../../versions/activity';
import { originalFor, renderExport } from '../../exports/render-export';
import { signedExportParts } from '../../signatures/signed-export';
import { renderDraft, type RenderedDraft } from '../../exports/render-draft';
import { currentDraft, versionDraft } from '../../exports/draft-text';
import { presentVersion } from '../../presenters/version';
import { documentParams } from '../schemas';
import type { Response } from 'express';
import {
  activityQuerySchema,
  activitySchema,
  compareQuerySchema,
  comparisonSchema,
  createVersionBodySchema,
  draftExportQuerySchema,
  exportQuerySchema,
  freezeBodySchema,
  freezeStatusSchema,
  rejectedUpdatesSchema,
  signatureBodySchema,
  signatureRecordSchema,
  versionDetailSchema,
  versionParamsSchema,
  versionSummarySchema,
} from '../../../../shared/src/api/versions';

export function versionsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/documents/:documentId/versions',
      tag: 'versions',
      summary: 'The versions of the text, newest first',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: z.object({ versions: z.array(versionSummarySchema) }),
      handler: async ({ access }) => ({ versions: (await listVersions(ctx.pool, access.document.id)).map(presentVersion) }),
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/versions',
      tag: 'versions',
      summary: 'Take a named version of the text as it is now',
      description:
        'Stores the Yjs state, the canonical record (every clause in every language, the Participants, the approvals and confirmations in force that cover it) and its fingerprint. A version never changes.',
      access: { kind: 'document', action: 'version.create' },
      params: documentParams,
      body: createVersionBodySchema,
      status: 201,
      response: z.object({ version: versionSummarySchema }),
      handler: async ({ access, body, session }) => {
        const documentId = access.document.id;
        const created = await createVersion(ctx, { documentId, kind: 'named', name: body.name, userId: session.user.id });
        return { version: presentVersion(await requireVersion(ctx, documentId, created.record.version.id)) };
      },
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/versions/:versionId',
      tag: 'versions',
      summary: 'One version, read-only: its canonical record and plain texts',
      access: { kind: 'document', action: 'document.read' },
      params: versionParamsSchema,
      response: versionDetailSchema,
      handler: async ({ params }) => {
        const row = await requireVersion(ctx, params.documentId, params.versionId);
        const record = recordOf(row);
        return { version: presentVersion(row), record, plainTexts: plainTextsOf(record) };
      },
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/compare',
      tag: 'versions',
      summary: 'The redline between two versions, or a version and the text now',
      description:
        'Per clause and language, word-level insertions and deletions, with who made them where the stored updates tell; a change a proposal’s acceptance committed is listed under `proposals` with its sponsor, co-sponsors and who accepted it. Clauses added, removed and moved are marked as such. The order is the newer text’s. With `proposals=include` each side is its text with the open proposals it held, every part of a proposal marked with the proposal’s id and sponsor. `mayRestore`: comparing with the text now, the caller may restore a removed clause.',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      query: compareQuerySchema,
      response: comparisonSchema,
      handler: async ({ access, query }) => compareVersions(ctx, access.document, query, access.subject),
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/versions/:versionId/export',
      tag: 'versions',
      summary: 'Download a version as PDF, DOCX, JSON or Akoma Ntoso',
      description:
        'The same version and layout always give the same bytes. Every file carries the version’s canonical record and fingerprint, so that POST /api/verify and `npm run verify` can check it. ' +
        'The signed version also carries the initials and confirmed signatures ad referendum recorded since the freeze; `original=<participantId>` gives that Participant’s original under the alternat (unknown Participant: 404 original_not_found; another version: 409 original_not_signed_version).',
      access: { kind: 'document', action: 'document.read' },
      params: versionParamsSchema,
      query: exportQuerySchema,
      errors: ['original_not_found', 'original_not_signed_version'],
      handler: async ({ params, query, res }) => {
        const record = recordOf(await requireVersion(ctx, params.documentId, params.versionId));
        const signed = await signedExportParts(ctx.pool, record, query.original);
        const file = signed
          ? await renderExport(record, query.format, query.layout, {
              original: signed.originalOf ? originalFor(record, signed.originalOf) : null,
              attestations: signed.attestations,
            })
          : await renderExport(record, query.format, query.layout);
        res
          .status(200)
          .setHeader('Content-Type', file.contentType)
          .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`)
          .setHeader('X-Concordia-Fingerprint', file.envelope.fingerprint)
          .setHeader('Cache-Control', 'private, max-age=0, must-revalidate')
          .end(file.bytes);
      },
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/draft-export',
      tag: 'versions',
      summary: 'Download the text now as a draft: DOCX with tracked changes, or PDF',
      description:
        'Each open proposal as Word tracked changes (w:ins/w:del, the sponsor delegation as author) in the DOCX, or marked in the sponsor’s colour with a legend in the PDF. Marked as a draft on every page; not a verifiable export (no record, no fingerprint). 423 document_frozen once frozen: the frozen version is the text.',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      query: draftExportQuerySchema,
      errors: ['document_frozen'],
      handler: async ({ access, query, res }) => sendDraft(res, await renderDraft(await currentDraft(ctx, access.document.id), query.format, query.layout)),
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/versions/:versionId/draft-export',
      tag: 'versions',
      summary: 'Download a version as a draft, with the proposals open when it was taken',
      description: 'As GET …/draft-export, from the version’s stored Yjs state. The verifiable export of a version is GET …/versions/:versionId/export.',
      access: { kind: 'document', action: 'document.read' },
      params: versionParamsSchema,
      query: draftExportQuerySchema,
      handler: async ({ params, query, res }) =>
        sendDraft(res, await renderDraft(await versionDraft(ctx, params.documentId, params.versionId), query.format, query.layout)),
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/freeze',
      tag: 'versions',
      summary: 'Whether the text can be frozen, and what stands in the way',
      description:
        'Every blocker: the clause, the Participant and the reason (not approved, approval outdated, concordance unconfirmed or stale, bracketed or unreadable text, open proposals with their sponsors). Once frozen: the frozen version.',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: freezeStatusSchema,
      handler: async ({ access }) => freezeStatus(ctx, access.document),
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/freeze',
      tag: 'versions',
      summary: 'Freeze the text for signature',
      description:
        'Atomic: the final state, its canonical record and fingerprint are stored and from that instant nothing in the document can change, for anyone. Refused with 409 freeze_blocked and `error.details.blockers` while anything stands in the way.',
      access: { kind: 'document', action: 'document.freeze' },
      params: documentParams,
      body: freezeBodySchema,
      status: 201,
      response: z.object({ version: versionSummarySchema }),
      errors: ['freeze_blocked', 'text_changed', 'document_frozen'],
      handler: async ({ access, session }) => {
        const documentId = access.document.id;
        const frozen = await freezeDocument(ctx, session.user.id, documentId);
        return { version: presentVersion(await requireVersion(ctx, documentId, frozen.record.version.id)) };
      },
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/signature-record',
      tag: 'versions',
      summary: 'Place, date and signatories of the signature',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: z.object({ signature: signatureRecordSchema }),
      handler: async ({ access }) => {
        const stored = await readSignatureRecord(ctx.pool, access.document.id);
        return { signature: stored ? signatureRecord(stored.place, stored.date, stored.signatories, stored.originals) : null };
      },
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/signature-record',
      tag: 'versions',
      summary: 'Enter the signature record (replaces the previous one)',
      description: 'Before the freeze, which makes it part of the signed record. The place and each title are needed in every language of the document.',
      access: { kind: 'document', action: 'document.freeze' },
      params: documentParams,
      body: signatureBodySchema,
      response: z.object({ signature: signatureRecordSchema }),
      errors: ['unknown_participant'],
      handler: async ({ access, body, session }) => ({ signature: await saveSignatureRecord(ctx, session.user.id, access.document, body) }),
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/rejected-updates',
      tag: 'versions',
      summary: 'My edits that reached the server after the freeze',
      description: 'Not applied: the text was frozen. Kept with their author; `changes` shows, word by word, what they would have changed.',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: rejectedUpdatesSchema,
      handler: async ({ access, session }) => rejectedUpdatesFor(ctx, access.document, session.user.id),
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/activity',
      tag: 'versions',
      summary: 'The activity feed: the audit log as this person may see it',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      query: activityQuerySchema,
      response: activitySchema,
      handler: async ({ access, query }) => loadActivity(ctx, access, query),
    });
}

/** A draft is not cached (the text changes) and carries no fingerprint header. */
function sendDraft(res: Response, file: RenderedDraft): void {
  res
    .status(200)
    .setHeader('Content-Type', file.contentType)
    .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`)
    .setHeader('Cache-Control', 'private, no-store')
    .end(file.bytes);
}
