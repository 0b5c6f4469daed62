/**
 * The activity feed: what happened in the negotiation, newest first, as far as this person may see.
 * While it is open it follows the negotiation (activity-store.ts): what happens elsewhere appears on top.
 */
import { useId, useMemo, useState } from 'react';
import { RestoreButton } from './restore-button';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../app/error-message';
import { formatDateTime, localized } from '../app/format';
import { useLive } from '../realtime/use-live';
import { fetchActivity } from './versions-api';
import { ActivityStore } from './activity-store';
import type { ActivityEvent } from '../../../shared/src/api/versions';
import { delegationTag, type RosterMember } from '../app/delegation';

export interface ActivityFeedProps {
  documentId: string;
  /** Labels for clause ids ("Article 3") and Participant names, from the workspace. */
  clauseLabel?(clauseId: string): string;
  participants?: ReadonlyArray<{ id: string; name: Record<string, string>; code?: string }>;
  /** The members, so each actor's name stands with their delegation (app/delegation.ts). */
  members?: readonly RosterMember[];
  /** Restoring a clause whose deletion the feed shows: given when this person may change the structure. */
  restore?: { isDeleted(clauseId: string): boolean; run(clauseId: string, afterId: string | null): Promise<void> };
}

export function ActivityFeed({ documentId, clauseLabel, participants = [], members = [], restore }: ActivityFeedProps) {
  const { t, i18n } = useTranslation('versions');
  const errorMessage = useErrorMessage();
  const store = useMemo(() => new ActivityStore(documentId, (before, signal) => fetchActivity(documentId, before, signal)), [documentId]);
  const activity = useLive(store);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailure, setMoreFailure] = useState<unknown>(null);
  const id = useId();
  const { events, nextBefore: next } = activity;
  // A refresh that fails leaves the feed as it was (the next event tries again): only a feed that never loaded says so.
  const failure = activity.status === 'error' ? activity.error : moreFailure;
  const error = failure ? errorMessage(failure) : null;

  const more = async () => {
    setLoadingMore(true);
    setMoreFailure(null);
    try {
      await store.more();
    } catch (caught) {
      setMoreFailure(caught);
    } finally {
      setLoadingMore(false);
    }
  };

  const actorName = (actor: { id: string; displayName: string }) => {
    const tag = delegationTag(
      actor,
      members,
      participants.flatMap((p) => (p.code ? [{ id: p.id, code: p.code }] : [])),
    );
    if (!tag) return actor.displayName;
    const delegation = tag.kind === 'participant' ? tag.code : t(`common:roles.${tag.role}`);
    return t('workspace:presence.nameWithParticipant', { name: actor.displayName, participant: delegation });
  };

  const sentence = (event: ActivityEvent) => {
    const subject = event.subject as Record<string, string | undefined>;
    const participant = participants.find((p) => p.id === subject.participantId);
    const values = {
      actor: event.actor ? actorName(event.actor) : t('activity.server'),
      clause: subject.clauseId ? (clauseLabel?.(subject.clauseId) ?? subject.clauseId) : '',
      participant: participant ? localized(participant.name) : '',
      name: subject.name ?? '',
      phase: subject.phase === 'drafting' || subject.phase === 'negotiation' ? t(`proposals:phase.inSentence.${subject.phase}`) : '',
      action: event.action,
      // numbering.renumbered: "3 bis → 4, 5 → —" (numbers only, the same in every language).
      changes: subject.summary ?? '',
    };
    const key =
      event.action === 'version.created' && subject.kind === 'automatic'
        ? 'version.created_automatic'
        : event.action === 'clause.approved' && event.subject.adReferendum === true
          ? 'clause.approved_ad_referendum'
          : event.action === 'clause.approved' && typeof event.subject.packageId === 'string'
            ? 'clause.approved_conditional'
            : event.action;
    return i18n.exists(`versions:activity.actions.${key}`) ? t(`activity.actions.${key}`, values) : t('activity.actions.other', values);
  };

  return (
    <section className="activity-feed" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('activity.title')}</h2>
      {error && <p role="alert">{error}</p>}
      {activity.status === 'ready' && events.length === 0 && !error && <p>{t('activity.empty')}</p>}
      <ol className="activity-events">
        {events.map((event) => (
          <li key={event.id} className={`activity-event activity-${event.action.replace(/[._]/g, '-')}`}>
            <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time> {sentence(event)}
            {restore && event.action === 'clause.deleted' && typeof event.subject.clauseId === 'string' && restore.isDeleted(event.subject.clauseId) && (
              <>
                {' '}
                <RestoreButton
                  label={t('activity.restore', { clause: clauseLabel?.(event.subject.clauseId) ?? event.subject.clauseId })}
                  run={() => restore.run(event.subject.clauseId as string, typeof event.subject.afterId === 'string' ? event.subject.afterId : null)}
                />
              </>
            )}
          </li>
        ))}
      </ol>
      {next && (
        <button type="button" className="button" disabled={loadingMore} onClick={() => void more()}>
          {t('activity.more')}
        </button>
      )}
    </section>
  );
}
