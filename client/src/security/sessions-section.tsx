/** Where I am signed in: each session with its browser, address and times; end one, or all but this one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnSession } from '../../../shared/src/api/security';
import { endOtherSessions, endOwnSession } from '../api/security';
import { formatDateTime } from '../app/format';
import { useErrorMessage } from '../app/error-message';
import { useToasts } from '../components/toasts';
import { describeBrowser } from './describe-browser';

export function SessionsSection({ sessions, onChanged }: { sessions: OwnSession[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const others = sessions.filter((s) => !s.current).length;

  async function run(work: () => Promise<string>) {
    setBusy(true);
    try {
      toasts.show({ message: await work() });
      onChanged();
    } catch (failure) {
      toasts.show({ message: errorMessage(failure), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="security-sessions-heading">
      <div className="section-heading">
        <h2 id="security-sessions-heading">{t('security:sessions.heading')}</h2>
        <button
          type="button"
          className="button"
          disabled={busy || others === 0}
          onClick={() => void run(async () => t('security:sessions.signOutEverywhereDone', { count: (await endOtherSessions()).ended }))}
        >
          {t('security:sessions.signOutEverywhere')}
        </button>
      </div>
      <p className="lead">{t('security:sessions.intro')}</p>
      <table className="data-table security-sessions">
        <thead>
          <tr>
            <th scope="col">{t('security:sessions.device')}</th>
            <th scope="col">{t('security:sessions.address')}</th>
            <th scope="col">{t('security:sessions.started')}</th>
            <th scope="col">{t('security:sessions.lastSeen')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('members:actionsColumn')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const device = session.userAgent ? describeBrowser(session.userAgent) : t('security:sessions.unknownDevice');
            return (
              <tr key={session.id} data-session={session.current ? 'current' : 'other'}>
                <td title={session.userAgent ?? undefined}>{device}</td>
                <td>{session.address ?? t('security:sessions.unknownAddress')}</td>
                <td>{formatDateTime(session.startedAt)}</td>
                <td>{formatDateTime(session.lastSeenAt)}</td>
                <td className="buttons-cell">
                  {session.current ? (
                    <span className="status-chip">{t('security:sessions.current')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button-small"
                      disabled={busy}
                      aria-label={t('security:sessions.endLabel', { device })}
                      onClick={() =>
                        void run(async () => {
                          await endOwnSession(session.id);
                          return t('security:sessions.ended');
                        })
                      }
                    >
                      {t('security:sessions.end')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {others === 0 && <p className="hint">{t('security:sessions.onlyThisOne')}</p>}
    </section>
  );
}
