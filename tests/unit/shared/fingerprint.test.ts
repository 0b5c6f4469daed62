import { clauseFingerprint, clauseFingerprintFromHashes, fingerprintEnvelope, languageHash, type ClauseKind } from '../../../shared/src/index';
import { doc, p, strong } from './builders';

const texts = { en: doc(p('The Participants intend to cooperate.')), es: doc(p('Los Participantes tienen la intenci\u00f3n de cooperar.')) };
const base = clauseFingerprint({ kind: 'clause', texts });

describe('clauseFingerprint', () => {
  it('changes when the English text changes', () => {
    expect(clauseFingerprint({ kind: 'clause', texts: { ...texts, en: doc(p('The Participants decide to cooperate.')) } })).not.toBe(base);
  });

  it('changes when the Spanish text changes, there being no source language', () => {
    expect(clauseFingerprint({ kind: 'clause', texts: { ...texts, es: doc(p('Los Participantes deciden cooperar.')) } })).not.toBe(base);
  });

  it('changes when only a mark changes', () => {
    expect(clauseFingerprint({ kind: 'clause', texts: { ...texts, en: doc(p('The ', strong('Participants'), ' intend to cooperate.')) } })).not.toBe(base);
  });

  it('changes when the kind changes', () => {
    expect(clauseFingerprint({ kind: 'final', texts })).not.toBe(base);
  });

  it('changes when a language is added', () => {
    expect(clauseFingerprint({ kind: 'clause', texts: { ...texts, fr: doc(p('Les Participants')) } })).not.toBe(base);
  });

  it('does not depend on the order in which the languages are given', () => {
    expect(clauseFingerprint({ kind: 'clause', texts: { es: texts.es, en: texts.en } })).toBe(base);
  });

  it('changes when the English and Spanish texts swap languages', () => {
    expect(clauseFingerprint({ kind: 'clause', texts: { en: texts.es, es: texts.en } })).not.toBe(base);
  });

  it('equals the fingerprint computed from stored language hashes', () => {
    const hashes = { en: languageHash(texts.en), es: languageHash(texts.es) };
    expect(clauseFingerprintFromHashes({ kind: 'clause', hashes })).toBe(base);
  });
});

describe('fingerprintEnvelope', () => {
  it('is a version line, a kind line and one line per language in code order', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    expect(fingerprintEnvelope('heading', { es: b, en: a })).toBe(`concordia.clause.v1\nkind=heading\nen=${a}\nes=${b}\n`);
  });

  it('refuses an unknown kind, a bad language code, no languages, or a hash that is not hex SHA-256', () => {
    const h = '0'.repeat(64);
    expect(() => fingerprintEnvelope('annex' as ClauseKind, { en: h })).toThrow(
      new RangeError('Cannot fingerprint a clause of kind "annex": the kinds are preamble, heading, clause, final'),
    );
    expect(() => fingerprintEnvelope('clause', { EN: h })).toThrow(RangeError);
    expect(() => fingerprintEnvelope('clause', {})).toThrow(new RangeError('A document needs at least one language'));
    expect(() => fingerprintEnvelope('clause', { en: h.toUpperCase().replace(/0/g, 'A') })).toThrow(
      new RangeError(`The hash of "en" must be 64 lower-case hex digits, got "${'A'.repeat(64)}"`),
    );
  });
});
