/**
 * A limit on mutating API requests (POST, PATCH, DELETE), per signed-in user and per address, so one
 * script or one runaway page cannot flood the negotiation for everyone. Counted in PostgreSQL through
 * rate-limiter-flexible's store (table `rate_limits`), so the limit holds across processes. Over the
 * limit: 429 `rate_limited` with Retry-After.
 */
import type { Request } from 'express';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppContext } from '../context';
import { AppError } from './errors';

/** Old windows are swept this often (a window that ended is reset by its next use anyway). */
const SWEEP_MS = 10 * 60_000;

/** A limiter counting in `rate_limits` under its own key prefix, per RATE_LIMIT_WINDOW_SECONDS. */
function postgresLimiter(ctx: Pick<AppContext, 'pool' | 'env'>, keyPrefix: string, points: number): RateLimiterPostgres {
  // Unnamed statements: the library names its prepared statements, and a named statement is bound to
  // the search_path of the session that prepared it (the embedded database is one session for all).
  const unnamed = { query: (q: { text: string; values?: unknown[] }) => ctx.pool.query(q.text, q.values) };
  return new RateLimiterPostgres({
    storeClient: unnamed,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: false,
    duration: ctx.env.RATE_LIMIT_WINDOW_SECONDS,
    keyPrefix,
    points,
  });
}

/**
 * A limit per client address on one costly public route (POST /api/verify: a file check is seconds of
 * a worker thread), on top of the limit every mutating request counts against. Over it: 429 with
 * the route's own code and Retry-After.
 */
export class AddressLimit {
  private readonly limiter: RateLimiterPostgres;

  constructor(
    private readonly ctx: Pick<AppContext, 'pool' | 'env' | 'log'>,
    keyPrefix: string,
    points: number,
    private readonly code: 'verify_rate_limited',
  ) {
    this.limiter = postgresLimiter(ctx, keyPrefix, points);
  }

  async consume(req: Request): Promise<void> {
    try {
      await this.limiter.consume(req.ip ?? 'unknown');
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        req.log.warn({ ip: req.ip, path: req.path, retryInSeconds: seconds }, 'request refused: rate limit');
        throw new AppError(this.code, { seconds });
      }
      this.ctx.log.error({ err }, 'rate limit could not be counted; request allowed');
    }
  }
}

export class MutationLimits {
  private readonly perUser: RateLimiterPostgres;
  private readonly perAddress: RateLimiterPostgres;
  private lastSweep = Date.now();

  constructor(private readonly ctx: Pick<AppContext, 'pool' | 'env' | 'log'>) {
    this.perUser = postgresLimiter(ctx, 'user', ctx.env.RATE_LIMIT_PER_USER);
    this.perAddress = postgresLimiter(ctx, 'address', ctx.env.RATE_LIMIT_PER_ADDRESS);
  }

  /** Counts one mutating request; throws 429 when the user or the address is over its limit. */
  async consume(req: Request, userId: string | null): Promise<void> {
    try {
      await this.perAddress.consume(req.ip ?? 'unknown');
      if (userId) await this.perUser.consume(userId);
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        req.log.warn({ userId, ip: req.ip, retryInSeconds: seconds }, 'request refused: rate limit');
        throw new AppError('rate_limited', { seconds });
      }
      // The store failed: refusing every change for it would stop the negotiation; the request goes on.
      this.ctx.log.error({ err }, 'rate limit could not be counted; request allowed');
    }
    if (Date.now() - this.lastSweep > SWEEP_MS) {
      this.lastSweep = Date.now();
      void this.ctx.pool
        .query('DELETE FROM rate_limits WHERE expire < $1', [Date.now()])
        .catch((err: unknown) => this.ctx.log.warn({ err }, 'sweeping old rate-limit windows failed'));
    }
  }
}
