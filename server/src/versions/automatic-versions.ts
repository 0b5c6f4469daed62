/**
 * Automatic versions: at least one a day while the text changes. Every hour, each draft whose text
 * changed since its latest version (of any kind), and whose latest version is a day old or more (or
 * which has none), gets an automatic version. A failure is logged and retried on the next tick.
 */
import type { AppContext } from '../context';
import { createVersion } from '../commands/create-version';
import type { ExclusiveRunner } from '../collab/document-registry';

export const AUTOMATIC_VERSION_EVERY_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** The drafts due for an automatic version at `now`. */
export async function documentsDueForVersion(ctx: AppContext, now: Date): Promise<string[]> {
  const { rows } = await ctx.pool.query<{ id: string }>(
    `SELECT d.id FROM documents d
       LEFT JOIN LATERAL (SELECT through_update_id, created_at FROM document_versions v WHERE v.document_id = d.id ORDER BY seq DESC LIMIT 1) v ON true
      WHERE d.status = 'draft'
        AND EXISTS (SELECT 1 FROM document_updates u WHERE u.document_id = d.id AND u.id > coalesce(v.through_update_id, 0))
        AND (v.created_at IS NULL OR v.created_at <= $1::timestamptz - make_interval(secs => $2))
      ORDER BY d.id`,
    [now.toISOString(), AUTOMATIC_VERSION_EVERY_MS / 1000],
  );
  return rows.map((r) => r.id);
}

/** Takes the automatic versions due at `now`; returns the documents versioned. */
export async function takeAutomaticVersions(ctx: AppContext, now: Date = new Date()): Promise<string[]> {
  const taken: string[] = [];
  for (const documentId of await documentsDueForVersion(ctx, now)) {
    try {
      await createVersion(ctx, { documentId, kind: 'automatic', name: null, userId: null });
      taken.push(documentId);
    } catch (err) {
      ctx.log.error({ err, documentId }, 'automatic version failed; retried on the next check');
    }
  }
  return taken;
}

/** Starts the hourly check; the returned function stops it (and waits for a check under way). */
export function startAutomaticVersions(ctx: AppContext, exclusive: ExclusiveRunner | null = null): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    // Several nodes: the one holding the job's advisory lock checks; the others skip this tick.
    running = (exclusive ? exclusive('automatic-versions', () => takeAutomaticVersions(ctx)) : takeAutomaticVersions(ctx))
      .catch((err: unknown) => ctx.log.error({ err }, 'automatic versions check failed'))
      .finally(() => {
        running = null;
      });
  }, CHECK_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
