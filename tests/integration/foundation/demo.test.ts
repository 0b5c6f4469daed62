import * as Y from 'yjs';
import { createConcordia } from '../../../server/src/concordia';
import { loadEnv } from '../../../server/src/config/env';
import { demoClauses } from '../../../server/src/demo/memorandum';
import { clauseOrder, readClauseJSON, getClause } from '../../../shared/src/yjs-layout';
import { plainText } from '../../../shared/src/canonical';
import { dropSchema, freshSchema, testDatabaseUrl, usingPglite } from '../../utils/test-db';
import { quietLogger } from '../../utils/quiet-logger';
import { docFromDatabase } from '../../utils/factories';

const schema = freshSchema('demo');
const env = () => loadEnv({ DATABASE_URL: testDatabaseUrl(), DEMO: '1', PORT: '0', DATABASE_POOL_SIZE: usingPglite() ? '1' : '4' });

afterAll(() => dropSchema(schema));

describe('the demo negotiation', () => {
  it('is seeded once, however many times the server starts', async () => {
    for (let start = 0; start < 2; start += 1) {
      const concordia = await createConcordia({ env: env(), log: quietLogger(), schema });
      expect(concordia.demo?.created).toBe(start === 0);
      await concordia.stop();
    }
    const concordia = await createConcordia({ env: env(), log: quietLogger(), schema });
    try {
      const pool = concordia.db.pool;
      const counts = await pool.query(`SELECT
        (SELECT count(*)::int FROM documents) AS documents,
        (SELECT count(*)::int FROM participants) AS participants,
        (SELECT count(*)::int FROM users) AS users,
        (SELECT count(*)::int FROM memberships) AS memberships,
        (SELECT count(*)::int FROM document_updates) AS updates`);
      expect(counts.rows[0]).toEqual({ documents: 1, participants: 4, users: 7, memberships: 7, updates: 1 });
      const codes = await pool.query(`SELECT code, name->>'es' AS es FROM participants ORDER BY position`);
      expect(codes.rows.map((r) => r.code)).toEqual(['US', 'SV', 'GT', 'HN']);
      expect(codes.rows.find((r) => r.code === 'GT').es).toContain('Gobernación');
    } finally {
      await concordia.stop();
    }
  });

  it('has every clause in English and in Spanish, in order, with non-empty text', async () => {
    const concordia = await createConcordia({ env: env(), log: quietLogger(), schema });
    try {
      const documentId = concordia.demo!.documentId;
      const doc: Y.Doc = await docFromDatabase(concordia.db.pool, documentId);
      const order = clauseOrder(doc);
      expect(order).toHaveLength(demoClauses.length);
      order.forEach((id, index) => {
        expect(getClause(doc, id)?.get('kind')).toBe(demoClauses[index].kind);
        for (const lang of ['en', 'es']) expect(plainText(readClauseJSON(doc, id, lang)).trim().length).toBeGreaterThan(0);
      });
      const spanish = order.map((id) => plainText(readClauseJSON(doc, id, 'es'))).join('\n');
      expect(spanish).toMatch(/Participantes/);
      expect(spanish).toMatch(/[áéíóúñ]/);
      const kinds = new Set(demoClauses.map((c) => c.kind));
      expect([...kinds].sort()).toEqual(['clause', 'final', 'heading', 'preamble']);
      expect(demoClauses.filter((c) => c.kind === 'heading').length).toBeGreaterThanOrEqual(5);
    } finally {
      await concordia.stop();
    }
  });
});
