import type pg from 'pg';
import * as Y from 'yjs';

/** A draft document row (English and Spanish), optionally with an initial Yjs state. */
export async function createDocument(pool: pg.Pool, options: { initialState?: Uint8Array; title?: string } = {}): Promise<string> {
  const title = options.title ?? 'Test agreement';
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO documents (title, languages) VALUES ($1, ARRAY['en','es']) RETURNING id`, [
    JSON.stringify({ en: title, es: `${title} (es)` }),
  ]);
  if (options.initialState) {
    await pool.query(`INSERT INTO document_updates (document_id, update, origin) VALUES ($1, $2, 'seed')`, [rows[0].id, Buffer.from(options.initialState)]);
  }
  return rows[0].id;
}

/** The document as PostgreSQL alone would rebuild it: snapshot plus every stored update. */
export async function docFromDatabase(pool: pg.Pool, documentId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const snap = await pool.query('SELECT state FROM document_snapshots WHERE document_id = $1', [documentId]);
  if (snap.rows[0]) Y.applyUpdate(doc, new Uint8Array(snap.rows[0].state));
  const { rows } = await pool.query('SELECT update FROM document_updates WHERE document_id = $1 ORDER BY id', [documentId]);
  for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
  return doc;
}

/**
 * An account whose password was set before the password rules (the demo's 'demo'): such accounts keep
 * signing in, but no command sets a password like that any more, so tests that need one insert it.
 */
export async function createAccountWithOldPassword(
  pool: pg.Pool,
  input: { email: string; displayName: string; password: string; uiLanguage?: 'en' | 'es'; isAdmin?: boolean },
): Promise<string> {
  const { hashPassword } = await import('../../server/src/auth/passwords');
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO users (email, display_name, ui_language, password_hash, is_admin) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [input.email, input.displayName, input.uiLanguage ?? 'en', await hashPassword(input.password), input.isAdmin ?? false],
  );
  return rows[0].id;
}
