import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { fixNumbering, renumberDocument } from '../../commands/numbering';
import { numberingState } from '../../numbering/numbering-store';
import { fixNumberingBodySchema, numberingStateSchema, renumberAnswerSchema, renumberBodySchema } from '../../../../shared/src/api/numbering';
import { documentParams } from '../schemas';

/** Stable numbering (docs/api.md, "Stable numbering"): every member reads it; the secretariat fixes it and renumbers. */
export function numberingRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/documents/:documentId/numbering',
      tag: 'numbering',
      summary: 'The fixed numbering of the document, if any, and the numbers of its latest version',
      description:
        '`fixed` null: the numbers follow the order of the clauses. Otherwise clause id → fixed number, from which every number is derived (shared/src/stable-numbering.ts): "3 bis" for an inserted article, "Article 5 [deleted]" for a removed one. `previous` holds the numbers of the latest version ("formerly Article 4").',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: numberingStateSchema,
      handler: async ({ access }) => numberingState(ctx.pool, access.document.id),
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/numbering',
      tag: 'numbering',
      summary: 'Fix the numbering at a version',
      description:
        'The version’s clause order and kinds give the fixed numbers; fixing again replaces them. Audited (numbering.fixed); every open workspace hears numbering:changed. 404 numbering_version_not_found for a version of another document.',
      access: { kind: 'document', action: 'numbering.manage' },
      params: documentParams,
      body: fixNumberingBodySchema,
      response: numberingStateSchema,
      errors: ['numbering_version_not_found', 'document_frozen'],
      handler: async ({ access, body, session }) => fixNumbering(ctx, access.document.id, session.user.id, body.versionId),
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/numbering/renumber',
      tag: 'numbering',
      summary: 'Renumber the text as it stands',
      description:
        'Every number follows the order again (deleted numbers disappear) and is fixed there. The answer lists each change, old → new (`to` null: a deleted number gone). Audited (numbering.renumbered, with the changes). 409 numbering_not_fixed when nothing is fixed.',
      access: { kind: 'document', action: 'numbering.manage' },
      params: documentParams,
      body: renumberBodySchema,
      response: renumberAnswerSchema,
      errors: ['numbering_not_fixed', 'document_frozen'],
      handler: async ({ access, session }) => renumberDocument(ctx, access.document.id, session.user.id),
    });
}
