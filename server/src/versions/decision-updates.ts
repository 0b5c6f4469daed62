/**
 * Which stored update each decision on a proposal committed (migrations/010_proposal_decision_update.sql),
 * so the redline can say that a change came from accepting a proposal — proposed by its sponsor,
 * accepted by the secretariat — rather than from "the server".
 *
 * The link is exact: the decision's Yjs transaction produces one update, the gateway stores those very
 * bytes as one row of document_updates (collab-document.ts appends what the `update` event gives), and
 * once the write has resolved that row is committed. Two updates never have the same bytes: each
 * carries the items it inserts under the server's client id and clock, or the exact items it deletes,
 * which no later update can delete again.
 */
import type * as Y from 'yjs';
import type { Queryable } from '../db/queryable';
import type { ApplyChange } from '../collab/live-documents';

/** Applies `change` through the gateway and hands back the Yjs update its transaction produced (null: it changed nothing). */
export function applyCapturingUpdate<R>(apply: ApplyChange, change: (doc: Y.Doc) => R): { result: R; update: Uint8Array | null } {
  let update: Uint8Array | null = null;
  let watched: Y.Doc | null = null;
  const capture = (bytes: Uint8Array) => {
    update = bytes;
  };
  try {
    const result = apply((doc) => {
      watched = doc;
      doc.on('update', capture);
      return change(doc);
    });
    return { result, update };
  } finally {
    (watched as Y.Doc | null)?.off('update', capture);
  }
}

/** Records the stored row of a decision's update on its proposal; the update must be committed. */
export async function recordDecisionUpdate(db: Queryable, documentId: string, proposalId: string, update: Uint8Array): Promise<void> {
  await db.query(
    `UPDATE proposals SET decided_update_id = (
        SELECT id FROM document_updates WHERE document_id = $1 AND origin = 'server' AND update = $3 ORDER BY id DESC LIMIT 1)
      WHERE document_id = $1 AND id = $2`,
    [documentId, proposalId, Buffer.from(update.buffer, update.byteOffset, update.byteLength)],
  );
}

export interface DecisionRow {
  id: string;
  status: 'accepted' | 'rejected' | 'withdrawn';
  sponsor_participant_id: string | null;
  decided_by: string | null;
  decider_name: string | null;
  decided_at: Date;
  decided_update_id: string;
  cosponsor_ids: string[] | null;
}

/** The decisions whose update lies in (fromUpdateId, toUpdateId], with their sponsors and co-sponsors. */
export async function decisionsBetween(db: Queryable, documentId: string, fromUpdateId: number, toUpdateId: number): Promise<DecisionRow[]> {
  if (toUpdateId <= fromUpdateId) return [];
  const { rows } = await db.query<DecisionRow>(
    `SELECT p.id, p.status, p.sponsor_participant_id, p.decided_by, u.display_name AS decider_name, p.decided_at, p.decided_update_id,
            (SELECT array_agg(c.participant_id::text ORDER BY c.created_at) FROM proposal_cosponsors c
              WHERE c.document_id = p.document_id AND c.proposal_id = p.id) AS cosponsor_ids
       FROM proposals p LEFT JOIN users u ON u.id = p.decided_by
      WHERE p.document_id = $1 AND p.decided_update_id > $2 AND p.decided_update_id <= $3 AND p.status <> 'open'
      ORDER BY p.decided_update_id`,
    [documentId, fromUpdateId, toUpdateId],
  );
  return rows;
}
