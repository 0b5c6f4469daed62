/**
 * Yjs clientIDs claimed through PostgreSQL, for several nodes (migrations/021_client_id_claims.sql).
 * On one node the claim map of the live copy (collab/client-ids.ts) is enough; with several, two
 * people on two nodes could each claim one clientID in their node's map. So a node asks PostgreSQL the
 * first time it sees a clientID written in a document: the INSERT … ON CONFLICT is atomic, and what it
 * returns is the owner every node agrees on. The answer is cached in the copy's map, so only a first
 * write with a clientID costs a round trip.
 */
import type pg from 'pg';

/** Claims `clients` for `owner` where nobody holds them; resolves with every one's owner as stored. */
export type DurableClaim = (documentId: string, owner: string, clients: readonly number[]) => Promise<Map<number, string>>;

export function durableClientIdClaims(pool: pg.Pool): DurableClaim {
  return async (documentId, owner, clients) => {
    // DO UPDATE to the same owner (not DO NOTHING) so the row already there is returned too, unchanged.
    const { rows } = await pool.query<{ client_id: string; owner: string }>(
      `INSERT INTO client_id_claims (document_id, client_id, owner)
         SELECT $1, c, $3 FROM unnest($2::bigint[]) AS c
       ON CONFLICT (document_id, client_id) DO UPDATE SET owner = client_id_claims.owner
       RETURNING client_id, owner`,
      [documentId, clients.map(String), owner],
    );
    return new Map(rows.map((row) => [Number(row.client_id), row.owner]));
  };
}
