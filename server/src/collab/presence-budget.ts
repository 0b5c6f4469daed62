/**
 * How much presence one person may send into one document, over all their connections to it: a few
 * client ids (one per tab is honest), and per second a bounded number of messages and of bytes as
 * applied and relayed to everyone. Over the rate a connection's newest state is held back and applied
 * when the window reopens (presence stays current, its cost bounded); a single message larger than a
 * whole second's bytes is dropped. Honest clients send a few hundred bytes a keystroke.
 */
import type { CollabDocument } from './collab-document';
import type { CollabConnection } from './connection';

export const PRESENCE_LIMITS = {
  /** Awareness client ids one person may introduce in one document (each open tab has one). */
  clientIdsPerUser: 8,
  messagesPerSecond: 20,
  bytesPerSecond: 64 * 1024,
} as const;

const WINDOW_MS = 1000;

/** One person's allowance in one document, shared by all their connections to it. */
export class PresenceBudget {
  private windowStart = 0;
  private messages = 0;
  private bytes = 0;

  /** Whether another message may be looked at in this window. */
  hasMessage(now: number): boolean {
    this.roll(now);
    return this.messages < PRESENCE_LIMITS.messagesPerSecond;
  }

  /** 'applied' counts the message and its bytes; 'held' when the window's bytes are spent; 'dropped' when no window could take it. */
  take(bytes: number, now: number): 'applied' | 'held' | 'dropped' {
    this.roll(now);
    if (bytes > PRESENCE_LIMITS.bytesPerSecond) return 'dropped';
    if (this.messages >= PRESENCE_LIMITS.messagesPerSecond || this.bytes + bytes > PRESENCE_LIMITS.bytesPerSecond) return 'held';
    this.messages += 1;
    this.bytes += bytes;
    return 'applied';
  }

  /** Milliseconds until the window reopens. */
  reopensIn(now: number): number {
    return Math.max(1, WINDOW_MS - (now - this.windowStart));
  }

  private roll(now: number): void {
    if (now - this.windowStart < WINDOW_MS) return;
    this.windowStart = now;
    this.messages = 0;
    this.bytes = 0;
  }
}

const budgets = new WeakMap<CollabDocument, Map<string, PresenceBudget>>();

/** Whose allowance a connection spends: its person's, or its own when it has nobody (development). */
function personOf(connection: CollabConnection): string {
  return connection.principal.userId ?? `connection:${connection.id}`;
}

export function presenceBudget(document: CollabDocument, connection: CollabConnection): PresenceBudget {
  let byPerson = budgets.get(document);
  if (!byPerson) budgets.set(document, (byPerson = new Map()));
  const person = personOf(connection);
  let budget = byPerson.get(person);
  if (!budget) {
    // Forget the allowances of people with no connection left, so the map stays as small as the room.
    const present = new Set([...document.connections].map(personOf));
    for (const key of byPerson.keys()) if (!present.has(key)) byPerson.delete(key);
    byPerson.set(person, (budget = new PresenceBudget()));
  }
  return budget;
}

/** Whether the connection's person may introduce one more awareness client id in this document. */
export function mayIntroduceClientId(document: CollabDocument, connection: CollabConnection): boolean {
  const person = personOf(connection);
  let ids = 0;
  for (const other of document.connections) if (personOf(other) === person) ids += other.awarenessClients.size;
  return ids < PRESENCE_LIMITS.clientIdsPerUser;
}
