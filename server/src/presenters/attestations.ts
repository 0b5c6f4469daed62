import type { Attestations } from '../../../shared/src/versions/signature-conventions';
import type { AttestationsAnswer } from '../../../shared/src/api/signatures';
import type { SignedVersion } from '../signatures/signed-version';

/** The attestations as the API shows them: who initialled and confirmed by the name they had then, never their account ids. */
export function presentAttestations(version: SignedVersion | null, attestations: Attestations): AttestationsAnswer {
  return {
    versionId: version?.id ?? null,
    fingerprint: version?.fingerprint ?? null,
    initials: attestations.initials.map(({ participantId, initials, name, at, fingerprint }) => ({ participantId, initials, name, at, fingerprint })),
    signatureConfirmations: attestations.signatureConfirmations.map(({ participantId, date, confirmedBy, at }) => ({ participantId, date, confirmedBy, at })),
  };
}
