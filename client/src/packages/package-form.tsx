/**
 * Creating or changing a package: its name and its clauses, chosen from the document's sections and
 * articles in order (checkboxes, so a keyboard and a screen reader go through them like a list).
 * The server checks again (each clause of this document, once); its refusal is shown as it words it.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { Modal } from '../approvals/modal';
import { PACKAGE_NAME_MAX, type PackageRecord } from '../../../shared/src/api/packages';
import type { ClauseItem } from '../workspace/clause-items';

export interface PackageFormProps {
  /** The package to change; absent: a new one. */
  existing?: PackageRecord;
  items: readonly ClauseItem[];
  labels: ReadonlyMap<string, string>;
  onSave(input: { name: string; clauseIds: string[] }): Promise<void>;
  onClose(): void;
}

export function PackageForm({ existing, items, labels, onSave, onClose }: PackageFormProps) {
  const { t } = useTranslation('packages');
  const errorMessage = useErrorMessage();
  const id = useId();
  const [name, setName] = useState(existing?.name ?? '');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(existing?.clauseIds ?? []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choosable = items.filter((item) => item.kind !== 'heading');
  const clauseIds = choosable.map((item) => item.id).filter((clauseId) => chosen.has(clauseId));
  const canSave = name.trim().length > 0 && clauseIds.length > 0 && !busy;

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await onSave({ name: name.trim(), clauseIds });
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (clauseId: string, on: boolean) =>
    setChosen((before) => {
      const next = new Set(before);
      if (on) next.add(clauseId);
      else next.delete(clauseId);
      return next;
    });

  return (
    <Modal
      title={existing ? t('form.editTitle', { name: existing.name }) : t('form.createTitle')}
      onClose={onClose}
      className="package-form"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={!canSave} onClick={() => void save()}>
            {busy ? t('form.saving') : t('form.save')}
          </button>
        </>
      }
    >
      <p>
        <label htmlFor={`${id}-name`}>{t('form.name')}</label>{' '}
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          maxLength={PACKAGE_NAME_MAX}
          placeholder={t('form.namePlaceholder')}
          onChange={(event) => setName(event.target.value)}
        />
      </p>
      <fieldset className="package-form-clauses" aria-describedby={clauseIds.length === 0 ? `${id}-hint` : undefined}>
        <legend>{t('form.clauses')}</legend>
        {clauseIds.length === 0 && (
          <p id={`${id}-hint`} className="hint">
            {t('form.pickAtLeastOne')}
          </p>
        )}
        <ul>
          {choosable.map((item) => (
            <li key={item.id}>
              <label>
                <input type="checkbox" checked={chosen.has(item.id)} onChange={(event) => toggle(item.id, event.target.checked)} /> {labels.get(item.id)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {error && (
        <p className="approval-alert" role="alert">
          {error}
        </p>
      )}
    </Modal>
  );
}
