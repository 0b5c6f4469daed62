/**
 * The signature conventions after the freeze (docs/api.md, "Signature conventions"): what was attested
 * on the signed text, initialling it for one's Participant, and confirming a signature ad referendum.
 * Both actions are open only on a frozen document [P6].
 */
import type { AppContext } from '../../context';
import { ApiRouter, type AccessInput, type RouteRegistry } from '../../http/api-router';
import type { ActiveSession } from '../../auth/sessions';
import { AppError } from '../../http/errors';
import { initialSignedText } from '../../commands/initial-signed-text';
import { confirmSignatureAdReferendum } from '../../commands/confirm-signature-ad-referendum';
import { attestationsOf, signedVersionOf } from '../../signatures/signed-version';
import { presentAttestations } from '../../presenters/attestations';
import { documentParams } from '../schemas';
import { attestationsSchema, confirmAdReferendumBodySchema, initialBodySchema } from '../../../../shared/src/api/signatures';
import { emptyAttestations } from '../../../../shared/src/versions/signature-conventions';

/** The Participant the body names, read only for the policy's object: validated with the rest after. */
const bodyParticipant = (input: AccessInput): { participantId?: string } => {
  const value = typeof input.body === 'object' && input.body !== null ? (input.body as Record<string, unknown>).participantId : undefined;
  return typeof value === 'string' ? { participantId: value } : {};
};

export function signaturesRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  const userOf = (session: ActiveSession) => ({ id: session.user.id, displayName: session.user.displayName });

  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/documents/:documentId/signature/attestations',
      tag: 'signatures',
      summary: 'Who initialled the signed text, and which signatures ad referendum were confirmed',
      description: 'In the Participants’ order. Before the freeze: no version and empty lists.',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: attestationsSchema,
      handler: async ({ access }) => {
        const signed = await signedVersionOf(ctx.pool, access.document.id);
        if (!signed) throw new AppError('not_found');
        const version = signed.version;
        return presentAttestations(version, version ? await attestationsOf(ctx.pool, version) : emptyAttestations());
      },
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/signature/initials',
      tag: 'signatures',
      summary: 'Initial the signed text for my Participant',
      description:
        'Only the Participant’s designated person: its delegate whom the secretariat marked as one who may confirm for the capital (`mayConfirmForCapital`), once the text is frozen (before: 409 document_not_frozen). ' +
        'The body carries the signed version’s fingerprint as shown; another one is refused with 409 initialling_text_mismatch. Once per Participant (409 already_initialled). ' +
        '`initials` (1–6 letters) default to the first letters of the person’s name.',
      access: { kind: 'document', action: 'signature.initial', object: bodyParticipant },
      params: documentParams,
      body: initialBodySchema,
      status: 201,
      response: attestationsSchema,
      errors: ['document_not_frozen', 'initialling_text_mismatch', 'already_initialled', 'unknown_participant'],
      handler: async ({ access, body, session }) =>
        initialSignedText(ctx, {
          documentId: access.document.id,
          participantId: body.participantId,
          user: userOf(session),
          fingerprint: body.fingerprint,
          initials: body.initials,
        }),
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/signature/confirmations',
      tag: 'signatures',
      summary: 'Record that a signature given ad referendum was confirmed',
      description:
        'The secretariat, once the text is frozen (before: 409 document_not_frozen), for a signatory the signed record names as signing ad referendum (otherwise 409 signatory_not_ad_referendum), once (409 signature_already_confirmed). ' +
        'The date is the capital’s confirmation, not before the date of signature.',
      access: { kind: 'document', action: 'signature.confirm_ad_referendum' },
      params: documentParams,
      body: confirmAdReferendumBodySchema,
      status: 201,
      response: attestationsSchema,
      errors: ['document_not_frozen', 'signatory_not_ad_referendum', 'signature_already_confirmed', 'unknown_participant'],
      handler: async ({ access, body, session }) =>
        confirmSignatureAdReferendum(ctx, { documentId: access.document.id, participantId: body.participantId, date: body.date, user: userOf(session) }),
    });
}
