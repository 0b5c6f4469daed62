/**
 * The activity feed of one document, on the shared live store: the newest page, then older pages on
 * request. While it is shown it follows the negotiation: an approval, a revocation, a confirmation, a
 * comment or a change of status reaching this client reads the newest page again (once such events
 * rest), and what is new goes on top — an event already shown is never shown twice.
 */
import { SocketEvent } from '../../../shared/src/protocol';
import type { ActivityEvent } from '../../../shared/src/api/versions';
import { aboutDocument, LiveStore, RELOAD, type Change } from '../realtime/live-store';

export interface ActivityPage {
  /** Newest first. */
  events: readonly ActivityEvent[];
  /** Where the next older page starts; null when there is none. */
  nextBefore: string | null;
}

/** How long events must rest before the newest page is read again. */
const REFRESH_AFTER_MS = 500;

export class ActivityStore extends LiveStore<ActivityPage> {
  constructor(
    readonly documentId: string,
    private readonly fetchPage: (before: string | null, signal?: AbortSignal) => Promise<ActivityPage>,
  ) {
    const about = (payload: { documentId: string }) => (aboutDocument(documentId, payload) ? RELOAD : null);
    super({
      initial: { events: [], nextBefore: null },
      load: (signal) => fetchPage(null, signal),
      merge: newestOnTop,
      events: {
        [SocketEvent.ApprovalRecorded]: about,
        [SocketEvent.ApprovalRevoked]: about,
        [SocketEvent.ConcordanceConfirmed]: about,
        [SocketEvent.CommentThreadChanged]: about,
        [SocketEvent.DocumentStatusChanged]: about,
      },
      settleMs: REFRESH_AFTER_MS,
    });
  }

  /** Reads the page before the oldest event held and puts it below. */
  async more(): Promise<void> {
    const before = this.getSnapshot().nextBefore;
    if (!before) return;
    this.apply(olderBelow(before, await this.fetchPage(before)));
  }
}

/** The newest page read again, over what is held: its unknown events on top, the older pages kept. */
export function newestOnTop(page: ActivityPage, held: ActivityPage): ActivityPage {
  if (held.events.length === 0) return page;
  const known = new Set(held.events.map((event) => event.id));
  const fresh = page.events.filter((event) => !known.has(event.id));
  return fresh.length === 0 ? held : { events: [...fresh, ...held.events], nextBefore: held.nextBefore };
}

/** An older page, below; ignored unless it is the page after the oldest held (a late or repeated answer). */
export const olderBelow =
  (before: string, page: ActivityPage): Change<ActivityPage> =>
  (held) => {
    if (held.nextBefore !== before) return held;
    const known = new Set(held.events.map((event) => event.id));
    return { events: [...held.events, ...page.events.filter((event) => !known.has(event.id))], nextBefore: page.nextBefore };
  };
