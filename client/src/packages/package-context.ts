/**
 * What a conditional approval's badge or matrix cell says about its package [A5]: the package's name
 * (from the workspace's packages store, when there is one) and, while held, the labels of the clauses
 * missing ("Article 12"), read from the Y.Doc at that moment — only for a row that holds one.
 */
import { useContext, useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import type { MatrixClause } from '../../../shared/src/api/approvals';
import type { PackageRecord } from '../../../shared/src/api/packages';
import { FeaturesContext } from '../workspace/features-context';
import { clauseLabels } from '../workspace/clause-label';
import { readClauseItems } from '../workspace/clause-items';
import type { PackageContext } from '../approvals/approval-marks';

const NONE: readonly PackageRecord[] = [];
const noStore = { subscribe: () => () => {}, getSnapshot: () => ({ packages: NONE }) };

/** The document's packages, live, when the workspace keeps them (none elsewhere). */
export function useWorkspacePackages(): readonly PackageRecord[] {
  const store = useContext(FeaturesContext)?.packages ?? noStore;
  const read = () => store.getSnapshot().packages;
  return useSyncExternalStore(store.subscribe, read, read);
}

/** Labels of clause ids as the interface reads them; a clause no longer in the document is named as such. */
export function labelClauses(t: TFunction, ydoc: Y.Doc, clauseIds: readonly string[]): string[] {
  const labels = clauseLabels(t, readClauseItems(ydoc));
  return clauseIds.map((id) => labels.get(id) ?? t('packages:removedClause'));
}

/** Per Participant of the row: the package context of its approval (empty for an unconditional one). */
export function rowPackageContext(
  t: TFunction,
  ydoc: Y.Doc,
  row: Pick<MatrixClause, 'approvals' | 'held'>,
  packages: readonly PackageRecord[],
): (participantId: string) => PackageContext {
  const held = row.held ?? {};
  const labels = Object.keys(held).length > 0 ? clauseLabels(t, readClauseItems(ydoc)) : null;
  return (participantId) => {
    const packageId = row.approvals[participantId]?.packageId;
    if (!packageId) return {};
    const missing = held[participantId]?.map((id) => labels?.get(id) ?? t('packages:removedClause'));
    return { packageName: packages.find((p) => p.id === packageId)?.name, missing };
  };
}
