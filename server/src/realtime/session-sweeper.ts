import type { AppContext } from '../context';
import { endExpiredSessions, touchSessions } from '../auth/sessions';
import type { ExclusiveRunner } from '../collab/document-registry';

export const SWEEP_INTERVAL_MS = 15_000;

/**
 * Ends sessions past their idle or absolute timeout and tells every channel, so sockets opened with
 * them close. A session with an open socket.io connection is not idle: its person is there. With
 * several nodes, one at a time ends the expired sessions (`exclusive`: a PostgreSQL advisory lock);
 * every node touches the sessions of its own sockets.
 */
export async function sweepSessions(ctx: AppContext, liveSessionIds: () => string[], exclusive: ExclusiveRunner | null = null): Promise<void> {
  const expire = () => endExpiredSessions(ctx.pool, ctx.env);
  const ended = (exclusive ? await exclusive('session-sweep', expire) : await expire()) ?? [];
  for (const session of ended) ctx.events.emit('session.ended', { sessionId: session.id, userId: session.userId });
  if (ended.length > 0) ctx.log.info({ count: ended.length }, 'expired sessions ended');
  await touchSessions(ctx.pool, liveSessionIds());
}

export function startSessionSweeper(ctx: AppContext, liveSessionIds: () => string[], exclusive: ExclusiveRunner | null = null): { stop(): void } {
  let stopped = false;
  const timer = setInterval(() => {
    sweepSessions(ctx, liveSessionIds, exclusive).catch((err: unknown) => {
      if (!stopped) ctx.log.error({ err }, 'session sweep failed');
    });
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
