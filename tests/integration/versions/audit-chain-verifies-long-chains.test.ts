/**
 * `npm run audit:verify` walks the chain in numeric id order, page by page: a chain of more rows than
 * a page (and with the gaps a rolled-back insert leaves in the ids) holds whatever the page size, and
 * a row changed on a later page is named. Run on PostgreSQL (TEST_DATABASE_URL) and on PGlite alike.
 */
import { spawn } from 'node:child_process';
import { migrate } from '../../../server/src/db/migrate';
import { withTransaction, type Database } from '../../../server/src/db/database';
import { recordAuditEvent } from '../../../server/src/audit/record-event';
import { verifyAuditChain } from '../../../server/src/audit/verify-chain';
import { dropSchema, openTestDatabase, testDatabaseUrl } from '../../utils/test-db';
import { quietLogger } from '../../utils/quiet-logger';

const ROWS = 250;
let db: Database & { schema: string };
let ids: string[];

beforeAll(async () => {
  db = await openTestDatabase();
  await migrate(db.pool, quietLogger());
  for (let i = 0; i < ROWS; i += 1) {
    await withTransaction(db.pool, (client) => recordAuditEvent(client, { documentId: null, actorUserId: null, action: 'user.created', subject: { n: i } }));
    // A rolled-back append consumes an id: the chain has gaps in its ids, as in production.
    if (i % 40 === 0) {
      await withTransaction(db.pool, async (client) => {
        await recordAuditEvent(client, { documentId: null, actorUserId: null, action: 'user.created', subject: { rolledBack: true } });
        throw new Error('roll back');
      }).catch(() => undefined);
    }
  }
  ids = (await db.pool.query<{ id: string }>('SELECT id::text AS id FROM audit_events ORDER BY audit_events.id')).rows.map((r) => r.id);
  expect(ids.length).toBe(ROWS);
}, 120_000);
afterAll(async () => {
  await db.close();
  await dropSchema(db.schema);
});

/** The command line, run asynchronously: in band, the embedded test database is served by this very process. */
function auditVerify(): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'audit:verify', '--', '--schema', db.schema], {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout });
    });
  });
}

it.each([undefined, 100, 7, 1])('holds for a chain of 250 rows with gaps in its ids, read in pages of %s', async (batchSize) => {
  expect(await verifyAuditChain(db.pool, { batchSize })).toEqual({ ok: true, rows: ROWS, firstBad: null });
});

it('says the chain of 250 rows holds from the command line', async () => {
  expect(await auditVerify()).toEqual({ status: 0, stdout: `The audit chain holds: ${ROWS} row(s) checked.\n` });
});

it('names a row changed on a later page, not an earlier one', async () => {
  const target = ids[180];
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await client.query(`UPDATE audit_events SET subject = '{"n": -1}'::jsonb WHERE id = $1`, [target]);
    for (const batchSize of [undefined, 100, 7]) {
      expect(await verifyAuditChain(client, { batchSize })).toEqual({
        ok: false,
        rows: 181,
        firstBad: { id: target, reason: 'hash_mismatch', detail: expect.any(String) },
      });
    }
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
});
