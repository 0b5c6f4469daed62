/**
 * SQL over migrations/022_fixed_numbering.sql: a document's fixed numbering (issue 15), one row or
 * none, and its presentation (shared/src/api/numbering.ts). The numbers are derived from it by
 * shared/src/stable-numbering.ts; only the fixed map is stored.
 */
import type { Queryable } from '../db/queryable';
import type { FixedNumbers } from '../../../shared/src/stable-numbering';
import type { FixedNumbering, NumberingState } from '../../../shared/src/api/numbering';
import type { VersionRecord } from '../../../shared/src/versions/version-record';
import { latestVersion, findVersion } from '../versions/version-store';

export interface FixedNumberingRow {
  version_id: string | null;
  version_name: string | null;
  numbers: FixedNumbers;
  fixed_by: string;
  fixed_by_name: string | null;
  fixed_at: Date;
  renumbered_at: Date | null;
}

export async function findFixedNumbering(db: Queryable, documentId: string, lock = false): Promise<FixedNumberingRow | undefined> {
  const { rows } = await db.query<FixedNumberingRow>(
    `SELECT f.version_id, v.name AS version_name, f.numbers, f.fixed_by, u.display_name AS fixed_by_name, f.fixed_at, f.renumbered_at
       FROM fixed_numberings f
       LEFT JOIN document_versions v ON v.id = f.version_id
       LEFT JOIN users u ON u.id = f.fixed_by
      WHERE f.document_id = $1${lock ? ' FOR UPDATE OF f' : ''}`,
    [documentId],
  );
  return rows[0];
}

/** The fixed map only (null: not fixed), for whoever derives numbers: exports, version records, the redline. */
export async function fixedNumbersOfDocument(db: Queryable, documentId: string): Promise<FixedNumbers | null> {
  return (await findFixedNumbering(db, documentId))?.numbers ?? null;
}

export async function writeFixedNumbering(
  db: Queryable,
  input: { documentId: string; versionId: string | null; numbers: FixedNumbers; userId: string; renumbered: boolean },
): Promise<void> {
  await db.query(
    `INSERT INTO fixed_numberings (document_id, version_id, numbers, fixed_by, fixed_at, renumbered_at)
     VALUES ($1, $2, $3, $4, now(), CASE WHEN $5 THEN now() END)
     ON CONFLICT (document_id) DO UPDATE
       SET version_id = EXCLUDED.version_id, numbers = EXCLUDED.numbers, fixed_by = EXCLUDED.fixed_by,
           fixed_at = EXCLUDED.fixed_at, renumbered_at = EXCLUDED.renumbered_at`,
    [input.documentId, input.versionId, JSON.stringify(input.numbers), input.userId, input.renumbered],
  );
}

export function presentFixedNumbering(row: FixedNumberingRow | undefined): FixedNumbering | null {
  if (!row) return null;
  return {
    versionId: row.version_id,
    versionName: row.version_name,
    numbers: row.numbers,
    fixedBy: { id: row.fixed_by, displayName: row.fixed_by_name ?? '' },
    fixedAt: row.fixed_at.toISOString(),
    renumberedAt: row.renumbered_at?.toISOString() ?? null,
  };
}

/** What GET …/numbering answers: the fixed numbering and the numbers of the latest version. */
export async function numberingState(db: Queryable, documentId: string): Promise<NumberingState> {
  const fixed = presentFixedNumbering(await findFixedNumbering(db, documentId));
  const latest = await latestVersion(db, documentId);
  const full = latest ? await findVersion(db, documentId, latest.id) : undefined;
  let previous: NumberingState['previous'] = null;
  if (full) {
    const record = JSON.parse(full.record) as VersionRecord;
    previous = { versionId: full.id, numbers: Object.fromEntries(record.clauses.map((clause) => [clause.id, clause.number])) };
  }
  return { documentId, fixed, previous };
}
