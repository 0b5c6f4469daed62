/**
 * The activity feed: what happened in the negotiation, newest first, as far as this person may see.
 * While it is open it follows the negotiation: when `revision` changes (an approval, a comment, a
 * confirmation reached this client), it reads the newest page again and puts what is new on top.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localized } from '../app/format';
import { fetchActivity } from './versions-api';
import { useRevisionRest } from './use-revision-rest';
import type { ActivityEvent } from '../../../shared/src/versions/version-api';

export interface ActivityFeedProps {
  documentId: string;
  /** Labels for clause ids ("Article 3") and Participant names, from the workspace. */
  clauseLabel?(clauseId: string): string;
  participants?: ReadonlyArray<{ id: string; name: Record<string, string> }>;
  /** Anything that changes when something worth an event happened; compared by identity. */
  revision?: unknown;
}

/** How long `revision` must rest before the newest events are read again. */
const REFRESH_AFTER_MS = 500;

export function ActivityFeed({ documentId, clauseLabel, participants = [], revision }: ActivityFeedProps) {
  const { t, i18n } = useTranslation('versions');
  const [events, setEvents] = useState<ActivityEvent[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const id = useId();

  const load = async (before: string | null, signal?: AbortSignal) => {
    setLoading(true);
    try {
      const page = await fetchActivity(documentId, before, signal);
      setEvents((held) => (before ? [...held, ...page.events] : page.events));
      setNext(page.nextBefore);
    } catch (caught) {
      if ((caught as Error).name !== 'AbortError') setError((caught as Error).message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
    // Reload only when the document changes.
  }, [documentId]);

  useRevisionRest(revision, REFRESH_AFTER_MS, (signal) => {
    fetchActivity(documentId, null, signal)
      .then((page) => setEvents((held) => {
        const known = new Set(held.map((event) => event.id));
        return [...page.events.filter((event) => !known.has(event.id)), ...held];
      }))
      .catch(() => undefined); // a refresh that fails leaves the feed as it was; the next change tries again
  });

  const sentence = (event: ActivityEvent) => {
    const subject = event.subject as Record<string, string | undefined>;
    const participant = participants.find((p) => p.id === subject.participantId);
    const values = {
      actor: event.actor?.displayName ?? t('activity.server'),
      clause: subject.clauseId ? (clauseLabel?.(subject.clauseId) ?? subject.clauseId) : '',
      participant: participant ? localized(participant.name) : '',
      name: subject.name ?? '',
      action: event.action,
    };
    const key = event.action === 'version.created' && subject.kind === 'automatic' ? 'version.created_automatic' : event.action;
    return i18n.exists(`versions:activity.actions.${key}`) ? t(`activity.actions.${key}`, values) : t('activity.actions.other', values);
  };

  return (
    <section className="activity-feed" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('activity.title')}</h2>
      {error && <p role="alert">{error}</p>}
      {!loading && events.length === 0 && !error && <p>{t('activity.empty')}</p>}
      <ol className="activity-events">
        {events.map((event) => (
          <li key={event.id} className={`activity-event activity-${event.action.replace(/[._]/g, '-')}`}>
            <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time> {sentence(event)}
          </li>
        ))}
      </ol>
      {next && <button type="button" className="button" disabled={loading} onClick={() => void load(next)}>{t('activity.more')}</button>}
    </section>
  );
}
