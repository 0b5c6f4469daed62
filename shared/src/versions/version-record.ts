/**
 * The canonical record of a version: everything a version of the agreement is, as one JSON value whose
 * RFC 8785 (JCS) serialisation is its canonical bytes and whose SHA-256 is its fingerprint.
 *
 * Rules (tests cite them):
 *  [V1] The record holds the document (id, title, languages), the version (id, kind, name, when), the
 *       Participants in their order, every visible clause in document order with its number, its
 *       canonical text in every language, the language hashes and the clause fingerprint
 *       (docs/document-model.md §6–7), the approvals and concordance confirmations it rests on (those
 *       in force that cover the text as it stands), and the signature record.
 *  [V2] Canonical bytes = `serialize(record)` (JCS), UTF-8. Fingerprint = lower-case hex SHA-256 of them.
 *  [V3] A record is consistent when every clause's language hashes are the hashes of its canonical texts
 *       and its fingerprint is the clause fingerprint of them; `recordProblems` names each violation.
 * Pure and synchronous: the server, the offline `npm run verify` and the browser compute the same bytes.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalString, clauseFingerprintFromHashes, languageHash, serialize, type CanonicalNode } from '../canonical';
import { isClauseKind, type ClauseKind } from '../yjs-layout';
import type { LanguageCode } from '../languages';
import type { ClauseNumber } from '../numbering';
import { withDeletedRows, type DeletedNumber } from '../stable-numbering';
import type { OriginalsStatement } from './signature-conventions';

export const VERSION_RECORD_FORMAT = 'concordia.version.v1';

export const VERSION_KINDS = ['named', 'automatic', 'frozen'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export type LocalizedText = Record<LanguageCode, string>;

export interface RecordClause {
  id: string;
  kind: ClauseKind;
  number: ClauseNumber;
  /** The canonical form of the text in each language; null when the text is not valid in the schema. */
  texts: Record<LanguageCode, CanonicalNode | null>;
  languageHashes: Record<LanguageCode, string>;
  /** Null when a text is not valid (such a version can never be frozen). */
  fingerprint: string | null;
}

export interface RecordApproval {
  id: string;
  clauseId: string;
  participantId: string;
  fingerprint: string;
  approvedBy: string;
  approvedAt: string;
}

export interface RecordConfirmation {
  id: string;
  clauseId: string;
  languageHashes: Record<LanguageCode, string>;
  confirmedBy: string;
  confirmedAt: string;
}

export interface Signatory {
  participantId: string;
  name: string;
  title: LocalizedText;
  /** Signs ad referendum, subject to confirmation by the capital (issue 16). Absent unless so: older records keep their bytes. */
  adReferendum?: true;
}

export interface SignatureRecord {
  /** Where it is signed, in each language ("Washington, D.C."). */
  place: LocalizedText;
  /** The date of signature, YYYY-MM-DD. */
  date: string;
  signatories: Signatory[];
  /** "Done in four originals, in the English and Spanish languages" (issue 16). Absent unless entered: older records keep their bytes. */
  originals?: OriginalsStatement;
}

export interface VersionRecord {
  format: typeof VERSION_RECORD_FORMAT;
  document: { id: string; title: LocalizedText; languages: LanguageCode[] };
  version: { id: string; kind: VersionKind; name: string | null; takenAt: string };
  participants: Array<{ id: string; code: string; name: LocalizedText }>;
  clauses: RecordClause[];
  approvals: RecordApproval[];
  confirmations: RecordConfirmation[];
  signature: SignatureRecord | null;
  /**
   * Stable numbering (issue 15): the fixed numbers whose clauses were deleted, shown in place as
   * "Article 5 [deleted]" until the secretariat renumbers. Absent when there is none: older records keep their bytes.
   */
  deletedNumbers?: DeletedNumber[];
}

/**
 * The clauses as a text shows them: the record's clauses with a placeholder for each deleted number
 * put in its place (no text; `number.deleted`). Without deleted numbers, the record's own clauses.
 */
