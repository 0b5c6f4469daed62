/** What happened to my account lately: sign-ins and their failures, passwords, sessions ended. */
import { useTranslation } from 'react-i18next';
import type { IdentityEventView } from '../../../shared/src/api/security';
import { formatDateTime } from '../app/format';

/** Reasons the page has words for (security.json events.reason); any other is not shown. */
const REASONS = new Set(['wrong_password', 'account_disabled', 'too_many_attempts', 'signed_out', 'ended_by_owner']);

export function IdentityEventsSection({ events }: { events: IdentityEventView[] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="security-events-heading">
      <h2 id="security-events-heading">{t('security:events.heading')}</h2>
      {events.length === 0 ? (
        <p className="empty">{t('security:events.none')}</p>
      ) : (
        <table className="data-table security-events">
          <thead>
            <tr>
              <th scope="col">{t('security:events.when')}</th>
              <th scope="col">{t('security:events.what')}</th>
              <th scope="col">{t('security:events.where')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(event.occurredAt)}</td>
                <td>
                  {event.by && event.action === 'password.reset_requested'
                    ? t('security:events.password.reset_requested_by', { name: event.by })
                    : t(`security:events.${event.action}`)}
                  {event.reason && REASONS.has(event.reason) && <span className="muted"> — {t(`security:events.reason.${event.reason}`)}</span>}
                </td>
                <td>{event.address ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
