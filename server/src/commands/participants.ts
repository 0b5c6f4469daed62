import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { refuseUnlessDraft } from '../versions/draft-guard';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import type { ParticipantRow } from '../presenters/participant';

export interface ParticipantInput {
  code: string;
  name: Record<string, string>;
  color: string;
}

const COLUMNS = 'id, code, name, color';

/** A Participant's name is given in each language of its document, and in no other. */
function assertNameLanguages(name: Record<string, string>, languages: string[]): void {
  for (const lang of languages) {
    if (!name[lang]?.trim()) throw new AppError('validation_failed', { field: `name.${lang}`, reason: 'required in every language of the document' });
  }
  for (const lang of Object.keys(name)) {
    if (!languages.includes(lang)) throw new AppError('validation_failed', { field: `name.${lang}`, reason: 'not a language of this document' });
  }
}

export async function listParticipants(ctx: AppContext, documentId: string): Promise<ParticipantRow[]> {
  const { rows } = await ctx.pool.query<ParticipantRow>(`SELECT ${COLUMNS} FROM participants WHERE document_id = $1 ORDER BY position, code`, [documentId]);
  return rows;
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

export async function createParticipant(
  ctx: AppContext,
  actorId: string,
  document: { id: string; languages: string[] },
  input: ParticipantInput,
): Promise<ParticipantRow> {
  assertNameLanguages(input.name, document.languages);
  try {
    return await withTransaction(ctx.pool, async (client) => {
      await refuseUnlessDraft(client, document.id); // the Participants are part of the signed record
      const { rows } = await client.query<ParticipantRow>(
        `INSERT INTO participants (document_id, code, name, color, position)
         VALUES ($1, $2, $3, $4, (SELECT coalesce(max(position) + 1, 0) FROM participants WHERE document_id = $1))
         RETURNING ${COLUMNS}`,
        [document.id, input.code, JSON.stringify(input.name), input.color],
      );
      await recordAuditEvent(client, {
        documentId: document.id,
        actorUserId: actorId,
        action: 'participant.created',
        subject: { participantId: rows[0].id, ...input },
      });
      return rows[0];
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('participant_code_taken', { code: input.code });
    throw err;
  }
}

export async function updateParticipant(
  ctx: AppContext,
  actorId: string,
  document: { id: string; languages: string[] },
  participantId: string,
  changes: Partial<ParticipantInput>,
): Promise<ParticipantRow> {
  if (changes.name) assertNameLanguages(changes.name, document.languages);
  try {
    return await withTransaction(ctx.pool, async (client) => {
      await refuseUnlessDraft(client, document.id); // the Participants are part of the signed record
      const { rows } = await client.query<ParticipantRow>(
        `UPDATE participants SET code = coalesce($3, code), name = coalesce($4::jsonb, name), color = coalesce($5, color)
          WHERE id = $2 AND document_id = $1 RETURNING ${COLUMNS}`,
        [document.id, participantId, changes.code ?? null, changes.name ? JSON.stringify(changes.name) : null, changes.color ?? null],
      );
      if (!rows[0]) throw new AppError('not_found');
      await recordAuditEvent(client, { documentId: document.id, actorUserId: actorId, action: 'participant.updated', subject: { participantId, ...changes } });
      return rows[0];
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('participant_code_taken', { code: changes.code ?? '' });
    throw err;
  }
}

/** Removes a Participant nobody represents any more; one with members or open invitations is refused, never cascaded. */
export async function deleteParticipant(ctx: AppContext, actorId: string, documentId: string, participantId: string): Promise<void> {
  try {
    await withTransaction(ctx.pool, async (client) => {
      await refuseUnlessDraft(client, documentId); // the Participants are part of the signed record
      const found = await client.query<ParticipantRow>(`SELECT ${COLUMNS} FROM participants WHERE id = $2 AND document_id = $1 FOR UPDATE`, [
        documentId,
        participantId,
      ]);
      if (!found.rows[0]) throw new AppError('not_found');
      const used = await client.query(
        `SELECT 1 FROM memberships WHERE participant_id = $1
         UNION ALL SELECT 1 FROM invitations WHERE participant_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
         LIMIT 1`,
        [participantId],
      );
      if (used.rows.length > 0) throw new AppError('participant_in_use');
      await client.query('DELETE FROM participants WHERE id = $1', [participantId]);
      await recordAuditEvent(client, { documentId, actorUserId: actorId, action: 'participant.deleted', subject: { participantId, code: found.rows[0].code } });
    });
  } catch (err) {
    // Something else (an approval, a comment) still refers to it.
    if ((err as { code?: string }).code === '23503') throw new AppError('participant_in_use');
    throw err;
  }
}