export function clausesWithDeleted(record: Pick<VersionRecord, 'clauses' | 'deletedNumbers'>): RecordClause[] {
  if (!record.deletedNumbers?.length) return record.clauses;
  return withDeletedRows(record.clauses, record.deletedNumbers).map((row) =>
    row.type === 'item'
      ? row.item
      : {
          id: `deleted-${row.deleted.clauseId}`,
          kind: row.deleted.kind === 'heading' ? 'heading' : 'clause',
          number: { ...row.deleted.number, deleted: true },
          texts: {},
          languageHashes: {},
          fingerprint: null,
        },
  );
}

/** [V2] The exact bytes the fingerprint covers, as a string (encode as UTF-8). */
export function recordBytes(record: VersionRecord): string {
  return serialize(record);
}

/** [V2] */
export function versionFingerprint(record: VersionRecord): string {
  return sha256Hex(recordBytes(record));
}

export function sha256Hex(text: string | Uint8Array): string {
  return bytesToHex(sha256(typeof text === 'string' ? new TextEncoder().encode(text) : text));
}

/** Builds one record clause from its canonical texts [V1]. */
export function recordClause(id: string, kind: ClauseKind, number: ClauseNumber, texts: Record<LanguageCode, CanonicalNode | null>): RecordClause {
  const languageHashes: Record<LanguageCode, string> = {};
  let valid = true;
  for (const lang of Object.keys(texts).sort()) {
    const text = texts[lang];
    if (text === null) valid = false;
    else languageHashes[lang] = sha256Hex(serialize(text));
  }
  return { id, kind, number, texts, languageHashes, fingerprint: valid ? clauseFingerprintFromHashes({ kind, hashes: languageHashes }) : null };
}

/**
 * [V3] What is wrong with a record, one sentence each; empty when it is consistent. It says nothing about
 * whether the record is genuine: only the fingerprint, compared with a trusted one, says that.
 */
export function recordProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (!value || typeof value !== 'object') return ['The record is not a JSON object.'];
  const record = value as Partial<VersionRecord>;
  if (record.format !== VERSION_RECORD_FORMAT) problems.push(`The record's format is ${JSON.stringify(record.format)}, not ${VERSION_RECORD_FORMAT}.`);
  const languages = record.document?.languages;
  if (!Array.isArray(languages) || languages.length === 0) problems.push('The record names no languages.');
  if (!Array.isArray(record.clauses)) return [...problems, 'The record has no list of clauses.'];
  for (const [index, clause] of record.clauses.entries()) {
    const where = `Clause ${index + 1} (${String(clause?.id)})`;
    if (!clause || typeof clause !== 'object' || !isClauseKind(clause.kind)) {
      problems.push(`${where} has no valid kind.`);
      continue;
    }
    const texts = clause.texts ?? {};
    for (const lang of languages ?? []) {
      const text = texts[lang];
      if (text === undefined) {
        problems.push(`${where} has no text in "${lang}".`);
        continue;
      }
      if (text === null) continue;
      let hash: string;
      try {
        // Read through the schema again: a text that is not in canonical form is not what was hashed.
        const canonical = canonicalString(text as never);
        if (canonical !== serialize(text)) problems.push(`${where} in "${lang}" is not in canonical form.`);
        hash = languageHash(text as never);
      } catch (error) {
        problems.push(`${where} in "${lang}" is not a valid clause text: ${(error as Error).message}`);
        continue;
      }
      if (clause.languageHashes?.[lang] !== hash) problems.push(`${where}: the text in "${lang}" does not match its hash.`);
    }
    if (clause.fingerprint !== null) {
      let expected: string | null = null;
      try {
        expected = clauseFingerprintFromHashes({ kind: clause.kind, hashes: clause.languageHashes });
      } catch (error) {
        problems.push(`${where}: ${(error as Error).message}`);
      }
      if (expected !== null && expected !== clause.fingerprint) problems.push(`${where}: the clause fingerprint does not match its language hashes.`);
    }
  }
  return problems;
}
