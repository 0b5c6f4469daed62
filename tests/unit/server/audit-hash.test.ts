/**
 * The audit chain hashes each row's canonical JSON with shared/src/canonical.ts `serialize`. The chain
 * was first written with a serialiser of its own (`stableStringify`, kept below as the reference):
 * every hash already stored must still verify, so the two must give the same bytes for every value a
 * row can hold — JSON, since that is what PostgreSQL stores and verify-chain.ts reads back.
 */
import { serialize } from '../../../shared/src/canonical';
import { auditHash, GENESIS_HASH, recordAuditEvent } from '../../../server/src/audit/record-event';
import { createRandom, type Random } from '../../utils/prng';
import type pg from 'pg';

/** The audit chain's former serialiser, verbatim: the bytes every stored hash covers. */
function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

const AWKWARD = [
  '',
  'a',
  'A',
  'é',
  'e\u0301',
  'ñ',
  '\u0000',
  '\u0007',
  '\n',
  '"',
  '\\',
  '/',
  '\u2028',
  '\u007f',
  '\ud800',
  '\udfff',
  '😀',
  '\ufeff',
  '__proto__',
  'constructor',
  '10',
  '2',
  '-1',
  'Z',
  'z',
];
const NUMBERS = [0, -0, 1, -1, 2.5, 1e21, 1e-7, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 60, -123456.789, 0.1 + 0.2];

function randomString(random: Random): string {
  return Array.from({ length: random.int(5) }, () => (random.chance(0.5) ? random.pick(AWKWARD) : random.text(6))).join('');
}

/** A random JSON value, as JSON.parse would give it (so `__proto__` can be an own key). */
function randomJson(random: Random, depth: number): unknown {
  const kind = random.int(depth > 3 ? 4 : 6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.chance(0.5) ? random.pick(NUMBERS) : (random.next() - 0.5) * 10 ** random.between(-5, 25);
    case 3:
      return randomString(random);
    case 4:
      return Array.from({ length: random.int(5) }, () => randomJson(random, depth + 1));
    default: {
      const entries = Array.from({ length: random.int(6) }, () => [randomString(random), randomJson(random, depth + 1)] as const);
      return JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);
    }
  }
}

describe('the audit chain hash', () => {
  it('serialises every JSON value byte for byte as the chain was first written', () => {
    const random = createRandom(20260301);
    for (let round = 0; round < 5000; round += 1) {
      const value = randomJson(random, 0);
      expect({ round, bytes: serialize(value) }).toEqual({ round, bytes: stableStringify(value) });
    }
  });

  it('gives the same bytes for rows whose keys arrive in any order and whose absent keys are undefined', () => {
    const row = {
      subject: { b: 1, a: { d: [1, { z: null, y: 'ü' }], c: undefined } },
      action: 'clause.approved',
      actorUserId: null,
      documentId: 'd',
      occurredAt: 't',
    };
    expect(serialize(row)).toBe(stableStringify(row));
    expect(serialize(row)).toBe(
      '{"action":"clause.approved","actorUserId":null,"documentId":"d","occurredAt":"t","subject":{"a":{"d":[1,{"y":"ü","z":null}]},"b":1}}',
    );
  });

  it('hashes a pinned row to the hash the former serialiser gave it', () => {
    const row = {
      documentId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      actorUserId: null,
      action: 'clause.approved',
      occurredAt: '2026-03-01T12:00:00.000Z',
      subject: {
        clauseId: 'c_7',
        fingerprint: 'a'.repeat(64),
        languageHashes: { es: 'b'.repeat(64), en: 'c'.repeat(64) },
        note: 'Señora «ñ» \u2028 "q" \\ \u0007 😀',
        n: [1, 2.5, -0, 1e21, true, null],
      },
    };
    expect(auditHash(GENESIS_HASH, row)).toBe('a63d350ea9c361794346a4f7a14da11b87b27125c0f35dd53b9aabb74df84224');
  });

  it('records the hash of the subject as it is stored, which is what the chain verification reads back', async () => {
    const inserted: unknown[][] = [];
    const client = {
      query: async (sql: string, params?: unknown[]) => {
        if (sql.startsWith('INSERT')) inserted.push(params!);
        return { rows: [] };
      },
    } as unknown as pg.PoolClient;
    const when = new Date('2026-03-01T00:00:00.000Z');
    await recordAuditEvent(client, {
      documentId: null,
      actorUserId: null,
      action: 'document.seeded',
      subject: { when, list: [1, undefined, NaN], gone: undefined },
    });
    const [documentId, actorUserId, action, subject, occurredAt, prevHash, hash] = inserted[0] as [null, null, string, string, string, string, string];
    expect(JSON.parse(subject)).toEqual({ when: '2026-03-01T00:00:00.000Z', list: [1, null, null] });
    expect(prevHash).toBe(GENESIS_HASH);
    expect(hash).toBe(auditHash(prevHash, { documentId, actorUserId, action, subject: JSON.parse(subject), occurredAt }));
  });
});
