import { z } from 'zod';
import type { AppContext } from '../../context';
import { ApiRouter, type AccessInput, type RouteRegistry } from '../../http/api-router';
import type { Queryable } from '../../db/queryable';
import { createPackage, removePackage, updatePackage } from '../../commands/packages';
import { documentPackages, packageOwner } from '../../packages/package-store';
import { presentPackage } from '../../presenters/package';
import { createPackageBodySchema, packageListSchema, packageRecordSchema, updatePackageBodySchema } from '../../../../shared/src/api/packages';
import { documentParams } from '../schemas';

const packageParams = documentParams.extend({ packageId: z.uuid() }).strict();

/**
 * The delegation that owns the package a request names, for the policy's [P5] (changing a package is
 * its delegation's, or the secretariat's). An unknown package names nobody: the secretariat then
 * hears package_not_found from the handler, anyone else a refusal that tells nothing.
 */
async function ownerOf(input: AccessInput, db: Queryable, documentId: string): Promise<{ participantId?: string | null }> {
  const packageId = input.params.packageId;
  if (!packageId || !z.uuid().safeParse(packageId).success) return {};
  const owner = await packageOwner(db, documentId, packageId);
  return owner === undefined ? {} : { participantId: owner };
}

/** Packages of clauses (docs/api.md, "Packages"): every member reads them; delegations and the secretariat make them. */
export function packagesRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/documents/:documentId/packages',
      tag: 'packages',
      summary: 'The packages of clauses of the document',
      description: 'Oldest first, each with its clauses in order. Whether a package is settled is derived from the approvals (GET …/approvals, `packages`).',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: packageListSchema,
      handler: async ({ access }) => ({ packages: (await documentPackages(ctx.pool, access.document.id)).map(presentPackage) }),
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/packages',
      tag: 'packages',
      summary: 'Create a package of clauses for my delegation (the secretariat: for itself)',
      description:
        'A name (1 to 200 characters) and at least one clause of this document, each once: 422 package_clause_not_found for a clause the document does not have, 422 package_duplicate_clauses for one named twice.',
      access: { kind: 'document', action: 'package.create' },
      params: documentParams,
      body: createPackageBodySchema,
      status: 201,
      response: z.object({ package: packageRecordSchema }),
      errors: ['package_clause_not_found', 'package_duplicate_clauses', 'document_frozen'],
      handler: async ({ access, body, session }) => ({
        package: await createPackage(
          ctx,
          access.document.id,
          { userId: session.user.id, participantId: access.membership?.role === 'delegate' ? access.membership.participant_id : null },
          body,
        ),
      }),
    })
    .add({
      method: 'patch',
      path: '/documents/:documentId/packages/:packageId',
      tag: 'packages',
      summary: 'Rename a package or change its clauses',
      description: 'Only the delegation that created it, or the secretariat. Approvals conditional on it are held or released at once by its new clauses [A5].',
      access: { kind: 'document', action: 'package.manage', object: ownerOf },
      params: packageParams,
      body: updatePackageBodySchema,
      response: z.object({ package: packageRecordSchema }),
      errors: ['package_not_found', 'package_clause_not_found', 'package_duplicate_clauses', 'document_frozen'],
      handler: async ({ access, params, body, session }) => ({
        package: await updatePackage(ctx, access.document.id, params.packageId, session.user.id, body),
      }),
    })
    .add({
      method: 'delete',
      path: '/documents/:documentId/packages/:packageId',
      tag: 'packages',
      summary: 'Delete a package',
      description: 'Only the delegation that created it, or the secretariat. 409 package_in_use while an approval in force is conditional on it.',
      access: { kind: 'document', action: 'package.manage', object: ownerOf },
      params: packageParams,
      status: 204,
      errors: ['package_not_found', 'package_in_use', 'document_frozen'],
      handler: async ({ access, params, session }) => {
        await removePackage(ctx, access.document.id, params.packageId, session.user.id);
      },
    });
}
