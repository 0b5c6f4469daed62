import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { signatureRecord, writeSignatureRecord } from '../versions/version-store';
import type { SignatureRecord, Signatory } from '../../../shared/src/versions/version-record';
import type { OriginalsStatement } from '../../../shared/src/versions/signature-conventions';
import type { SignatureBody } from '../../../shared/src/api/versions';

/** The most originals a signature record may state (the schema's bound). */
export const MAX_ORIGINALS = 50;

/**
 * Enters the signature record — place, date and, per Participant, the signatory's name and title —
 * before the freeze, which copies it into the signed record. The caller has authorized 'document.freeze'.
 * Every language of the document needs the place and each title; signatories name this document's
 * Participants, each at most once, in the Participants' order. A signatory may sign ad referendum
 * (stored only when so). The statement of originals (issue 16), when given, needs at least one original
 * per Participant (the alternat gives each its own) and a non-empty subset of the document's languages,
 * kept in the document's order; when absent the record states none (one per Participant, every language).
 */
export async function saveSignatureRecord(
  ctx: AppContext,
  actorId: string,
  document: { id: string; languages: string[] },
  input: SignatureBody,
): Promise<SignatureRecord> {
  for (const lang of document.languages) {
    if (!input.place[lang])
      throw new AppError('validation_failed', { field: `place.${lang}`, reason: 'the place is needed in every language of the document' });
  }
  return withTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<{ status: string }>('SELECT status FROM documents WHERE id = $1 FOR UPDATE', [document.id]);
    if (!rows[0]) throw new AppError('not_found');
    if (rows[0].status !== 'draft') throw new AppError('document_frozen');
    const participants = await client.query<{ id: string }>('SELECT id FROM participants WHERE document_id = $1 ORDER BY position, code', [document.id]);
    const order = participants.rows.map((p) => p.id);
    const seen = new Set<string>();
    for (const [index, signatory] of input.signatories.entries()) {
      if (!order.includes(signatory.participantId)) throw new AppError('unknown_participant', { participantId: signatory.participantId });
      if (seen.has(signatory.participantId))
        throw new AppError('validation_failed', { field: `signatories.${index}.participantId`, reason: 'one signatory per Participant' });
      seen.add(signatory.participantId);
      for (const lang of document.languages) {
        if (!signatory.title[lang])
          throw new AppError('validation_failed', {
            field: `signatories.${index}.title.${lang}`,
            reason: 'the title is needed in every language of the document',
          });
      }
    }
    const originals = input.originals ? checkedOriginals(input.originals, order.length, document.languages) : null;
    const record: SignatureRecord = signatureRecord(
      pick(input.place, document.languages),
      input.date,
      [...input.signatories]
        .sort((a, b) => order.indexOf(a.participantId) - order.indexOf(b.participantId))
        .map((s): Signatory => ({
          participantId: s.participantId,
          name: s.name,
          title: pick(s.title, document.languages),
          ...(s.adReferendum ? { adReferendum: true as const } : {}),
        })),
      originals,
    );
    await writeSignatureRecord(client, document.id, actorId, record);
    await recordAuditEvent(client, { documentId: document.id, actorUserId: actorId, action: 'signature_record.saved', subject: { ...record } });
    return record;
  });
}

/** Only the document's languages, in its order. */
function pick(text: Record<string, string>, languages: readonly string[]): Record<string, string> {
  return Object.fromEntries(languages.map((lang) => [lang, text[lang]]));
}

/** The statement of originals as stored: enough originals for the alternat, the document's languages in its order. */
function checkedOriginals(input: OriginalsStatement, participants: number, languages: readonly string[]): OriginalsStatement {
  if (input.count < Math.max(1, participants))
    throw new AppError('validation_failed', { field: 'originals.count', reason: `at least one original per Participant: ${participants} or more` });
  if (input.count > MAX_ORIGINALS) throw new AppError('validation_failed', { field: 'originals.count', reason: `at most ${MAX_ORIGINALS} originals` });
  for (const [index, lang] of input.languages.entries()) {
    if (!languages.includes(lang)) throw new AppError('validation_failed', { field: `originals.languages.${index}`, reason: 'a language of the document' });
    if (input.languages.indexOf(lang) !== index)
      throw new AppError('validation_failed', { field: `originals.languages.${index}`, reason: 'each language once' });
  }
  if (input.languages.length === 0) throw new AppError('validation_failed', { field: 'originals.languages', reason: 'at least one language' });
  return { count: input.count, languages: languages.filter((lang) => input.languages.includes(lang)) };
}
