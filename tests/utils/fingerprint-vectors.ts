/**
 * The fixed vectors of the canonical form and the clause fingerprint (tests/unit/shared/fingerprint-vectors.json,
 * the public contract of docs/document-model.md): checked in Node by the unit tests and in the client
 * bundle by a browser test, so both sides are held to the same bytes.
 */
import type { NodeJSON } from '../../shared/src/schema';
import type { ClauseKind } from '../../shared/src/yjs-layout';
import vectorFile from '../unit/shared/fingerprint-vectors.json';

export interface FingerprintVector {
  name: string;
  input: { kind: ClauseKind; texts: Record<string, NodeJSON> };
  canonical: Record<string, string>;
  plainText: Record<string, string>;
  languageHashes: Record<string, string>;
  envelope: string;
  fingerprint: string;
}

export const FINGERPRINT_VECTORS = vectorFile.vectors as unknown as FingerprintVector[];
