/**
 * /account/security: the signed-in person's own security — where they are signed in (end a session,
 * or every session but this one), their password, and what happened to their account lately.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityEventView, OwnSession } from '../../../shared/src/api/security';
import { listIdentityEvents, listOwnSessions } from '../api/security';
import { AppHeader } from '../components/app-header';
import { Loading, ScreenError } from '../components/status-views';
import { SessionsSection } from './sessions-section';
import { PasswordChangeSection } from './password-change-section';
import { IdentityEventsSection } from './identity-events-section';
import { SecondFactorsSection } from './second-factors';

export function SecurityPage() {
  const { t } = useTranslation();
  const [sessions, setSessions] = useState<OwnSession[] | null>(null);
  const [events, setEvents] = useState<IdentityEventView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let cancelled = false;
    Promise.all([listOwnSessions(), listIdentityEvents()]).then(
      ([s, e]) => {
        if (cancelled) return;
        setSessions(s.sessions);
        setEvents(e.events);
        setError(null);
      },
      (failure: unknown) => {
        if (!cancelled) setError(failure);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [version]);

  useEffect(() => {
    document.title = `${t('security:title')} · ${t('common:appName')}`;
  }, [t]);

  return (
    <>
      <AppHeader />
      <main id="main" className="page security-page">
        <h1>{t('security:title')}</h1>
        <p className="lead">{t('security:intro')}</p>
        {error ? (
          <ScreenError error={error} onRetry={reload} />
        ) : !sessions || !events ? (
          <Loading />
        ) : (
          <>
            <SessionsSection sessions={sessions} onChanged={reload} />
            <PasswordChangeSection onChanged={reload} />
            <SecondFactorsSection onChanged={reload} />
            <IdentityEventsSection events={events} />
          </>
        )}
      </main>
    </>
  );
}
