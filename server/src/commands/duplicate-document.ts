import * as Y from 'yjs';
import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { serverOrigin } from '../collab/origins';
import { clauseItems, insertClause, newClauseId, readClauseJSON } from '../../../shared/src/yjs-layout';
import { canonicalJSON } from '../../../shared/src/canonical';
import { emptyDocJSON, type NodeJSON } from '../../../shared/src/schema';
import type { LanguageCode } from '../../../shared/src/languages';
import { assertEveryLanguage } from './create-document';

export interface DuplicateDocumentInput {
  title: Record<LanguageCode, string>;
  participants: boolean;
  /** Members come with their Participants, so they need `participants`. */
  members: boolean;
  /** The current text, clause by clause, under new clause ids (approvals and comments stay with the source). */
  text: boolean;
}

interface SourceClause {
  kind: ReturnType<typeof clauseItems>[number]['kind'];
  content: Record<LanguageCode, NodeJSON>;
}

/**
 * Starts a new negotiation from an existing one — e.g. the Action Plan from the Memorandum: the same
 * languages and, as chosen, its Participants, its members with their roles, and its text. The new
 * document records where it came from. The caller becomes a secretariat member unless copied as one.
 */
export async function duplicateDocument(
  ctx: AppContext,
  actorId: string,
  source: { id: string; languages: string[] },
  input: DuplicateDocumentInput,
): Promise<{ id: string }> {
  assertEveryLanguage('title', input.title, source.languages);
  if (input.members && !input.participants)
    throw new AppError('validation_failed', { field: 'members', reason: 'members are copied with their Participants: copy the Participants too' });
  const languages = source.languages;
  let clauses: SourceClause[] = [];
  if (input.text) {
    ({ value: clauses } = await ctx.documents.read(source.id, (doc) =>
      clauseItems(doc).map(({ id, kind }) => ({
        kind,
        content: Object.fromEntries(languages.map((lang) => [lang, copiedText(doc, id, lang)])),
      })),
    ));
  }

  const created = await withTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO documents (title, languages, created_by, duplicated_from) VALUES ($1, $2, $3, $4) RETURNING id',
      [JSON.stringify(input.title), languages, actorId, source.id],
    );
    const documentId = rows[0].id;
    const participantIds = new Map<string, string>();
    if (input.participants) {
      const { rows: participants } = await client.query<{ id: string; code: string; name: unknown; color: string; position: number }>(
        'SELECT id, code, name, color, position FROM participants WHERE document_id = $1 ORDER BY position, code',
        [source.id],
      );
      for (const participant of participants) {
        const inserted = await client.query<{ id: string }>(
          'INSERT INTO participants (document_id, code, name, color, position) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [documentId, participant.code, JSON.stringify(participant.name), participant.color, participant.position],
        );
        participantIds.set(participant.id, inserted.rows[0].id);
      }
    }
    const members: Array<{ userId: string; role: string; participantId: string | null }> = [];
    if (input.members) {
      const { rows: memberships } = await client.query<{ user_id: string; role: string; participant_id: string | null }>(
        `SELECT m.user_id, m.role, m.participant_id FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.document_id = $1 AND u.disabled_at IS NULL ORDER BY m.created_at`,
        [source.id],
      );
      for (const membership of memberships) {
        const participantId = membership.participant_id ? (participantIds.get(membership.participant_id) ?? null) : null;
        await client.query('INSERT INTO memberships (document_id, user_id, role, participant_id) VALUES ($1, $2, $3, $4)', [
          documentId,
          membership.user_id,
          membership.role,
          participantId,
        ]);
        members.push({ userId: membership.user_id, role: membership.role, participantId });
      }
    }
    if (!members.some((member) => member.userId === actorId)) {
      await client.query(`INSERT INTO memberships (document_id, user_id, role) VALUES ($1, $2, 'secretariat')`, [documentId, actorId]);
      members.push({ userId: actorId, role: 'secretariat', participantId: null });
    }
    if (clauses.length > 0) {
      const doc = new Y.Doc();
      let after: string | null = null;
      for (const clause of clauses) {
        const id = newClauseId();
        insertClause(doc, { id, kind: clause.kind, content: clause.content }, languages, after, serverOrigin('import'));
        after = id;
      }
      await client.query(`INSERT INTO document_updates (document_id, update, user_id, origin) VALUES ($1, $2, $3, 'import')`, [
        documentId,
        Buffer.from(Y.encodeStateAsUpdate(doc)),
        actorId,
      ]);
      doc.destroy();
    }
    await recordAuditEvent(client, {
      documentId,
      actorUserId: actorId,
      action: 'document.duplicated',
      subject: { from: source.id, title: input.title, participants: participantIds.size, members, clauses: clauses.length },
    });
    return { id: documentId, members };
  });
  for (const member of created.members) ctx.events.emit('membership.changed', { userId: member.userId, documentId: created.id, removed: false });
  ctx.log.info({ documentId: created.id, from: source.id, actorId }, 'document duplicated');
  return { id: created.id };
}

/**
 * A clause's text as the copy gets it. A stored text that cannot be read (no fragment, outside the
 * schema, nested too deep: it has no canonical form) starts the copy empty, as a new clause does, so the
 * copy is a valid document whatever the source holds.
 */
function copiedText(doc: Y.Doc, id: string, lang: LanguageCode): NodeJSON {
  try {
    const json = readClauseJSON(doc, id, lang);
    canonicalJSON(json);
    return json;
  } catch {
    return emptyDocJSON();
  }
}
