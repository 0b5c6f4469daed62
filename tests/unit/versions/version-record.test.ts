import { canonicalJSON, serialize } from '../../../shared/src/canonical';
import {
  recordBytes,
  recordClause,
  recordProblems,
  sha256Hex,
  versionFingerprint,
  VERSION_RECORD_FORMAT,
  type VersionRecord,
} from '../../../shared/src/versions/version-record';

const doc = (text: string) => canonicalJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** The first vector of tests/unit/shared/fingerprint-vectors.json (docs/document-model.md §7). */
const EN = 'The Participants intend to cooperate in the fight against human trafficking and migrant smuggling.';
const ES = 'Los Participantes tienen la intención de cooperar en la lucha contra la trata de personas y el tráfico ilícito de migrantes.';

function record(): VersionRecord {
  return {
    format: VERSION_RECORD_FORMAT,
    document: { id: '00000000-0000-4000-8000-000000000001', title: { en: 'Memorandum', es: 'Memorando' }, languages: ['en', 'es'] },
    version: { id: '00000000-0000-4000-8000-000000000002', kind: 'frozen', name: null, takenAt: '2026-03-01T10:00:00.000Z' },
    participants: [{ id: '00000000-0000-4000-8000-000000000003', code: 'GT', name: { en: 'Guatemala', es: 'Guatemala' } }],
    clauses: [recordClause('c_1', 'clause', { article: 1 }, { en: doc(EN), es: doc(ES) })],
    approvals: [],
    confirmations: [],
    signature: null,
  };
}

describe('the canonical record of a version', () => {
  it('[V2] is its JCS serialisation, and its fingerprint the SHA-256 of those bytes', () => {
    const r = record();
    expect(recordBytes(r)).toBe(serialize(r));
    expect(recordBytes(r).startsWith('{"approvals":[],"clauses":[{"fingerprint":"')).toBe(true);
    expect(versionFingerprint(r)).toBe(sha256Hex(recordBytes(r)));
    expect(versionFingerprint(JSON.parse(JSON.stringify(r)))).toBe(versionFingerprint(r));
  });

  it('[V1] gives each clause the hashes and the fingerprint the document model defines', () => {
    const [clause] = record().clauses;
    expect(clause.languageHashes).toEqual({
      en: '61bfea2fba305360dae20f8da9587c34ef62b4c442cf96ff14f43de21ec84d4d',
      es: '235e5a3c0f02354570a94e1976d311652e260e55d842e4450908f3050c22cec8',
    });
    expect(clause.fingerprint).toBe('80ad3eca1dc19e9cbbfecdfd854b721de232cac901b691c0b7c8bc319a8962d6');
  });

  it('[V3] is consistent as made, and names a text that no longer matches its hash or languages swapped', () => {
    expect(recordProblems(record())).toEqual([]);
    const changed = record();
    changed.clauses[0].texts.en = doc('The Participants shall cooperate.');
    expect(recordProblems(changed)).toEqual(['Clause 1 (c_1): the text in "en" does not match its hash.']);
    const swapped = record();
    const [clause] = swapped.clauses;
    swapped.clauses[0] = {
      ...clause,
      texts: { en: clause.texts.es, es: clause.texts.en },
      languageHashes: { en: clause.languageHashes.es, es: clause.languageHashes.en },
    };
    expect(recordProblems(swapped)).toEqual(['Clause 1 (c_1): the clause fingerprint does not match its language hashes.']);
  });
});
