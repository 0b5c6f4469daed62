/**
 * The signatories of the signed text and the statement of originals (issue 16): each signatory with
 * their title, "ad referendum" where they signed so, and "confirmed on <date>" once the capital
 * confirmed — or, for the secretariat, "Record confirmation" with the date.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatNumber, languageName, localized } from '../app/format';
import { confirmSignatureAdReferendum } from './signatures-api';
import { originalsOf } from '../../../shared/src/versions/signature-defaults';
import type { AttestationsAnswer } from '../../../shared/src/api/signatures';
import type { Signatory, VersionRecord } from '../../../shared/src/versions/version-record';

/** A calendar date (YYYY-MM-DD) in the interface language, never shifted by the time zone. */
export function formatDay(date: string, lang?: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(day);
}

export interface SignatoriesSectionProps {
  documentId: string;
  record: VersionRecord;
  attestations: AttestationsAnswer;
  /** The policy's 'signature.confirm_ad_referendum': the secretariat of the frozen text. */
  mayConfirm: boolean;
  onChanged(): void;
  announce?(message: string): void;
}

export function SignatoriesSection({ documentId, record, attestations, mayConfirm, onChanged, announce }: SignatoriesSectionProps) {
  const { t, i18n } = useTranslation('signature');
  const id = useId();
  const signature = record.signature;
  const originals = originalsOf(signature, record.participants.length, record.document.languages);
  return (
    <section className="signed-signatories" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('page.signatories.title')}</h2>
      {signature && <p>{t('page.signatories.placeDate', { place: localized(signature.place), date: formatDay(signature.date, i18n.language) })}</p>}
      <p className="signed-originals">
        {t('page.originals.statement', {
          count: originals.count,
          number: formatNumber(originals.count),
          languages: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(originals.languages.map((lang) => languageName(lang))),
        })}
      </p>
      {!signature || signature.signatories.length === 0 ? (
        <p>{t('page.signatories.none')}</p>
      ) : (
        <ul className="signed-status-list">
          {signature.signatories.map((signatory) => (
            <SignatoryRow
              key={signatory.participantId}
              documentId={documentId}
              record={record}
              signatory={signatory}
              confirmation={attestations.signatureConfirmations.find((c) => c.participantId === signatory.participantId)}
              mayConfirm={mayConfirm}
              onChanged={onChanged}
              announce={announce}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SignatoryRow({
  documentId,
  record,
  signatory,
  confirmation,
  mayConfirm,
  onChanged,
  announce,
}: {
  documentId: string;
  record: VersionRecord;
  signatory: Signatory;
  confirmation: AttestationsAnswer['signatureConfirmations'][number] | undefined;
  mayConfirm: boolean;
  onChanged(): void;
  announce?(message: string): void;
}) {
  const { t, i18n } = useTranslation('signature');
  const errorMessage = useErrorMessage();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const participant = record.participants.find((p) => p.id === signatory.participantId);
  const participantName = localized(participant?.name);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await confirmSignatureAdReferendum(documentId, { participantId: signatory.participantId, date });
      announce?.(t('page.signatories.recorded', { name: signatory.name }));
      setOpen(false);
      onChanged();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li data-participant={participant?.code}>
      <strong>{signatory.name}</strong>, {localized(signatory.title)} ({participantName})
      {signatory.adReferendum && (
        <>
          {' '}
          <span className="signed-badge">{t('page.signatories.adReferendum')}</span>
          {confirmation ? (
            <span className="signed-confirmed">
              {' '}
              {t('page.signatories.confirmedOn', { date: formatDay(confirmation.date, i18n.language), name: confirmation.confirmedBy })}
            </span>
          ) : (
            <span className="signed-not-confirmed"> {t('page.signatories.notConfirmed')}</span>
          )}
        </>
      )}
      {signatory.adReferendum && !confirmation && mayConfirm && !open && (
        <>
          {' '}
          <button type="button" className="button" onClick={() => setOpen(true)}>
            {t('page.signatories.record')}
          </button>
        </>
      )}
      {open && (
        <div className="signed-confirm" role="group" aria-label={t('page.signatories.recordFor', { name: signatory.name })}>
          <label htmlFor={`${id}-date`}>{t('page.signatories.date')}</label>{' '}
          <input id={`${id}-date`} type="date" required min={record.signature?.date} value={date} onChange={(event) => setDate(event.target.value)} />{' '}
          <button type="button" className="button button-primary" disabled={busy || !date} onClick={submit}>
            {busy ? t('page.signatories.saving') : t('page.signatories.confirmButton')}
          </button>{' '}
          <button type="button" className="button" disabled={busy} onClick={() => setOpen(false)}>
            {t('page.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="versions-error">
          {error}
        </p>
      )}
    </li>
  );
}
