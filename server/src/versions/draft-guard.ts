import type { Queryable } from '../db/queryable';
import { AppError } from '../http/errors';

/**
 * For commands that change what the signed record is made of (the Participants) although their
 * policy action stays open on a frozen document (managing members and invitations): refuses with
 * 423 unless the document is a draft. The share lock makes a freeze wait for the command, and the
 * command wait for a freeze under way.
 */
export async function refuseUnlessDraft(db: Queryable, documentId: string): Promise<void> {
  const { rows } = await db.query<{ status: string }>('SELECT status FROM documents WHERE id = $1 FOR SHARE', [documentId]);
  if (!rows[0]) throw new AppError('not_found');
  if (rows[0].status !== 'draft') throw new AppError('document_frozen');
}
