/**
 * Starting negotiations and bringing drafts in: create, import (preview, then confirm), duplicate,
 * archive. docs/api.md, "Creating and importing", describes the flow.
 */
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { DEFAULT_LANGUAGES } from '../../../../shared/src/languages';
import type { PreviewOperation } from '../../../../shared/src/import';
import { createDocument } from '../../commands/create-document';
import { previewImport } from '../../commands/preview-import';
import { importClauses } from '../../commands/import-clauses';
import { duplicateDocument } from '../../commands/duplicate-document';
import { archiveDocument } from '../../commands/archive-document';
import { receiveFiles } from '../../import/receive-files';
import { incompleteClauses } from '../../import/incomplete-clauses';
import { presentImportPreview } from '../../presenters/import-preview';
import { confirmImportBodySchema, importFlagsSchema, importPreviewAnswerSchema, importResultSchema } from '../../../../shared/src/api/imports';
import { archivedDocumentSchema, createDocumentBodySchema, createdDocumentSchema, duplicateDocumentBodySchema } from '../../../../shared/src/api/documents';
import { participantDirectorySchema } from '../../../../shared/src/api/participants';
import { documentParams } from '../schemas';
import { mayCreate, secretariatOfAny } from './authorize-create';

export function lifecycleRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'post',
      path: '/documents',
      tag: 'lifecycle',
      summary: 'Start a negotiation',
      description:
        'Secretariat members (of any negotiation) and administrators. Creates the document, its Participants and its members in one step; the caller becomes a secretariat member unless listed with another role. Members are existing accounts; invite others afterwards.',
      access: { kind: 'account', action: 'document.create', actsAs: secretariatOfAny },
      body: createDocumentBodySchema,
      status: 201,
      response: createdDocumentSchema,
      errors: ['no_such_user', 'participant_code_taken', 'unknown_participant', 'role_participant_mismatch', 'already_member', 'last_secretariat'],
      handler: async ({ body, session }) => {
        const user = session.user;
        const document = await createDocument(
          ctx,
          { id: user.id, email: user.email },
          {
            title: body.title,
            languages: body.languages ?? [...DEFAULT_LANGUAGES],
            participants: body.participants,
            members: body.members,
          },
        );
        return { document };
      },
    })
    .add({
      method: 'get',
      path: '/participant-directory',
      tag: 'lifecycle',
      summary: 'Participants of my negotiations, to start a new one with',
      description:
        'The Participants of every negotiation the caller serves as secretariat (administrators: all), one per code, newest first. Empty for those who may not create negotiations.',
      access: { kind: 'session' },
      response: participantDirectorySchema,
      handler: async ({ session }) => {
        const user = session.user;
        if (!(await mayCreate(ctx, user))) return { participants: [] };
        const { rows } = await ctx.pool.query<{ code: string; name: Record<string, string>; color: string }>(
          `SELECT DISTINCT ON (p.code) p.code, p.name, p.color
             FROM participants p JOIN documents d ON d.id = p.document_id
            WHERE $2::boolean OR EXISTS (SELECT 1 FROM memberships m WHERE m.document_id = d.id AND m.user_id = $1 AND m.role = 'secretariat')
            ORDER BY p.code, d.created_at DESC`,
          [user.id, user.isAdmin],
        );
        return { participants: rows.map(({ code, name, color }) => ({ code, name, color })) };
      },
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/import/preview',
      tag: 'import',
      summary: 'Read draft files into a preview of clause rows',
      description: `multipart/form-data with one file part per language, named by its language code ("en", "es"): .docx, .md or .txt, each at most IMPORT_MAX_BYTES (10 MiB). Nothing is written to the document; the preview is kept for ${60} minutes for POST …/import.`,
      access: { kind: 'document', action: 'document.import' },
      params: documentParams,
      status: 201,
      response: importPreviewAnswerSchema,
      errors: [
        'import_unsupported_type',
        'import_not_docx',
        'import_docx_protected',
        'import_legacy_doc',
        'import_not_text',
        'import_empty',
        'import_file_too_large',
        'import_no_structure',
        'import_no_files',
        'import_language_not_in_document',
        'import_too_complex',
        'import_too_many_paragraphs',
        'import_too_many_clauses',
        'import_too_slow',
        'server_busy',
      ],
      handler: async ({ req, res, access, session }) => {
        const document = access.document;
        const files = await receiveFiles(req, res, { maxBytes: ctx.env.IMPORT_MAX_BYTES, maxFiles: document.languages.length });
        const preview = await previewImport(ctx, session.user.id, document, files);
        return { preview: presentImportPreview(preview) };
      },
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/import',
      tag: 'import',
      summary: 'Write a confirmed preview into the document',
      description:
        'Applies the corrections (pair, unpair, split, merge, set_kind, remove — shared/src/import/preview-ops.ts) to the stored preview, then replaces the text or appends to it. Refused once any clause was approved (409) and in a frozen or archived document (423). Rows without text in a language import with it empty, and are listed as flagged.',
      access: { kind: 'document', action: 'document.import' },
      params: documentParams,
      body: confirmImportBodySchema,
      response: importResultSchema,
      errors: ['import_preview_expired', 'import_correction_invalid', 'import_after_approval', 'import_too_many_clauses', 'document_frozen'],
      handler: async ({ access, body, session }) =>
        importClauses(ctx, session.user.id, access.document, { previewId: body.previewId, mode: body.mode, operations: body.operations as PreviewOperation[] }),
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/import/flags',
      tag: 'import',
      summary: 'Clauses with text missing in some language',
      description: 'Derived from the text as it is now: a clause imported without its counterpart stays listed until someone writes it.',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: importFlagsSchema,
      handler: async ({ access }) => {
        const document = access.document;
        const { value: clauses } = await ctx.documents.read(document.id, (doc) => incompleteClauses(doc, document.languages));
        return { clauses };
      },
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/duplicate',
      tag: 'lifecycle',
      summary: 'Start a new negotiation from this one',
      description:
        'Same languages; copies the Participants and members (default) and, when `text` is true, the current text under new clause ids. Approvals and comments stay with the source.',
      access: { kind: 'document', action: 'document.duplicate' },
      params: documentParams,
      body: duplicateDocumentBodySchema,
      status: 201,
      response: createdDocumentSchema,
      handler: async ({ access, body, session }) => ({ document: await duplicateDocument(ctx, session.user.id, access.document, body) }),
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/archive',
      tag: 'lifecycle',
      summary: 'Archive the document',
      description:
        'Nothing in an archived document can change any more; it stays readable to its members. The body must say `{"confirm": true}`: an archive cannot be undone from the API.',
      access: { kind: 'document', action: 'document.archive' },
      params: documentParams,
      body: z.object({ confirm: z.literal(true) }).strict(),
      response: archivedDocumentSchema,
      handler: async ({ access, session }) => {
        const { archivedAt } = await archiveDocument(ctx, session.user.id, access.document.id);
        return { status: 'archived' as const, archivedAt: archivedAt.toISOString() };
      },
    });
}
