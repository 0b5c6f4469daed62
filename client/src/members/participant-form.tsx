/** Add or edit a Participant: its code, its name in every document language, its color. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/src/api/participants';
import type { ParticipantInput } from '../api/members';
import { formatNumber, languageName } from '../app/format';
import { useErrorMessage } from '../app/error-message';
import { CODE_PATTERN, COLOR_PATTERN, contrastWithWhite } from './role-rules';

const MIN_CONTRAST = 4.5;

export function ParticipantForm({
  languages,
  initial,
  onSubmit,
  onCancel,
}: {
  languages: readonly string[];
  initial?: Participant;
  onSubmit: (input: ParticipantInput) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [code, setCode] = useState(initial?.code ?? '');
  const [names, setNames] = useState<Record<string, string>>(() => Object.fromEntries(languages.map((lang) => [lang, initial?.name[lang] ?? ''])));
  const [color, setColor] = useState(initial?.color ?? '#1D4E89');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const contrast = COLOR_PATTERN.test(color) ? contrastWithWhite(color) : 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmedCode = code.trim().toUpperCase();
    if (!CODE_PATTERN.test(trimmedCode)) {
      setError(t('members:participants.codeInvalid'));
      return;
    }
    const missing = languages.find((lang) => !names[lang]?.trim());
    if (missing) {
      setError(t('members:participants.nameMissing', { language: languageName(missing) }));
      return;
    }
    if (!COLOR_PATTERN.test(color)) {
      setError(t('members:participants.colorInvalid'));
      return;
    }
    if (contrast < MIN_CONTRAST) {
      setError(t('members:participants.colorTooLight'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ code: trimmedCode, name: Object.fromEntries(languages.map((lang) => [lang, names[lang].trim()])), color: color.toUpperCase() });
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{initial ? t('members:participants.editTitle', { code: initial.code }) : t('members:participants.addTitle')}</h3>
      <div className="field-row">
        <div className="field field-short">
          <label htmlFor={`${id}-code`}>{t('members:participants.code')}</label>
          <input
            id={`${id}-code`}
            required
            value={code}
            maxLength={8}
            autoCapitalize="characters"
            aria-describedby={`${id}-code-hint`}
            onChange={(event) => setCode(event.target.value.toUpperCase())}
          />
          <p className="hint" id={`${id}-code-hint`}>
            {t('members:participants.codeHint')}
          </p>
        </div>
        <div className="field field-short">
          <label htmlFor={`${id}-color`}>{t('members:participants.color')}</label>
          <div className="color-input">
            <input id={`${id}-color`} type="color" value={COLOR_PATTERN.test(color) ? color : '#000000'} onChange={(event) => setColor(event.target.value)} />
            <span className="participant-badge" style={{ backgroundColor: COLOR_PATTERN.test(color) ? color : undefined }}>
              {code || t('members:participants.codePreview')}
            </span>
          </div>
          <p className="hint" aria-live="polite">
            {t('members:participants.contrast', { ratio: formatNumber(Math.round(contrast * 10) / 10) })}
          </p>
        </div>
      </div>
      {languages.map((lang) => (
        <div className="field" key={lang}>
          <label htmlFor={`${id}-name-${lang}`}>{t('members:participants.nameIn', { language: languageName(lang) })}</label>
          <input
            id={`${id}-name-${lang}`}
            lang={lang}
            required
            value={names[lang] ?? ''}
            maxLength={300}
            onChange={(event) => setNames((current) => ({ ...current, [lang]: event.target.value }))}
          />
        </div>
      ))}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('common:actions.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  );
}
