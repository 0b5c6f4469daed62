/**
 * The browser's own copy of an open document (y-indexeddb), so that what a person typed survives a
 * closed tab, a crash or a lost connection and is sent on the next open. One IndexedDB database per
 * user and document; every database of a user is deleted when that user signs out on this device.
 *
 * The copy holds the whole Y.Doc (the server's text and mine); on the next open it is loaded before the
 * connection starts, so the sync handshake sends the server whatever it lacks. Beside it, the number of
 * my changes the server had not yet confirmed, to say so again on the next open until it does.
 */
import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';

const PREFIX = 'concordia:';
const UNSAVED_KEY = 'unsaved';
/** A browser that cannot open IndexedDB (a private window's quota, a policy) must not keep the document from opening. */
const LOAD_TIMEOUT_MS = 2_000;

export const localCopyName = (userId: string, documentId: string) => `${PREFIX}${userId}:${documentId}`;

export class LocalCopy {
  private readonly persistence: IndexeddbPersistence;
  private closed = false;

  constructor(userId: string, documentId: string, ydoc: Y.Doc) {
    this.persistence = new IndexeddbPersistence(localCopyName(userId, documentId), ydoc);
    rememberDatabase(userId, this.persistence.name);
  }

  /** Transactions the copy applied when loading (they are not new changes of mine). */
  isOrigin(origin: unknown): boolean {
    return origin === this.persistence;
  }

  /** Resolves with the number of unconfirmed changes stored last time, once the stored text is in the Y.Doc (or could not be read). */
  async load(): Promise<number> {
    const loaded = await Promise.race([
      this.persistence.whenSynced.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), LOAD_TIMEOUT_MS)),
    ]).catch(() => false);
    if (!loaded) return 0;
    const stored: unknown = await this.persistence.get(UNSAVED_KEY).catch(() => 0);
    return typeof stored === 'number' && Number.isInteger(stored) && stored > 0 ? stored : 0;
  }

  /** Keeps the count of changes not yet confirmed by the server, for the next open. */
  storeUnsaved(count: number): void {
    if (this.closed) return;
    void this.persistence.set(UNSAVED_KEY, count).catch(() => undefined);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.persistence.destroy();
  }

  /** Forgets the copy: it holds changes the server refused, which must not come back on the next open. */
  async discard(): Promise<void> {
    this.closed = true;
    await this.persistence.clearData().catch(() => undefined);
  }
}

/** Deletes every local copy of a user's documents on this device (sign-out). */
export async function deleteLocalCopies(userId: string): Promise<void> {
  const names = new Set(knownDatabases(userId));
  const listed = await indexedDB.databases?.().catch(() => []);
  for (const { name } of listed ?? []) if (name?.startsWith(`${PREFIX}${userId}:`)) names.add(name);
  // A copy still open (the workspace closing) is deleted as soon as it is closed: IndexedDB queues the request.
  for (const name of names) indexedDB.deleteDatabase(name);
  try {
    localStorage.removeItem(indexKey(userId));
  } catch {
    // Storage disabled: nothing was remembered there either.
  }
}

// Browsers without indexedDB.databases() still need to know what to delete: the names are kept beside.
const indexKey = (userId: string) => `${PREFIX}local-copies:${userId}`;

function knownDatabases(userId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(indexKey(userId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

function rememberDatabase(userId: string, name: string): void {
  const names = knownDatabases(userId);
  if (names.includes(name)) return;
  try {
    localStorage.setItem(indexKey(userId), JSON.stringify([...names, name]));
  } catch {
    // Storage full or disabled: indexedDB.databases() still finds it.
  }
}
