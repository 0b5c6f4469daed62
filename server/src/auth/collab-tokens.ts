import type { Queryable } from '../db/queryable';
import { randomToken, tokenHash } from './tokens';

/** A short-lived, single-use ticket for one collab upgrade, bound to a session, its user and a document. */
export async function issueCollabToken(
  db: Queryable,
  grant: { sessionId: string; userId: string; documentId: string; seconds: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const { rows } = await db.query<{ expires_at: Date }>(
    `INSERT INTO collab_tokens (token_hash, session_id, user_id, document_id, expires_at)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) RETURNING expires_at`,
    [tokenHash(token), grant.sessionId, grant.userId, grant.documentId, grant.seconds],
  );
  // Spent and expired tickets are of no further use; clearing them here keeps the table small.
  await db.query(`DELETE FROM collab_tokens WHERE expires_at < now() - interval '1 hour'`);
  return { token, expiresAt: rows[0].expires_at };
}

/** Spends a ticket for `documentId`; returns the session it was issued to, or null (unknown, spent, expired, other document). */
export async function consumeCollabToken(db: Queryable, token: string, documentId: string): Promise<{ sessionId: string; userId: string } | null> {
  const { rows } = await db.query<{ session_id: string; user_id: string }>(
    `UPDATE collab_tokens SET used_at = now()
      WHERE token_hash = $1 AND document_id = $2 AND used_at IS NULL AND expires_at > now()
      RETURNING session_id, user_id`,
    [tokenHash(token), documentId],
  );
  return rows[0] ? { sessionId: rows[0].session_id, userId: rows[0].user_id } : null;
}
