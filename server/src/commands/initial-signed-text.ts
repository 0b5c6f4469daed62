import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { insertInitialling } from '../signatures/attestation-store';
import { attestationsOf, signedVersionOf } from '../signatures/signed-version';
import { presentAttestations } from '../presenters/attestations';
import { defaultInitials, INITIALS_PATTERN } from '../../../shared/src/versions/signature-defaults';
import type { AttestationsAnswer } from '../../../shared/src/api/signatures';

export interface InitialSignedTextInput {
  documentId: string;
  participantId: string;
  user: { id: string; displayName: string };
  /** The signed version's fingerprint as the person was shown it. */
  fingerprint: string;
  /** As printed; absent: from the person's name. */
  initials?: string;
}

/**
 * A Participant's designated person initials the signed text (issue 16; VCLT art. 10(b)). The caller
 * has authorized 'signature.initial' for this Participant: a delegate of it who may confirm for the
 * capital, on a frozen document [P5, P6, P8]. The initials are bound to the signed version's
 * fingerprint the person was shown — another fingerprint is refused (409 initialling_text_mismatch),
 * so nobody initials a text they did not see — and recorded once per Participant (409 already_initialled).
 */
export async function initialSignedText(ctx: AppContext, input: InitialSignedTextInput): Promise<AttestationsAnswer> {
  const initials = input.initials ?? defaultInitials(input.user.displayName);
  if (!INITIALS_PATTERN.test(initials)) throw new AppError('validation_failed', { field: 'initials', reason: '1 to 6 letters (your name gives none)' });
  const answer = await withTransaction(ctx.pool, async (client) => {
    const signed = await signedVersionOf(client, input.documentId, true);
    if (!signed) throw new AppError('not_found');
    if (signed.status !== 'frozen' || !signed.version) throw new AppError(signed.status === 'draft' ? 'document_not_frozen' : 'document_frozen');
    const version = signed.version;
    if (!version.record.participants.some((p) => p.id === input.participantId))
      throw new AppError('unknown_participant', { participantId: input.participantId });
    if (input.fingerprint !== version.fingerprint) throw new AppError('initialling_text_mismatch');
    const row = await insertInitialling(client, { ...input, versionId: version.id, initials });
    if (!row) throw new AppError('already_initialled');
    await recordAuditEvent(client, {
      documentId: input.documentId,
      actorUserId: input.user.id,
      action: 'signature.initialled',
      subject: { participantId: input.participantId, versionId: version.id, fingerprint: version.fingerprint, initials },
    });
    return presentAttestations(version, await attestationsOf(client, version));
  });
  ctx.log.info({ documentId: input.documentId, participantId: input.participantId }, 'signed text initialled');
  ctx.events.emit('signature.attested', { documentId: input.documentId, participantId: input.participantId, kind: 'initialled' });
  return answer;
}
