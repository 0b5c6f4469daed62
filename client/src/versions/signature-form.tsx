/**
 * The signature record: place (in every language), date and, per Participant, the signatory's name
 * and title (in every language) and whether they sign ad referendum; the number of originals and
 * their languages (issue 16; one per Participant in every language until changed). Entered by the secretariat before the freeze, which makes it part
 * of the signed record; read-only afterwards.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { languageName, localized } from '../app/format';
import { useLive } from '../realtime/use-live';
import { saveSignatureRecord } from './versions-api';
import { signatureRecordStore } from './version-stores';
import type { SignatureRecord } from '../../../shared/src/versions/version-record';
import { originalsOf } from '../../../shared/src/versions/signature-defaults';

/** The most originals a record may state (the API's bound). */
const MAX_ORIGINALS = 50;

export interface SignatureFormProps {
  documentId: string;
  languages: readonly string[];
  participants: ReadonlyArray<{ id: string; name: Record<string, string> }>;
  /** The policy's 'document.freeze': the secretariat of a draft. */
  mayEdit: boolean;
  announce?(message: string): void;
}

type SignatoryDraft = { name: string; title: Record<string, string>; adReferendum: boolean };
type Draft = {
  place: Record<string, string>;
  date: string;
  signatories: Record<string, SignatoryDraft>;
  /** The statement of originals (issue 16): how many, in which languages. */
  originals: { count: string; languages: string[] };
};

const toDraft = (record: SignatureRecord | null, participants: number, languages: readonly string[]): Draft => {
  const originals = originalsOf(record, participants, languages);
  return {
    place: { ...(record?.place ?? {}) },
    date: record?.date ?? '',
    signatories: Object.fromEntries(
      (record?.signatories ?? []).map((s) => [s.participantId, { name: s.name, title: { ...s.title }, adReferendum: s.adReferendum === true }]),
    ),
    originals: { count: String(originals.count), languages: [...originals.languages] },
  };
};

export function SignatureForm({ documentId, languages, participants, mayEdit, announce }: SignatureFormProps) {
  const { t } = useTranslation('versions');
  const { t: ts } = useTranslation('signature');
  const errorMessage = useErrorMessage();
  const store = useMemo(() => signatureRecordStore(documentId), [documentId]);
  const stored = useLive(store);
  /** What the person typed since the record was read (null: nothing): a late answer never overwrites their typing. */
  const [edited, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const draft = useMemo(
    () => edited ?? toDraft(stored.value?.signature ?? null, participants.length, languages),
    [edited, stored.value, participants.length, languages],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await saveSignatureRecord(documentId, {
        place: draft.place,
        date: draft.date,
        signatories: participants
          .filter((p) => draft.signatories[p.id]?.name)
          .map((p) => {
            const { name, title, adReferendum } = draft.signatories[p.id];
            return { participantId: p.id, name, title, ...(adReferendum ? { adReferendum: true } : {}) };
          }),
        originals: { count: Number(draft.originals.count), languages: languages.filter((lang) => draft.originals.languages.includes(lang)) },
      });
      announce?.(t('signature.saved'));
      // Show the record as stored once it is read back; if that fails, what was typed (and saved) stays.
      await stored.reload();
      if (!store.getSnapshot().error) setDraft(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  const signatory = (participantId: string): SignatoryDraft => draft.signatories[participantId] ?? { name: '', title: {}, adReferendum: false };
  const setSignatory = (participantId: string, value: SignatoryDraft) => setDraft({ ...draft, signatories: { ...draft.signatories, [participantId]: value } });

  return (
    <form className="signature-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('signature.title')}</h2>
      <p className="versions-hint">{mayEdit ? t('signature.explain') : t('signature.locked')}</p>
      <fieldset disabled={!mayEdit || busy}>
        {languages.map((lang) => (
          <p key={lang}>
            <label htmlFor={`${id}-place-${lang}`}>{t('signature.place', { language: languageName(lang) })}</label>
            <input
              id={`${id}-place-${lang}`}
              lang={lang}
              required
              value={draft.place[lang] ?? ''}
              maxLength={200}
              onChange={(event) => setDraft({ ...draft, place: { ...draft.place, [lang]: event.target.value } })}
            />
          </p>
        ))}
        <p>
          <label htmlFor={`${id}-date`}>{t('signature.date')}</label>
          <input id={`${id}-date`} type="date" required value={draft.date} onChange={(event) => setDraft({ ...draft, date: event.target.value })} />
        </p>
        {participants.map((participant) => {
          const value = signatory(participant.id);
          return (
            <fieldset key={participant.id} className="signature-signatory">
              <legend>{t('signature.signatory', { participant: localized(participant.name) })}</legend>
              <label htmlFor={`${id}-${participant.id}-name`}>{t('signature.name')}</label>
              <input
                id={`${id}-${participant.id}-name`}
                value={value.name}
                maxLength={200}
                onChange={(event) => setSignatory(participant.id, { ...value, name: event.target.value })}
              />
              {languages.map((lang) => (
                <span key={lang} className="signature-title">
                  <label htmlFor={`${id}-${participant.id}-title-${lang}`}>{t('signature.titleField', { language: languageName(lang) })}</label>
                  <input
                    id={`${id}-${participant.id}-title-${lang}`}
                    lang={lang}
                    value={value.title[lang] ?? ''}
                    maxLength={300}
                    required={value.name !== ''}
                    onChange={(event) => setSignatory(participant.id, { ...value, title: { ...value.title, [lang]: event.target.value } })}
                  />
                </span>
              ))}
              <label className="signature-ad-referendum">
                <input
                  type="checkbox"
                  checked={value.adReferendum}
                  onChange={(event) => setSignatory(participant.id, { ...value, adReferendum: event.target.checked })}
                />{' '}
                {ts('form.adReferendum')}
              </label>
            </fieldset>
          );
        })}
        <fieldset className="signature-originals">
          <legend>{ts('form.originals')}</legend>
          <p className="versions-hint">{ts('form.originalsExplain', { count: participants.length })}</p>
          <label htmlFor={`${id}-originals`}>{ts('form.originalsCount')}</label>{' '}
          <input
            id={`${id}-originals`}
            type="number"
            required
            min={Math.max(1, participants.length)}
            max={MAX_ORIGINALS}
            value={draft.originals.count}
            onChange={(event) => setDraft({ ...draft, originals: { ...draft.originals, count: event.target.value } })}
          />
          <span role="group" aria-label={ts('form.originalsLanguages')} className="signature-original-languages">
            {ts('form.originalsLanguages')}:{' '}
            {languages.map((lang) => (
              <label key={lang}>
                <input
                  type="checkbox"
                  checked={draft.originals.languages.includes(lang)}
                  onChange={(event) =>
                    setDraft({
                      ...draft,
                      originals: {
                        ...draft.originals,
                        languages: event.target.checked ? [...draft.originals.languages, lang] : draft.originals.languages.filter((l) => l !== lang),
                      },
                    })
                  }
                />{' '}
                {languageName(lang)}
              </label>
            ))}
          </span>
          {draft.originals.languages.length === 0 && (
            <p role="alert" className="versions-error">
              {ts('form.originalsNoLanguage')}
            </p>
          )}
        </fieldset>
        {mayEdit && (
          <button type="submit" className="button button-primary" disabled={draft.originals.languages.length === 0}>
            {busy ? t('signature.saving') : t('signature.save')}
          </button>
        )}
      </fieldset>
      {error && (
        <p role="alert" className="versions-error">
          {error}
        </p>
      )}
    </form>
  );
}
