/** Duplicate a negotiation (e.g. start the Action Plan from the Memorandum) and archive one. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName, localized } from '../app/format';
import { useErrorMessage } from '../app/error-message';
import type { Localized } from '../../../shared/src/api/common';
import { archiveNegotiation, duplicateNegotiation } from './import-api';

export function DuplicateForm({
  documentId,
  title,
  languages,
  onCreated,
  onCancel,
}: {
  documentId: string;
  title: Localized;
  languages: readonly string[];
  onCreated: (documentId: string) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('import');
  const errorMessage = useErrorMessage();
  const id = useId();
  const [newTitle, setNewTitle] = useState<Record<string, string>>({});
  const [copy, setCopy] = useState({ participants: true, members: true, text: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = languages.find((lang) => !newTitle[lang]?.trim());
    if (missing) {
      setError(t('newNegotiation.titleMissing', { language: languageName(missing) }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { document } = await duplicateNegotiation(documentId, {
        title: Object.fromEntries(languages.map((lang) => [lang, newTitle[lang].trim()])),
        ...copy,
        members: copy.members && copy.participants,
      });
      onCreated(document.id);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <form className="import-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('actions.duplicateTitle', { title: localized(title) })}</h2>
      {languages.map((lang) => (
        <div className="field" key={lang}>
          <label htmlFor={`${id}-${lang}`}>{t('newNegotiation.titleIn', { language: languageName(lang) })}</label>
          <input
            id={`${id}-${lang}`}
            lang={lang}
            required
            maxLength={300}
            value={newTitle[lang] ?? ''}
            onChange={(event) => setNewTitle((current) => ({ ...current, [lang]: event.target.value }))}
          />
        </div>
      ))}
      <label>
        <input type="checkbox" checked={copy.participants} onChange={(event) => setCopy({ ...copy, participants: event.target.checked })} />{' '}
        {t('actions.copyParticipants')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={copy.members && copy.participants}
          disabled={!copy.participants}
          onChange={(event) => setCopy({ ...copy, members: event.target.checked })}
        />{' '}
        {t('actions.copyMembers')}
      </label>
      <label>
        <input type="checkbox" checked={copy.text} onChange={(event) => setCopy({ ...copy, text: event.target.checked })} /> {t('actions.copyText')}
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('actions.duplicateSubmit')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common:actions.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export function ArchiveButton({ documentId, title, onArchived }: { documentId: string; title: Localized; onArchived: () => void }) {
  const { t } = useTranslation('import');
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function archive() {
    if (!window.confirm(t('actions.archiveConfirm', { title: localized(title) }))) return;
    setBusy(true);
    setError(null);
    try {
      await archiveNegotiation(documentId);
      onArchived();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button-danger" disabled={busy} onClick={archive}>
        {t('actions.archive')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
