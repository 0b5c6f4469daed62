/**
 * "New negotiation": the title in each language, the languages (English and Spanish by default;
 * others by code), the Participants (from the caller's other negotiations, or new) and the members
 * (existing accounts, with roles). On success the caller opens the new negotiation.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName, localized } from '../app/format';
import { useErrorMessage } from '../app/error-message';
import { ROLES, type Role } from '../../../shared/src/policy';
import { createNegotiation, fetchParticipantDirectory, type DirectoryParticipant } from './import-api';

const LANGUAGE_CODE = /^[a-z]{2,3}$/;
const CODE = /^[A-Z0-9]{2,8}$/;

interface ParticipantDraft {
  code: string;
  name: Record<string, string>;
  color: string;
}
interface MemberDraft {
  email: string;
  role: Role;
  participant: string;
}

export function NewNegotiationForm({ onCreated, onCancel }: { onCreated: (documentId: string) => void; onCancel?: () => void }) {
  const { t } = useTranslation('import');
  const errorMessage = useErrorMessage();
  const id = useId();
  const [languages, setLanguages] = useState<string[]>(['en', 'es']);
  const [newLanguage, setNewLanguage] = useState('');
  const [title, setTitle] = useState<Record<string, string>>({});
  const [directory, setDirectory] = useState<DirectoryParticipant[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [drafts, setDrafts] = useState<ParticipantDraft[]>([]);
  const [members, setMembers] = useState<MemberDraft[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchParticipantDirectory().then(
      (answer) => {
        if (live) setDirectory(answer.participants);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  const participantCodes = [...chosen, ...drafts.map((draft) => draft.code)].filter(Boolean);

  function addLanguage() {
    const code = newLanguage.trim().toLowerCase();
    if (!LANGUAGE_CODE.test(code)) {
      setError(t('newNegotiation.languageCodeInvalid'));
      return;
    }
    if (!languages.includes(code)) setLanguages([...languages, code]);
    setNewLanguage('');
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missingTitle = languages.find((lang) => !title[lang]?.trim());
    if (missingTitle) {
      setError(t('newNegotiation.titleMissing', { language: languageName(missingTitle) }));
      return;
    }
    const fromDirectory = directory
      .filter((p) => chosen.includes(p.code))
      .map((p) => ({
        code: p.code,
        color: p.color,
        name: Object.fromEntries(languages.map((lang) => [lang, p.name[lang] ?? p.name.en ?? p.code])),
      }));
    const fresh = drafts.map((draft) => ({
      code: draft.code.trim().toUpperCase(),
      color: draft.color,
      name: Object.fromEntries(languages.map((lang) => [lang, (draft.name[lang] ?? '').trim()])),
    }));
    if (fresh.some((draft) => !CODE.test(draft.code) || languages.some((lang) => !draft.name[lang]))) {
      setError(t('newNegotiation.participantIncomplete'));
      return;
    }
    if (members.some((member) => member.role === 'delegate' && !member.participant)) {
      setError(t('newNegotiation.memberNeedsParticipant'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { document } = await createNegotiation({
        title: Object.fromEntries(languages.map((lang) => [lang, title[lang].trim()])),
        languages,
        participants: [...fromDirectory, ...fresh],
        members: members
          .filter((member) => member.email.trim())
          .map((member) => ({
            email: member.email.trim().toLowerCase(),
            role: member.role,
            participant: member.role === 'secretariat' || member.role === 'observer' ? null : member.participant || null,
          })),
      });
      onCreated(document.id);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <form className="import-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('newNegotiation.title')}</h1>
      <p>{t('newNegotiation.intro')}</p>

      <fieldset>
        <legend>{t('newNegotiation.languages')}</legend>
        <p className="hint">{t('newNegotiation.languagesHint')}</p>
        <ul className="import-chips">
          {languages.map((lang) => (
            <li key={lang}>
              {languageName(lang)} ({lang})
              {languages.length > 1 && (
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('newNegotiation.removeLanguage', { language: languageName(lang) })}
                  onClick={() => setLanguages(languages.filter((code) => code !== lang))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        <div className="field-row">
          <div className="field field-short">
            <label htmlFor={`${id}-lang`}>{t('newNegotiation.languageCode')}</label>
            <input id={`${id}-lang`} value={newLanguage} maxLength={3} onChange={(event) => setNewLanguage(event.target.value)} />
          </div>
          <button type="button" className="button" onClick={addLanguage}>
            {t('newNegotiation.addLanguage')}
          </button>
        </div>
      </fieldset>

      {languages.map((lang) => (
        <div className="field" key={lang}>
          <label htmlFor={`${id}-title-${lang}`}>{t('newNegotiation.titleIn', { language: languageName(lang) })}</label>
          <input
            id={`${id}-title-${lang}`}
            lang={lang}
            required
            maxLength={300}
            value={title[lang] ?? ''}
            onChange={(event) => setTitle((current) => ({ ...current, [lang]: event.target.value }))}
          />
        </div>
      ))}

      <fieldset>
        <legend>{t('newNegotiation.participants')}</legend>
        <p className="hint">{t('newNegotiation.participantsHint')}</p>
        <h2>{t('newNegotiation.fromDirectory')}</h2>
        {directory.length === 0 ? (
          <p className="hint">{t('newNegotiation.noDirectory')}</p>
        ) : (
          <ul className="import-chips">
            {directory.map((participant) => (
              <li key={participant.code}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.includes(participant.code)}
                    onChange={(event) => setChosen(event.target.checked ? [...chosen, participant.code] : chosen.filter((code) => code !== participant.code))}
                  />
                  <span className="participant-badge" style={{ backgroundColor: participant.color }}>
                    {participant.code}
                  </span>{' '}
                  {localized(participant.name)}
                </label>
              </li>
            ))}
          </ul>
        )}
        {drafts.map((draft, index) => (
          <div className="field-row import-draft" key={index}>
            <div className="field field-code">
              <label htmlFor={`${id}-p${index}-code`}>{t('newNegotiation.code')}</label>
              <input
                id={`${id}-p${index}-code`}
                value={draft.code}
                maxLength={8}
                onChange={(event) => setDrafts(drafts.map((d, i) => (i === index ? { ...d, code: event.target.value.toUpperCase() } : d)))}
              />
            </div>
            <div className="field field-color">
              <label htmlFor={`${id}-p${index}-color`}>{t('newNegotiation.color')}</label>
              <input
                id={`${id}-p${index}-color`}
                type="color"
                value={draft.color}
                onChange={(event) => setDrafts(drafts.map((d, i) => (i === index ? { ...d, color: event.target.value.toUpperCase() } : d)))}
              />
            </div>
            {languages.map((lang) => (
              <div className="field field-name" key={lang}>
                <label htmlFor={`${id}-p${index}-${lang}`}>{t('newNegotiation.nameIn', { language: languageName(lang) })}</label>
                <input
                  id={`${id}-p${index}-${lang}`}
                  lang={lang}
                  value={draft.name[lang] ?? ''}
                  maxLength={300}
                  onChange={(event) => setDrafts(drafts.map((d, i) => (i === index ? { ...d, name: { ...d.name, [lang]: event.target.value } } : d)))}
                />
              </div>
            ))}
            <button type="button" className="button button-quiet" onClick={() => setDrafts(drafts.filter((_, i) => i !== index))}>
              {t('newNegotiation.removeParticipant', { code: draft.code || '…' })}
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => setDrafts([...drafts, { code: '', name: {}, color: '#1D4E89' }])}>
          {t('newNegotiation.newParticipant')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('newNegotiation.members')}</legend>
        <p className="hint">{t('newNegotiation.membersHint')}</p>
        {members.map((member, index) => (
          <div className="field-row" key={index}>
            <div className="field">
              <label htmlFor={`${id}-m${index}-email`}>{t('newNegotiation.email')}</label>
              <input
                id={`${id}-m${index}-email`}
                type="email"
                value={member.email}
                onChange={(event) => setMembers(members.map((m, i) => (i === index ? { ...m, email: event.target.value } : m)))}
              />
            </div>
            <div className="field field-short">
              <label htmlFor={`${id}-m${index}-role`}>{t('newNegotiation.role')}</label>
              <select
                id={`${id}-m${index}-role`}
                value={member.role}
                onChange={(event) => setMembers(members.map((m, i) => (i === index ? { ...m, role: event.target.value as Role } : m)))}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
            </div>
            {(member.role === 'delegate' || member.role === 'legal_reviewer') && (
              <div className="field field-short">
                <label htmlFor={`${id}-m${index}-participant`}>{t('newNegotiation.participant')}</label>
                <select
                  id={`${id}-m${index}-participant`}
                  value={member.participant}
                  onChange={(event) => setMembers(members.map((m, i) => (i === index ? { ...m, participant: event.target.value } : m)))}
                >
                  <option value="">{t('newNegotiation.noParticipant')}</option>
                  {participantCodes.map((code) => (
                    <option key={code} value={code}>
                      {code}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <button type="button" className="button button-quiet" onClick={() => setMembers(members.filter((_, i) => i !== index))}>
              {t('newNegotiation.removeMember', { email: member.email || '…' })}
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => setMembers([...members, { email: '', role: 'delegate', participant: '' }])}>
          {t('newNegotiation.addMember')}
        </button>
      </fieldset>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('newNegotiation.creating') : t('newNegotiation.create')}
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
