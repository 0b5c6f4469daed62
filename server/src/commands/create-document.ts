import type pg from 'pg';
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { participantRequirement, type Role } from '../../../shared/src/policy';
import type { LanguageCode } from '../../../shared/src/languages';

export interface NewParticipant {
  code: string;
  name: Record<LanguageCode, string>;
  color: string;
}
export interface NewMember {
  email: string;
  role: Role;
  participant: string | null;
}

export interface CreateDocumentInput {
  title: Record<LanguageCode, string>;
  languages: LanguageCode[];
  participants: NewParticipant[];
  members: NewMember[];
}

export interface CreatedDocument {
  id: string;
}

/** Text given in every language of the document and in no other (a title, a Participant's name). */
export function assertEveryLanguage(field: string, value: Record<string, string>, languages: readonly string[]): void {
  for (const lang of languages) {
    if (!value[lang]?.trim()) throw new AppError('validation_failed', { field: `${field}.${lang}`, reason: 'required in every language of the document' });
  }
  for (const lang of Object.keys(value)) {
    if (!languages.includes(lang)) throw new AppError('validation_failed', { field: `${field}.${lang}`, reason: 'not a language of this document' });
  }
}

/** Inserts Participants in the order given; returns their ids by code. */
export async function insertParticipants(client: pg.PoolClient, documentId: string, participants: readonly NewParticipant[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [position, participant] of participants.entries()) {
    if (ids.has(participant.code)) throw new AppError('participant_code_taken', { code: participant.code });
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO participants (document_id, code, name, color, position) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [documentId, participant.code, JSON.stringify(participant.name), participant.color, position],
    );
    ids.set(participant.code, rows[0].id);
  }
  return ids;
}

/**
 * Starts a negotiation: the document, its Participants and its members, in one transaction, with
 * one audit event. The creator becomes a secretariat member unless they list themselves with
 * another role; a negotiation always has at least one secretariat member. Members are existing
 * accounts (others are invited afterwards); an unknown email refuses the whole creation.
 */
export async function createDocument(ctx: AppContext, actor: { id: string; email: string }, input: CreateDocumentInput): Promise<CreatedDocument> {
  const { languages } = input;
  assertEveryLanguage('title', input.title, languages);
  input.participants.forEach((participant, i) => assertEveryLanguage(`participants.${i}.name`, participant.name, languages));
  const members = input.members.some((member) => member.email === actor.email)
    ? input.members
    : [{ email: actor.email, role: 'secretariat' as const, participant: null }, ...input.members];
  if (!members.some((member) => member.role === 'secretariat')) throw new AppError('last_secretariat');
  const seen = new Set<string>();
  for (const member of members) {
    if (seen.has(member.email)) throw new AppError('already_member');
    seen.add(member.email);
    const requirement = participantRequirement(member.role);
    if ((requirement === 'required' && !member.participant) || (requirement === 'forbidden' && member.participant))
      throw new AppError('role_participant_mismatch');
    if (member.participant && !input.participants.some((participant) => participant.code === member.participant)) {
      throw new AppError('unknown_participant', { participantId: member.participant });
    }
  }

  const created = await withTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<{ id: string }>('INSERT INTO documents (title, languages, created_by) VALUES ($1, $2, $3) RETURNING id', [
      JSON.stringify(input.title),
      languages,
      actor.id,
    ]);
    const documentId = rows[0].id;
    const participantIds = await insertParticipants(client, documentId, input.participants);
    const memberRecords: Array<{ userId: string; role: Role; participantId: string | null }> = [];
    for (const member of members) {
      const user = await client.query<{ id: string }>('SELECT id FROM users WHERE email = $1 AND disabled_at IS NULL', [member.email]);
      if (!user.rows[0]) throw new AppError('no_such_user');
      const participantId = member.participant ? participantIds.get(member.participant)! : null;
      await client.query('INSERT INTO memberships (document_id, user_id, role, participant_id) VALUES ($1, $2, $3, $4)', [
        documentId,
        user.rows[0].id,
        member.role,
        participantId,
      ]);
      memberRecords.push({ userId: user.rows[0].id, role: member.role, participantId });
    }
    await recordAuditEvent(client, {
      documentId,
      actorUserId: actor.id,
      action: 'document.created',
      subject: {
        title: input.title,
        languages,
        participants: input.participants.map((p) => ({ id: participantIds.get(p.code), code: p.code })),
        members: memberRecords,
      },
    });
    return { id: documentId, memberRecords };
  });
  ctx.log.info({ documentId: created.id, actorId: actor.id }, 'document created');
  for (const member of created.memberRecords) ctx.events.emit('membership.changed', { userId: member.userId, documentId: created.id, removed: false });
  return { id: created.id };
}
