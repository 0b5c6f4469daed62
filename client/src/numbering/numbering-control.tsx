/**
 * The secretariat's numbering control (issue 15), in the versions tab: fix the numbering at a chosen
 * version ("numbering fixed since the chair's text of 3 March"), and renumber after a confirmation that
 * lists every number that changes, old → new. Everyone else reads what is fixed.
 */
import { useContext, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../approvals/modal';
import { useErrorMessage } from '../app/error-message';
import { useLive } from '../realtime/use-live';
import { versionsStore } from '../versions/version-stores';
import { FeaturesContext } from '../workspace/features-context';
import { useWorkspace } from '../workspace/workspace-context';
import { useClauseItems } from '../workspace/clause-items';
import { useLiveSelect } from '../realtime/use-live';
import { renumbering, type NumberChange } from '../../../shared/src/stable-numbering';
import { numberLabel, type NumberingStore } from './numbering-store';
import './numbering.css';

export function NumberingControl({ documentId, mayManage, announce }: { documentId: string; mayManage: boolean; announce?(message: string): void }) {
  const store = useContext(FeaturesContext)?.numbering;
  if (!store) return null;
  return <NumberingSection store={store} documentId={documentId} mayManage={mayManage} announce={announce} />;
}

function NumberingSection({
  store,
  documentId,
  mayManage,
  announce,
}: {
  store: NumberingStore;
  documentId: string;
  mayManage: boolean;
  announce?(message: string): void;
}) {
  const { t, i18n } = useTranslation('numbering');
  const errorMessage = useErrorMessage();
  const fixed = useLiveSelect(store, (snapshot) => snapshot.state?.fixed ?? null);
  const versionList = useMemo(() => versionsStore(documentId), [documentId]);
  const versions = useLive(versionList).versions;
  const { collab } = useWorkspace();
  const items = useClauseItems(collab.ydoc);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<NumberChange[] | null>(null);
  const id = useId();
  const versionId = chosen || versions[0]?.id || '';

  const fix = async (event: FormEvent) => {
    event.preventDefault();
    if (!versionId) return;
    setBusy(true);
    setError(null);
    try {
      const state = await store.fix(versionId);
      announce?.(t('control.fixed', { name: state.fixed?.versionName ?? '' }));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const renumber = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await store.renumber();
      setConfirming(null);
      announce?.(t('control.renumbered', { count: answer.changes.length }));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const status = !fixed
    ? t('control.notFixed')
    : fixed.versionId
      ? t('control.fixedAt', { name: fixed.versionName ?? '' })
      : t('control.fixedRenumbered', { date: new Date(fixed.renumberedAt ?? fixed.fixedAt).toLocaleDateString(i18n.language) });

  return (
    <section className="numbering-control" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('control.title')}</h2>
      <p data-testid="numbering-status">{status}</p>
      {error && <p role="alert">{error}</p>}
      {mayManage && versions.length === 0 && <p>{t('control.noVersion')}</p>}
      {mayManage && versions.length > 0 && (
        <form onSubmit={fix} className="numbering-fix">
          <label htmlFor={`${id}-version`}>{t('control.version')}</label>
          <select id={`${id}-version`} value={versionId} onChange={(event) => setChosen(event.target.value)} disabled={busy}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name ?? new Date(v.takenAt).toLocaleString(i18n.language)}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={busy || !versionId}>
            {t('control.fix')}
          </button>
        </form>
      )}
      {mayManage && fixed && (
        <button type="button" className="button" disabled={busy} onClick={() => setConfirming(renumbering(items, fixed.numbers))}>
          {t('control.renumber')}
        </button>
      )}
      {confirming && (
        <Modal
          title={t('control.confirmTitle')}
          onClose={() => setConfirming(null)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setConfirming(null)}>
                {t('control.cancel')}
              </button>
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void renumber()}>
                {t('control.confirm')}
              </button>
            </>
          }
        >
          <p>{confirming.length > 0 ? t('control.confirmIntro') : t('control.confirmNone')}</p>
          <ul className="numbering-changes">
            {confirming.map((change) => (
              <li key={change.clauseId}>
                {t('control.change', {
                  from: numberLabel(t, change.from),
                  to: change.to ? numberLabel(t, change.to) : t('control.gone'),
                })}
              </li>
            ))}
          </ul>
        </Modal>
      )}
    </section>
  );
}
