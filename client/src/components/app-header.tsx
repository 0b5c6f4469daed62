/** The top bar: the app, my notifications, the person (name and role here), the language switch, signing out. */
import { useTranslation } from 'react-i18next';
import { Link, navigate, paths } from '../app/router';
import { useSession } from '../app/session';
import type { Role } from '../../../shared/src/policy';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from '../notifications/notification-bell';

export interface HeaderRole {
  role: Role | null;
  participantCode?: string | null;
  participantColor?: string | null;
}

export function AppHeader({ documentRole }: { documentRole?: HeaderRole }) {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.user;

  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('common:header.skipToContent')}
      </a>
      <Link href={paths.documents()} className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('common:appName')}</span>
      </Link>
      <nav aria-label={t('common:header.mainNavigation')} className="header-nav">
        {user && <Link href={paths.documents()}>{t('common:header.myNegotiations')}</Link>}
        <Link href={paths.verify()}>{t('common:header.verify')}</Link>
        {user?.isAdmin && <Link href={paths.administration()}>{t('identity:admin.link')}</Link>}
      </nav>
      <div className="header-end">
        {user && <NotificationBell userId={user.id} />}
        {user && (
          <div className="header-person">
            {/* Two lines fit the header's height: the name with the Security link, then the role. */}
            <span className="person-line">
              <span className="person-name">{user.displayName}</span>
              <Link href={paths.security()} className="person-security">
                {t('security:menuLink')}
              </Link>
            </span>
            {documentRole?.role ? (
              <span className="person-role">
                {documentRole.participantCode
                  ? t('common:header.roleWithParticipant', { role: t(`common:roles.${documentRole.role}`), participant: documentRole.participantCode })
                  : t(`common:roles.${documentRole.role}`)}
              </span>
            ) : user.isAdmin ? (
              <span className="person-role">{t('common:roles.admin')}</span>
            ) : null}
          </div>
        )}
        <LanguageSwitch />
        {user && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              // Stays when the person chose to keep unsaved changes; a failed logout still ends the session here.
              const toSignIn = () => navigate(paths.signin(), { replace: true });
              void session.signOut().then((signedOut) => signedOut && toSignIn(), toSignIn);
            }}
          >
            {t('common:header.signOut')}
          </button>
        )}
      </div>
    </header>
  );
}
