/** Checking a file: anyone (signed in or not) uploads an export and learns whether it is genuine, and of what. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { verifyUpload } from './versions-api';
import { VerificationResult } from './verification-result';
import type { Verification } from '../../../shared/src/api/versions';

export function VerifyPage() {
  const { t } = useTranslation('versions');
  const errorMessage = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await verifyUpload(file));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="verify-page" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('verify.title')}</h1>
      <p>{t('verify.explain')}</p>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-file`}>{t('verify.choose')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".pdf,.docx,.json,.xml,application/pdf,application/json,application/xml"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <button type="submit" className="button button-primary" disabled={!file || busy}>
          {busy ? t('verify.checking') : t('verify.check')}
        </button>
      </form>
      {error && (
        <p role="alert" className="versions-error">
          {error}
        </p>
      )}
      {result && <VerificationResult result={result} />}
    </section>
  );
}
