/**
 * How many of my changes the server has not yet confirmed as stored — within the standard y-websocket
 * protocol, which has no acknowledgements. The server handles a connection's messages in order and
 * answers a sync step 1 only once everything it has received so far is committed to the database
 * (server/src/collab/collab-document.ts, answerStep1). So an answer to a step 1 sent after my changes
 * says they are stored: a confirmation.
 *
 * One request at a time, a moment after the last change: the server answers a connection's step 1 a few
 * at once and then one per interval, keeping only the newest waiting request (step1-budget.ts), so a
 * second request in flight could replace the first and its answer never come.
 */

/** How long after a change the confirmation is asked for (typing goes on meanwhile). */
const ASK_AFTER_MS = 400;
/** Edits this close together are one change to a person (a word typed), as undo groups them. */
const ONE_CHANGE_MS = 1_000;

export interface SaveTrackerPort {
  /** Sends a sync step 1 on the open connection. */
  sendStep1(): void;
  /** The first sync of this connection is done and my own step 2 (what I had offline) was sent. */
  ready(): boolean;
}

export class SaveTracker {
  /** My changes counted since the copy was made (with those a previous page left unconfirmed). */
  private made = 0;
  private confirmed = 0;
  /** The step 1 requests in flight on this connection, oldest first: the count each confirms (null: the provider's own). */
  private waiting: Array<number | null> = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The count the newest request asked to confirm: a change it covers must not grow afterwards. */
  private askedThrough = 0;
  private lastChangeAt = -Infinity;
  /** The server refused this connection's writes: nothing is confirmed until the next connection. */
  private stopped = false;
  private destroyed = false;

  constructor(
    private readonly port: SaveTrackerPort,
    private readonly onChange: (unsaved: number) => void,
  ) {}

  get unsaved(): number {
    return this.made - this.confirmed;
  }

  /** Changes a previous page made and the server had not confirmed (kept in the local copy). */
  restore(count: number): void {
    if (count <= 0) return;
    this.made += count;
    this.notify();
    this.schedule();
  }

  /** A change of mine was made to the document. */
  changed(now = Date.now()): void {
    if (this.destroyed) return;
    const sameChange = now - this.lastChangeAt < ONE_CHANGE_MS && this.made > this.askedThrough && this.made > this.confirmed;
    this.lastChangeAt = now;
    if (!sameChange) {
      this.made += 1;
      this.notify();
    }
    this.schedule();
  }

  /** A connection opened: y-websocket sends its own step 1 first. */
  opened(): void {
    this.clearTimer();
    this.waiting = [null];
    this.stopped = this.destroyed;
  }

  /** The connection closed: answers to what was asked on it will never come. */
  closed(): void {
    this.clearTimer();
    this.waiting = [];
  }

  /** The server answered a step 1 (a sync step 2 arrived). */
  answered(): void {
    const confirms = this.waiting.shift();
    if (confirms !== undefined && confirms !== null && confirms > this.confirmed && !this.stopped) {
      this.confirmed = confirms;
      this.notify();
    }
    this.schedule();
  }

  /** The first sync of a connection completed: ask about what is still unconfirmed. */
  synced(): void {
    this.schedule();
  }

  /**
   * The server will store none of my changes any more (it refused this connection's writes): what is
   * unconfirmed is not saved, and later answers must not be read as confirmations.
   */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.made = this.confirmed;
    this.notify();
  }

  destroy(): void {
    this.destroyed = true;
    this.stopped = true;
    this.clearTimer();
  }

  private schedule(): void {
    if (this.stopped || this.timer || this.unsaved === 0 || this.waiting.length > 0 || !this.port.ready()) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopped || this.unsaved === 0 || this.waiting.length > 0 || !this.port.ready()) return;
      this.waiting.push(this.made);
      this.askedThrough = this.made;
      this.port.sendStep1();
    }, ASK_AFTER_MS);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private notify(): void {
    this.onChange(this.unsaved);
  }
}
