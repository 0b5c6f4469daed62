/** Which kinds of notification also come to me by mail (in my interface language). */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/src/api/notifications';
import { fetchNotificationPreferences, saveNotificationPreferences } from './notifications-api';

export function MailPreferencesForm() {
  const { t } = useTranslation();
  const [mail, setMail] = useState<Record<NotificationKind, boolean> | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    fetchNotificationPreferences(abort.signal).then(
      (answer) => setMail(answer.mail),
      (err: Error) => {
        if (err.name !== 'AbortError') setError(t('notifications:preferences.loadFailed'));
      },
    );
    return () => abort.abort();
  }, [t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mail) return;
    setState('saving');
    setError(null);
    saveNotificationPreferences({ mail }).then(
      (answer) => {
        setMail(answer.mail);
        setState('saved');
      },
      (err: Error) => {
        setState('idle');
        setError(t('notifications:panel.actionFailed', { message: err.message }));
      },
    );
  };

  return (
    <form className="mail-preferences" onSubmit={submit}>
      <p className="mail-preferences-intro">{t('notifications:preferences.intro')}</p>
      {mail && (
        <fieldset>
          <legend>{t('notifications:preferences.legend')}</legend>
          {NOTIFICATION_KINDS.map((kind) => (
            <label key={kind} className="mail-preference">
              <input
                type="checkbox"
                name={kind}
                checked={mail[kind]}
                onChange={(event) => {
                  setMail({ ...mail, [kind]: event.target.checked });
                  setState('idle');
                }}
              />
              {t(`notifications:preferences.kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p className="notification-failure" role="alert">
          {error}
        </p>
      )}
      <div className="mail-preferences-actions">
        <button type="submit" className="button" disabled={!mail || state === 'saving'}>
          {state === 'saving' ? t('notifications:preferences.saving') : t('notifications:preferences.save')}
        </button>
        <span role="status">{state === 'saved' ? t('notifications:preferences.saved') : ''}</span>
      </div>
    </form>
  );
}
