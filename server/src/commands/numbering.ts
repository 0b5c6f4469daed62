/**
 * Stable numbering (issue 15): fix the numbering at a version, renumber. The caller has authorized
 * 'numbering.manage' (the secretariat, draft only). Both are audited and told to every open
 * workspace after the transaction commits. The document row is share-locked as for every write, so a
 * freeze waits for these transactions and a frozen text refuses them (document_frozen).
 */
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import type { Queryable } from '../db/queryable';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { lockDocumentStatus } from '../approvals/approval-store';
import { findVersion } from '../versions/version-store';
import { findFixedNumbering, numberingState, writeFixedNumbering } from '../numbering/numbering-store';
import { clauseItems } from '../../../shared/src/yjs-layout';
import type { ClauseNumber } from '../../../shared/src/numbering';
import { fixedNumbersOf, numberText, renumbering } from '../../../shared/src/stable-numbering';
import type { VersionRecord } from '../../../shared/src/versions/version-record';
import type { NumberingState, RenumberAnswer } from '../../../shared/src/api/numbering';

async function openDraft(db: Queryable, documentId: string): Promise<void> {
  const status = await lockDocumentStatus(db, documentId);
  if (status === null) throw new AppError('not_found');
  if (status !== 'draft') throw new AppError('document_frozen');
}

/** "3 bis" for an article, "§2" for a section, "—" for a number that disappears: the audit's language-neutral summary. */
function shortNumber(number: ClauseNumber | null): string {
  if (!number) return '—';
  if (number.article !== undefined) return numberText(number.article, number.suffix);
  if (number.section !== undefined) return `§${numberText(number.section, number.suffix)}`;
  return '·';
}

/** Fixes the numbering at a version of the document: its clause order and kinds give the numbers. */
export async function fixNumbering(ctx: AppContext, documentId: string, userId: string, versionId: string): Promise<NumberingState> {
  await withTransaction(ctx.pool, async (client) => {
    await openDraft(client, documentId);
    const version = await findVersion(client, documentId, versionId);
    if (!version) throw new AppError('numbering_version_not_found');
    const record = JSON.parse(version.record) as VersionRecord;
    const numbers = fixedNumbersOf(record.clauses.map(({ id, kind }) => ({ id, kind })));
    await findFixedNumbering(client, documentId, true);
    await writeFixedNumbering(client, { documentId, versionId, numbers, userId, renumbered: false });
    await recordAuditEvent(client, {
      documentId,
      actorUserId: userId,
      action: 'numbering.fixed',
      subject: { versionId, name: version.name ?? '', seq: version.seq, clauses: Object.keys(numbers).length },
    });
  });
  return published(ctx, documentId);
}

/** [N6] Renumbers the text as it stands: every number follows the order again, and stays fixed there. */
export async function renumberDocument(ctx: AppContext, documentId: string, userId: string): Promise<RenumberAnswer> {
  const { value: items } = await ctx.documents.read(documentId, (doc) => clauseItems(doc));
  const changes = await withTransaction(ctx.pool, async (client) => {
    await openDraft(client, documentId);
    const current = await findFixedNumbering(client, documentId, true);
    if (!current) throw new AppError('numbering_not_fixed');
    const list = renumbering(items, current.numbers);
    await writeFixedNumbering(client, { documentId, versionId: null, numbers: fixedNumbersOf(items), userId, renumbered: true });
    await recordAuditEvent(client, {
      documentId,
      actorUserId: userId,
      action: 'numbering.renumbered',
      subject: {
        changes: list.map((change) => ({ clauseId: change.clauseId, from: change.from, to: change.to })),
        summary: list.map((change) => `${shortNumber(change.from)} → ${shortNumber(change.to)}`).join(', '),
      },
    });
    return list;
  });
  return { ...(await published(ctx, documentId)), changes };
}

async function published(ctx: AppContext, documentId: string): Promise<NumberingState> {
  const state = await numberingState(ctx.pool, documentId);
  ctx.log.info({ documentId, versionId: state.fixed?.versionId ?? null }, 'numbering fixed');
  ctx.events.emit('numbering.changed', { documentId, fixed: state.fixed });
  return state;
}
