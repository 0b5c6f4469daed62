/**
 * The audit log is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE; the application's role
 * has neither privilege), and each row holds the hash of the previous one: `npm run audit:verify`
 * walks the chain and names the first bad row. Here a superuser disables the trigger and edits,
 * deletes, inserts and reorders rows — each is detected at that row.
 */
import { spawn } from 'node:child_process';
import type pg from 'pg';
import { approve, confirm, startWorld, type World } from './support';
import { verifyAuditChain } from '../../../server/src/audit/verify-chain';
import { auditHash } from '../../../server/src/audit/record-event';
import { testDatabaseUrl } from '../../utils/test-db';

let world: World;
let pool: pg.Pool;
let ids: string[];

beforeAll(async () => {
  world = await startWorld();
  pool = world.server.concordia.db.pool;
  for (const clauseId of world.d.clauseIds.slice(0, 3)) {
    await confirm(world, clauseId);
    await approve(world, 'GT', clauseId);
  }
  await world.secretariat.request('POST', `/api/documents/${world.d.documentId}/versions`, { name: 'For the audit' });
  // `ORDER BY e.id`: the bigint column (a bare `ORDER BY id` sorts the text output, 1, 10, 11, …, 2).
  ids = (await pool.query<{ id: string }>('SELECT e.id::text AS id FROM audit_events e ORDER BY e.id')).rows.map((r) => r.id);
  expect(ids.length).toBeGreaterThanOrEqual(8);
}, 180_000);
afterAll(() => world.server.stop());

/** Runs `tamper` as the superuser with the append-only trigger off, checks the chain in that state, then undoes it all. */
async function tampered(tamper: (client: pg.PoolClient) => Promise<void>) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await tamper(client);
    return await verifyAuditChain(client);
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

/** The command line, run asynchronously: in band, the embedded test database is served by this very process. */
function auditVerify(): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'audit:verify', '--', '--schema', world.server.schema], {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout });
    });
  });
}

it('holds for the events the application recorded', async () => {
  expect(await verifyAuditChain(pool)).toEqual({ ok: true, rows: ids.length, firstBad: null });
});

it('refuses UPDATE, DELETE and TRUNCATE, and the application role may only read and append', async () => {
  await expect(pool.query(`UPDATE audit_events SET action = 'document.nothing' WHERE id = $1`, [ids[3]])).rejects.toThrow(/append-only/);
  await expect(pool.query('DELETE FROM audit_events WHERE id = $1', [ids[3]])).rejects.toThrow(/append-only/);
  await expect(pool.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  const role = await pool.query(`SELECT 1 FROM pg_roles WHERE rolname = 'concordia_app'`);
  if (role.rows.length > 0) {
    const { rows } = await pool.query<Record<string, boolean>>(
      `SELECT has_table_privilege('concordia_app', 'audit_events', 'UPDATE') AS update, has_table_privilege('concordia_app', 'audit_events', 'DELETE') AS delete,
              has_table_privilege('concordia_app', 'audit_events', 'TRUNCATE') AS truncate, has_table_privilege('concordia_app', 'audit_events', 'INSERT') AS insert`,
    );
    expect(rows[0]).toEqual({ update: false, delete: false, truncate: false, insert: true });
  }
  expect(await verifyAuditChain(pool)).toMatchObject({ ok: true });
});

it('detects an edited row at that row', async () => {
  const report = await tampered((c) =>
    c.query(`UPDATE audit_events SET subject = subject || '{"forged": true}'::jsonb WHERE id = $1`, [ids[5]]).then(() => undefined),
  );
  expect(report.firstBad).toMatchObject({ id: ids[5], reason: 'hash_mismatch' });
  const moved = await tampered((c) =>
    c.query(`UPDATE audit_events SET occurred_at = occurred_at + interval '1 second' WHERE id = $1`, [ids[6]]).then(() => undefined),
  );
  expect(moved.firstBad).toMatchObject({ id: ids[6], reason: 'hash_mismatch' });
});

it('detects a deleted row at the row after it', async () => {
  const report = await tampered((c) => c.query('DELETE FROM audit_events WHERE id = $1', [ids[4]]).then(() => undefined));
  expect(report.firstBad).toMatchObject({ id: ids[5], reason: 'broken_link' });
  expect(report.firstBad!.detail).toContain(`ids jump from ${ids[3]} to ${ids[5]}`);
});

it('detects an inserted row at that row', async () => {
  const report = await tampered(async (c) => {
    const { rows } = await c.query<{ hash: string }>('SELECT hash FROM audit_events WHERE id = $1', [ids[2]]);
    const occurredAt = new Date().toISOString();
    const forged = {
      documentId: world.d.documentId,
      actorUserId: world.delegates.GT.userId,
      action: 'clause.approved',
      subject: { clauseId: 'c_forged' },
      occurredAt,
    };
    await c.query(`INSERT INTO audit_events (document_id, actor_user_id, action, subject, occurred_at, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      forged.documentId,
      forged.actorUserId,
      forged.action,
      JSON.stringify(forged.subject),
      occurredAt,
      rows[0].hash,
      auditHash(rows[0].hash, forged),
    ]);
  });
  expect(report.firstBad!.id).not.toBe(ids[ids.length - 1]);
  expect(BigInt(report.firstBad!.id)).toBeGreaterThan(BigInt(ids[ids.length - 1]));
  expect(report.firstBad!.reason).toBe('broken_link');
});

it('detects reordered rows at the first of them', async () => {
  const report = await tampered(async (c) => {
    const columns = 'document_id, actor_user_id, action, subject, occurred_at, prev_hash, hash';
    const { rows } = await c.query(`SELECT id::text, ${columns} FROM audit_events e WHERE e.id IN ($1, $2) ORDER BY e.id`, [ids[6], ids[7]]);
    for (const [target, source] of [
      [rows[0], rows[1]],
      [rows[1], rows[0]],
    ]) {
      await c.query(
        `UPDATE audit_events SET document_id = $2, actor_user_id = $3, action = $4, subject = $5, occurred_at = $6, prev_hash = $7, hash = $8 || '-' WHERE id = $1`,
        [target.id, source.document_id, source.actor_user_id, source.action, JSON.stringify(source.subject), source.occurred_at, source.prev_hash, source.hash],
      );
    }
    await c.query(`UPDATE audit_events SET hash = rtrim(hash, '-') WHERE id IN ($1, $2)`, [ids[6], ids[7]]);
  });
  expect(report.firstBad).toMatchObject({ id: ids[6], reason: 'broken_link' });
});

it('names the first bad row from the command line, and says when the chain holds', async () => {
  const holds = await auditVerify();
  expect(holds).toEqual({ status: 0, stdout: expect.stringContaining('holds') });
  expect(holds.stdout).toContain(`The audit chain holds: ${ids.length} row(s) checked.`);
  const { rows } = await pool.query<{ id: string }>(`SELECT id::text FROM audit_events WHERE action = 'clause.approved' ORDER BY id DESC LIMIT 1`);
  const target = rows[0].id;
  const client = await pool.connect();
  try {
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await client.query(`UPDATE audit_events SET action = 'clause.approval_revoked' WHERE id = $1`, [target]);
    const broken = await auditVerify();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`The audit chain is broken at row ${target} (hash_mismatch)`);
    await client.query(`UPDATE audit_events SET action = 'clause.approved' WHERE id = $1`, [target]);
  } finally {
    await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    client.release();
  }
  expect((await auditVerify()).status).toBe(0);
});
