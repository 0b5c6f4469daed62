/**
 * Latencies in a fixed histogram (0.05 ms buckets up to 30 s, the rest in one overflow bucket),
 * so millions of samples cost a few megabytes and percentiles are exact to the bucket.
 */
const BUCKET_MS = 0.05;
const BUCKETS = 30_000 / BUCKET_MS;

export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS + 1);
  count = 0;
  max = 0;
  private sum = 0;

  record(ms: number): void {
    const bucket = Math.min(BUCKETS, Math.max(0, Math.floor(ms / BUCKET_MS)));
    this.counts[bucket] += 1;
    this.count += 1;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  get mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }

  /** The upper edge of the bucket holding the q-quantile (q in [0, 1]). */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.ceil(q * this.count);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i += 1) {
      seen += this.counts[i];
      if (seen >= rank) return i === BUCKETS ? this.max : (i + 1) * BUCKET_MS;
    }
    return this.max;
  }
}
