/**
 * How often one connection has its sync step 1 answered. The answer is everything the client lacks —
 * the whole document for an empty state vector — so a few bytes of requests could otherwise ask for
 * megabytes of answers. An honest client sends one per connection; a few are answered at once, then one
 * per refill interval, and meanwhile only the newest request is kept and answered when its turn comes.
 */
export const STEP1_LIMITS = {
  /** Requests answered at once. */
  burst: 3,
  /** One more request may be answered each interval. */
  refillMs: 5000,
} as const;

export class Step1Budget {
  private tokens: number = STEP1_LIMITS.burst;
  private refilledAt = Date.now();
  private held: Uint8Array | null = null;
  private timer: NodeJS.Timeout | null = null;

  /** Answers now when a request is left in the budget, or keeps the newest one to answer when the next is. */
  request(stateVector: Uint8Array, answer: (stateVector: Uint8Array) => void): void {
    this.refill(Date.now());
    if (this.tokens >= 1 && this.timer === null) {
      this.tokens -= 1;
      answer(stateVector);
      return;
    }
    this.held = stateVector;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      const held = this.held;
      this.held = null;
      if (held) this.request(held, answer);
    }, this.nextIn());
    this.timer.unref();
  }

  /** Forgets a request still held (the connection closed). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.held = null;
  }

  private nextIn(): number {
    return Math.max(1, STEP1_LIMITS.refillMs - (Date.now() - this.refilledAt));
  }

  private refill(now: number): void {
    const earned = Math.floor((now - this.refilledAt) / STEP1_LIMITS.refillMs);
    if (earned <= 0) return;
    this.tokens = Math.min(STEP1_LIMITS.burst, this.tokens + earned);
    this.refilledAt = this.tokens === STEP1_LIMITS.burst ? now : this.refilledAt + earned * STEP1_LIMITS.refillMs;
  }
}
