/**
 * Fixed vectors of the canonical form and the fingerprint. The client bundle asserts the same file in a
 * browser, so both sides are held to the same bytes. Hashes are also recomputed here with Node's own
 * SHA-256, independently of @noble/hashes.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { canonicalString, clauseFingerprint, fingerprintEnvelope, insertClause, languageHash, plainText, readClauseJSON } from '../../../shared/src/index';
import { FINGERPRINT_VECTORS as vectors } from '../../utils/fingerprint-vectors';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('fingerprint test vectors', () => {
  it('has at least five vectors, one of them with Spanish in NFD', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(vectors)).toContain('\u0301');
  });

  describe.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    it('gives the expected canonical string, plain text and hash in every language', () => {
      for (const [lang, text] of Object.entries(vector.input.texts)) {
        expect(canonicalString(text)).toBe(vector.canonical[lang]);
        expect(plainText(text)).toBe(vector.plainText[lang]);
        expect(languageHash(text)).toBe(vector.languageHashes[lang]);
        expect(nodeSha256(vector.canonical[lang])).toBe(vector.languageHashes[lang]);
      }
    });

    it('gives the expected envelope and fingerprint', () => {
      expect(fingerprintEnvelope(vector.input.kind, vector.languageHashes)).toBe(vector.envelope);
      expect(clauseFingerprint(vector.input)).toBe(vector.fingerprint);
      expect(nodeSha256(vector.envelope)).toBe(vector.fingerprint);
    });

    it('keeps its fingerprint after a round trip through a Yjs document', () => {
      const ydoc = new Y.Doc();
      const languages = Object.keys(vector.input.texts);
      insertClause(ydoc, { id: 'v', kind: vector.input.kind, content: vector.input.texts }, languages, null, { kind: 'test' });
      const texts = Object.fromEntries(languages.map((lang) => [lang, readClauseJSON(ydoc, 'v', lang)]));
      expect(clauseFingerprint({ kind: vector.input.kind, texts })).toBe(vector.fingerprint);
    });
  });

  it('gives the NFD and the NFC spelling of the same clause the same fingerprint', () => {
    const [nfc, nfd] = vectors;
    expect(JSON.stringify(nfc.input.texts.es)).not.toBe(JSON.stringify(nfd.input.texts.es));
    expect(nfd.fingerprint).toBe(nfc.fingerprint);
  });
});
