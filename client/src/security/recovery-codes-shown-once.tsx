/** Ten recovery codes, shown this once: the server keeps only their hashes. */
import { useTranslation } from 'react-i18next';

export function RecoveryCodesShownOnce({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const { t } = useTranslation('second-factor');
  return (
    <div className="recovery-codes" role="region" aria-label={t('settings.recovery.title')}>
      <p className="notice">{t('settings.recovery.shownOnce')}</p>
      <ol className="recovery-code-list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={onDone}>
        {t('settings.recovery.saved')}
      </button>
    </div>
  );
}
