/**
 * What the export route adds to a download of the signed version (issue 16): the original of one
 * Participant under the alternat (`?original=<participantId>`), and the attestations recorded since
 * the freeze (initials in the footer, signatures ad referendum confirmed). Drafts and other versions
 * get neither: their downloads are what they always were.
 */
import type { Queryable } from '../db/queryable';
import { AppError } from '../http/errors';
import { attestationsOf, signedVersionOf } from './signed-version';
import type { VersionRecord } from '../../../shared/src/versions/version-record';
import type { Attestations } from '../../../shared/src/versions/signature-conventions';

export interface SignedExportParts {
  /** The Participant whose original is asked for; null: the signed text without an original. */
  originalOf: string | null;
  attestations: Attestations;
}

/** Null for a version that is not the document's signed one (and no original was asked for). */
export async function signedExportParts(db: Queryable, record: VersionRecord, original: string | undefined): Promise<SignedExportParts | null> {
  const signed = await signedVersionOf(db, record.document.id);
  const isSigned = record.version.kind === 'frozen' && signed?.version?.id === record.version.id;
  if (!isSigned) {
    if (original !== undefined) throw new AppError('original_not_signed_version');
    return null;
  }
  if (original !== undefined && !record.participants.some((p) => p.id === original)) throw new AppError('original_not_found');
  return { originalOf: original ?? null, attestations: await attestationsOf(db, signed.version!) };
}
