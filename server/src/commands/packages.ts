/**
 * Packages of clauses (issue 16): create, change (name, clauses), delete. The caller has authorized
 * 'package.create' or 'package.manage' [P5] (the creating delegation, or the secretariat).
 *
 * A package names clauses of its own document only (visible now, each once). Deleting one that an
 * approval in force is conditional on is refused (package_in_use): the approval would silently turn
 * unconditional. The document row is share-locked so that a freeze waits for these transactions.
 */
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import type { Queryable } from '../db/queryable';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { lockDocumentStatus } from '../approvals/approval-store';
import { approvalsInForceOn, deletePackage, findPackage, insertPackage, renamePackage, setPackageClauses, type PackageRow } from '../packages/package-store';
import { presentPackage } from '../presenters/package';
import { clauseOrder } from '../../../shared/src/yjs-layout';
import type { PackageRecord } from '../../../shared/src/api/packages';

export interface PackageActor {
  userId: string;
  /** The delegation the person acts for; null: the secretariat. */
  participantId: string | null;
}

/** Every clause id is a visible clause of the document, and none twice. */
async function checkClauses(ctx: AppContext, documentId: string, clauseIds: readonly string[]): Promise<void> {
  if (new Set(clauseIds).size !== clauseIds.length) throw new AppError('package_duplicate_clauses');
  const { value: visible } = await ctx.documents.read(documentId, (doc) => new Set(clauseOrder(doc)));
  const unknown = clauseIds.filter((id) => !visible.has(id));
  if (unknown.length > 0) throw new AppError('package_clause_not_found', {}, { clauseIds: unknown });
}

async function openDraft(db: Queryable, documentId: string): Promise<void> {
  const status = await lockDocumentStatus(db, documentId);
  if (status === null) throw new AppError('not_found');
  if (status !== 'draft') throw new AppError('document_frozen');
}

export async function createPackage(
  ctx: AppContext,
  documentId: string,
  actor: PackageActor,
  input: { name: string; clauseIds: readonly string[] },
): Promise<PackageRecord> {
  await checkClauses(ctx, documentId, input.clauseIds);
  const row = await withTransaction(ctx.pool, async (client) => {
    await openDraft(client, documentId);
    const { id } = await insertPackage(client, { documentId, name: input.name, createdBy: actor.userId, participantId: actor.participantId });
    await setPackageClauses(client, id, input.clauseIds);
    await recordAuditEvent(client, {
      documentId,
      actorUserId: actor.userId,
      action: 'package.created',
      subject: { packageId: id, name: input.name, participantId: actor.participantId, clauseIds: [...input.clauseIds] },
    });
    return (await findPackage(client, documentId, id))!;
  });
  return published(ctx, row);
}

export async function updatePackage(
  ctx: AppContext,
  documentId: string,
  packageId: string,
  actorId: string,
  change: { name?: string; clauseIds?: readonly string[] },
): Promise<PackageRecord> {
  if (change.clauseIds) await checkClauses(ctx, documentId, change.clauseIds);
  const row = await withTransaction(ctx.pool, async (client) => {
    await openDraft(client, documentId);
    const current = await findPackage(client, documentId, packageId, 'update');
    if (!current) throw new AppError('package_not_found');
    await renamePackage(client, packageId, change.name);
    if (change.clauseIds) await setPackageClauses(client, packageId, change.clauseIds);
    const updated = (await findPackage(client, documentId, packageId))!;
    await recordAuditEvent(client, {
      documentId,
      actorUserId: actorId,
      action: 'package.updated',
      subject: { packageId, name: updated.name, participantId: updated.participant_id, clauseIds: updated.clause_ids },
    });
    return updated;
  });
  return published(ctx, row);
}

export async function removePackage(ctx: AppContext, documentId: string, packageId: string, actorId: string): Promise<void> {
  await withTransaction(ctx.pool, async (client) => {
    await openDraft(client, documentId);
    const current = await findPackage(client, documentId, packageId, 'update');
    if (!current) throw new AppError('package_not_found');
    const inUse = await approvalsInForceOn(client, documentId, packageId);
    if (inUse > 0) throw new AppError('package_in_use', { name: current.name }, { approvals: inUse });
    await deletePackage(client, packageId);
    await recordAuditEvent(client, {
      documentId,
      actorUserId: actorId,
      action: 'package.deleted',
      subject: { packageId, name: current.name, participantId: current.participant_id, clauseIds: current.clause_ids },
    });
  });
  ctx.log.info({ documentId, packageId }, 'package deleted');
  ctx.events.emit('package.deleted', { documentId, packageId });
}

function published(ctx: AppContext, row: PackageRow): PackageRecord {
  const record = presentPackage(row);
  ctx.log.info({ documentId: record.documentId, packageId: record.id }, 'package saved');
  ctx.events.emit('package.changed', { documentId: record.documentId, package: record });
  return record;
}
