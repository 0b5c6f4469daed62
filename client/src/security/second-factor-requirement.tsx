/** The secretariat's setting: whether every member of this negotiation must have a second factor. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRequirement, setRequirement } from '../api/second-factors';
import { useErrorMessage } from '../app/error-message';

export function SecondFactorRequirementSetting({ documentId }: { documentId: string }) {
  const { t } = useTranslation('second-factor');
  const errorMessage = useErrorMessage();
  const [required, setRequired] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetchRequirement(documentId).then(
      (answer) => !cancelled && setRequired(answer.required),
      (failure: unknown) => !cancelled && setMessage({ text: errorMessage(failure), error: true }),
    );
    return () => {
      cancelled = true;
    };
  }, [documentId, errorMessage]);

  async function change(next: boolean) {
    setBusy(true);
    setMessage(null);
    try {
      setRequired((await setRequirement(documentId, next)).required);
      setMessage({ text: t('requirement.saved'), error: false });
    } catch (failure) {
      setMessage({ text: errorMessage(failure), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card second-factor-requirement" aria-labelledby="second-factor-requirement-title">
      <h2 id="second-factor-requirement-title">{t('requirement.title')}</h2>
      <label className="checkbox">
        <input type="checkbox" checked={required === true} disabled={required === null || busy} onChange={(event) => void change(event.target.checked)} />{' '}
        {t('requirement.label')}
      </label>
      <p className="hint">{t('requirement.hint')}</p>
      {message && (
        <p className={message.error ? 'form-error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
