/**
 * Refusals are recorded, but a person repeating one cannot fill the audit chain with it: the first
 * refusal of a kind (same person, document, action, reason, channel and target) is recorded at once, and
 * repeats within the window are counted and recorded as one event when it ends (`repeated`, `firstAt`,
 * `lastAt`). A person gets a bounded number of immediate records per window over every kind, so varying
 * the target or the document only lengthens the aggregate list. The state is bounded too: past
 * MAX_KINDS kinds in flight, further refusals are only logged.
 */
import type pg from 'pg';

export const DENIAL_WINDOW_MS = 60_000;
/** Immediate records one person may cause per window, over every kind of refusal. */
export const MAX_IMMEDIATE_PER_PERSON = 10;
const MAX_KINDS = 10_000;

export interface DenialKind {
  userId: string | null;
  documentId: string | null;
  action: string;
  reason: string;
  channel: string;
  target: string;
}

export interface RepeatedDenials {
  repeated: number;
  firstAt: string;
  lastAt: string;
}

interface Pending {
  kind: DenialKind;
  windowStart: number;
  repeated: number;
  firstAt: number;
  lastAt: number;
  timer: NodeJS.Timeout | null;
}

export type DenialVerdict = 'record' | 'counted' | 'dropped';

export class DenialThrottle {
  private readonly pending = new Map<string, Pending>();
  private readonly immediate = new Map<string, { windowStart: number; count: number }>();

  /** `flushed` writes one aggregate event for the repeats of a kind; it is called when the window ends (or on `flush`). */
  constructor(
    private readonly flushed: (kind: DenialKind, repeats: RepeatedDenials) => Promise<void>,
    private readonly windowMs = DENIAL_WINDOW_MS,
  ) {}

  /** Whether this refusal is recorded now, counted into its kind's aggregate, or (state full) only logged. */
  note(kind: DenialKind, now = Date.now()): DenialVerdict {
    const key = keyOf(kind);
    const entry = this.pending.get(key);
    if (entry && now - entry.windowStart < this.windowMs) return this.count(entry, now);
    if (entry) this.pending.delete(key);
    if (this.pending.size >= MAX_KINDS) return 'dropped';
    const fresh: Pending = { kind, windowStart: now, repeated: 0, firstAt: now, lastAt: now, timer: null };
    this.pending.set(key, fresh);
    if (!this.takeImmediate(kind.userId ?? 'anonymous', now)) return this.count(fresh, now);
    // Forget the kind once its window ends with nothing repeated.
    fresh.timer = setTimeout(() => void this.end(key), this.windowMs);
    fresh.timer.unref();
    return 'record';
  }

  /** Writes every aggregate now (shutdown, tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((key) => this.end(key)));
  }

  private count(entry: Pending, now: number): DenialVerdict {
    if (entry.repeated === 0) entry.firstAt = now;
    entry.repeated += 1;
    entry.lastAt = now;
    if (!entry.timer) {
      const key = keyOf(entry.kind);
      entry.timer = setTimeout(() => void this.end(key), Math.max(1, entry.windowStart + this.windowMs - now));
      entry.timer.unref();
    }
    return 'counted';
  }

  private takeImmediate(person: string, now: number): boolean {
    let budget = this.immediate.get(person);
    if (!budget || now - budget.windowStart >= this.windowMs) {
      if (this.immediate.size >= MAX_KINDS) this.immediate.clear();
      budget = { windowStart: now, count: 0 };
      this.immediate.set(person, budget);
    }
    if (budget.count >= MAX_IMMEDIATE_PER_PERSON) return false;
    budget.count += 1;
    return true;
  }

  private async end(key: string): Promise<void> {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.pending.delete(key);
    if (entry.timer) clearTimeout(entry.timer);
    if (entry.repeated === 0) return;
    await this.flushed(entry.kind, {
      repeated: entry.repeated,
      firstAt: new Date(entry.firstAt).toISOString(),
      lastAt: new Date(entry.lastAt).toISOString(),
    });
  }
}

function keyOf(kind: DenialKind): string {
  return JSON.stringify([kind.userId, kind.documentId, kind.action, kind.reason, kind.channel, kind.target]);
}

const throttles = new WeakMap<pg.Pool, DenialThrottle>();

/** The throttle of one database (one per server; tests run several in one process). */
export function denialThrottleFor(pool: pg.Pool, create: () => DenialThrottle): DenialThrottle {
  let throttle = throttles.get(pool);
  if (!throttle) throttles.set(pool, (throttle = create()));
  return throttle;
}
