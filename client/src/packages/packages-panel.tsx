/**
 * The Packages tab of the side panel: every package of the negotiation with its clauses (each a link
 * that goes to it), whether it is settled and what each Participant is missing [A6] — derived live
 * from the approvals store, so an edit of one of its clauses unsettles it at once — and, for its
 * delegation and the secretariat, Edit and Delete; New package for whoever may create one.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { localized } from '../app/format';
import { paths } from '../app/router';
import { useLiveSelect } from '../realtime/use-live';
import { useApprovalsMeta } from '../approvals';
import { useClauseItems } from '../workspace/clause-items';
import { clauseLabels } from '../workspace/clause-label';
import { useWorkspace } from '../workspace/workspace-context';
import { useClauseJump } from '../navigation/use-clause-jump';
import type { ApprovalsStore } from '../approvals/approvals-store';
import { packageSettlement, unheldStatusesOf } from '../../../shared/src/package-holds';
import type { PackageRecord } from '../../../shared/src/api/packages';
import type { PackagesStore } from './packages-store';
import { usePackages } from './use-packages';
import { PackageForm } from './package-form';
import './packages.css';

export interface PackagesPanelProps {
  documentId: string;
  store: PackagesStore;
  approvals: ApprovalsStore;
  languages: readonly string[];
  viewer: { role: string | null; participantId: string | null; permissions: readonly string[] };
  announce(message: string): void;
}

type Open = { kind: 'create' } | { kind: 'edit'; pkg: PackageRecord } | null;

export function PackagesPanel({ documentId, store, approvals, languages, viewer, announce }: PackagesPanelProps) {
  const { t, i18n } = useTranslation(['packages', 'approvals']);
  const errorMessage = useErrorMessage();
  const { collab } = useWorkspace();
  const status = useLiveSelect(store, (snapshot) => snapshot.status);
  const loadError = useLiveSelect(store, (snapshot) => snapshot.error);
  const packages = usePackages(store);
  const meta = useApprovalsMeta(approvals);
  const rows = useLiveSelect(approvals, (snapshot) => snapshot.clauses);
  const plain = useMemo(() => unheldStatusesOf(rows), [rows]);
  const items = useClauseItems(collab.ydoc);
  const labels = useMemo(() => clauseLabels(t, items), [items, t]);
  const jump = useClauseJump(languages);
  const [open, setOpen] = useState<Open>(null);
  const [busy, setBusy] = useState(false);
  const participantIds = meta.participants.map((p) => p.id);
  const mayCreate = viewer.permissions.includes('package.create');
  const mayManage = (pkg: PackageRecord) =>
    viewer.permissions.includes('package.manage') &&
    (viewer.role === 'secretariat' || (pkg.participantId !== null && pkg.participantId === viewer.participantId));
  const labelOf = (clauseId: string) => labels.get(clauseId) ?? t('packages:removedClause');
  const list = (ids: readonly string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(ids.map(labelOf));
  const delegationOf = (pkg: PackageRecord) => {
    const participant = meta.participants.find((p) => p.id === pkg.participantId);
    return participant ? localized(participant.name, i18n.language) : t('packages:secretariat');
  };

  async function remove(pkg: PackageRecord) {
    if (!window.confirm(t('packages:confirmDelete', { name: pkg.name }))) return;
    setBusy(true);
    try {
      await store.remove(pkg.id);
      announce(t('packages:deleted', { name: pkg.name }));
    } catch (failure) {
      announce(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="packages-panel" aria-labelledby={`${documentId}-packages-title`}>
      <div className="packages-head">
        <h2 id={`${documentId}-packages-title`}>{t('packages:title')}</h2>
        {mayCreate && (
          <button type="button" className="button button-small" onClick={() => setOpen({ kind: 'create' })}>
            {t('packages:create')}
          </button>
        )}
      </div>
      <p className="hint">{t('packages:explain')}</p>
      {status === 'loading' && <p role="status">{t('packages:loading')}</p>}
      {status === 'error' && (
        <div role="alert">
          <p>
            {t('packages:error')} {errorMessage(loadError)}
          </p>
          <button type="button" className="button" onClick={() => void store.reload()}>
            {t('packages:retry')}
          </button>
        </div>
      )}
      {status === 'ready' && packages.length === 0 && <p>{t('packages:empty')}</p>}
      <ul className="package-list">
        {packages.map((pkg) => {
          const settlement = packageSettlement(pkg.clauseIds, participantIds, plain);
          return (
            <li key={pkg.id} className={`package-card${settlement.settled ? ' is-settled' : ' is-unsettled'}`} data-package-id={pkg.id}>
              <h3>{pkg.name}</h3>
              <p className="package-meta">{t('packages:createdBy', { name: pkg.createdBy.displayName, delegation: delegationOf(pkg) })}</p>
              <p className="package-clauses">
                {t('packages:clauses')}:{' '}
                {pkg.clauseIds.map((clauseId, index) => (
                  <span key={clauseId}>
                    {index > 0 && ', '}
                    {labels.has(clauseId) ? (
                      <a
                        href={paths.clause(documentId, clauseId)}
                        aria-label={t('packages:goToClause', { label: labelOf(clauseId) })}
                        onClick={(event) => {
                          event.preventDefault();
                          jump(clauseId, labelOf(clauseId));
                        }}
                      >
                        {labelOf(clauseId)}
                      </a>
                    ) : (
                      <em>{labelOf(clauseId)}</em>
                    )}
                  </span>
                ))}
              </p>
              <p className={`package-settlement${settlement.settled ? ' is-settled' : ''}`}>
                <span aria-hidden="true">{settlement.settled ? '✓ ' : '◐ '}</span>
                {settlement.settled ? t('packages:settled') : t('packages:unsettled')}
              </p>
              {!settlement.settled && (
                <ul className="package-participants" aria-label={t('packages:statusHeading')}>
                  {meta.participants.map((participant) => {
                    const missing = settlement.missing[participant.id] ?? [];
                    const name = `${participant.code}, ${localized(participant.name, i18n.language)}`;
                    return (
                      <li key={participant.id} className={missing.length === 0 ? 'is-settled' : 'is-missing'}>
                        {missing.length === 0
                          ? t('packages:participantSettled', { participant: name })
                          : t('packages:participantMissing', { participant: name, clauses: list(missing) })}
                      </li>
                    );
                  })}
                </ul>
              )}
              {mayManage(pkg) && meta.documentStatus === 'draft' && (
                <p className="package-actions">
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    aria-label={t('packages:editOf', { name: pkg.name })}
                    onClick={() => setOpen({ kind: 'edit', pkg })}
                  >
                    {t('packages:edit')}
                  </button>{' '}
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    aria-label={t('packages:deleteOf', { name: pkg.name })}
                    onClick={() => void remove(pkg)}
                  >
                    {t('packages:delete')}
                  </button>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {open && (
        <PackageForm
          existing={open.kind === 'edit' ? open.pkg : undefined}
          items={items}
          labels={labels}
          onClose={() => setOpen(null)}
          onSave={async (input) => {
            if (open.kind === 'edit') {
              const saved = await store.update(open.pkg.id, input);
              announce(t('packages:updated', { name: saved.name }));
            } else {
              const saved = await store.create(input);
              announce(t('packages:created', { name: saved.name }));
            }
          }}
        />
      )}
    </section>
  );
}
