import type { AppContext } from '../context';
import { withTransaction } from '../db/database';
import { recordAuditEvent } from '../audit/record-event';
import { AppError } from '../http/errors';
import { insertSignatureConfirmation } from '../signatures/attestation-store';
import { attestationsOf, signedVersionOf } from '../signatures/signed-version';
import { presentAttestations } from '../presenters/attestations';
import type { AttestationsAnswer } from '../../../shared/src/api/signatures';

export interface ConfirmSignatureInput {
  documentId: string;
  participantId: string;
  /** The date the capital confirmed, YYYY-MM-DD. */
  date: string;
  user: { id: string; displayName: string };
}

/**
 * Records that a signature given ad referendum was confirmed by the Participant's capital, which makes
 * it a full signature (issue 16; VCLT art. 12(2)(b)). The caller has authorized
 * 'signature.confirm_ad_referendum' (the secretariat, on a frozen document). Only a signatory the
 * signed record names as signing ad referendum (409 signatory_not_ad_referendum), once (409
 * signature_already_confirmed), on a date not before the signature.
 */
export async function confirmSignatureAdReferendum(ctx: AppContext, input: ConfirmSignatureInput): Promise<AttestationsAnswer> {
  const answer = await withTransaction(ctx.pool, async (client) => {
    const signed = await signedVersionOf(client, input.documentId, true);
    if (!signed) throw new AppError('not_found');
    if (signed.status !== 'frozen' || !signed.version) throw new AppError(signed.status === 'draft' ? 'document_not_frozen' : 'document_frozen');
    const version = signed.version;
    const signature = version.record.signature;
    if (!version.record.participants.some((p) => p.id === input.participantId))
      throw new AppError('unknown_participant', { participantId: input.participantId });
    const signatory = signature?.signatories.find((s) => s.participantId === input.participantId);
    if (!signature || !signatory?.adReferendum) throw new AppError('signatory_not_ad_referendum');
    if (input.date < signature.date)
      throw new AppError('validation_failed', { field: 'date', reason: `the confirmation cannot come before the signature (${signature.date})` });
    const row = await insertSignatureConfirmation(client, { ...input, versionId: version.id });
    if (!row) throw new AppError('signature_already_confirmed');
    await recordAuditEvent(client, {
      documentId: input.documentId,
      actorUserId: input.user.id,
      action: 'signature.ad_referendum_confirmed',
      subject: { participantId: input.participantId, versionId: version.id, date: input.date },
    });
    return presentAttestations(version, await attestationsOf(client, version));
  });
  ctx.log.info({ documentId: input.documentId, participantId: input.participantId }, 'signature ad referendum confirmed');
  ctx.events.emit('signature.attested', { documentId: input.documentId, participantId: input.participantId, kind: 'confirmed' });
  return answer;
}
