/** One click switches the interface between English and Spanish; the choice is remembered. */
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, uiLanguage, type UiLanguage } from '../app/i18n';
import { useSession } from '../app/session';
import { languageName } from '../app/format';
import { useToasts } from './toasts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const session = useSession();
  const toasts = useToasts();
  const current = uiLanguage();
  const other: UiLanguage = UI_LANGUAGES.find((lang) => lang !== current) ?? 'en';

  return (
    <button
      type="button"
      className="button button-quiet language-switch"
      lang={other}
      title={t('common:language.switchTo', { language: languageName(other, current) })}
      onClick={() => {
        session.setLanguage(other).catch(() => toasts.show({ message: t('common:language.notSaved'), tone: 'error' }));
      }}
    >
      {t(`common:language.name.${other}`)}
    </button>
  );
}
