/**
 * SQL over migrations/016_packages.sql: packages of clauses and the approvals conditional on them.
 * What a package holds for approvals is derived (shared/src/package-holds.ts), never stored.
 */
import type { Queryable } from '../db/queryable';
import type { PackageIndex } from '../../../shared/src/package-holds';

export interface PackageRow {
  id: string;
  document_id: string;
  name: string;
  participant_id: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  clause_ids: string[];
}

const PACKAGE_SELECT = `SELECT p.id, p.document_id, p.name, p.participant_id, p.created_by, u.display_name AS created_by_name, p.created_at, p.updated_at,
    coalesce((SELECT array_agg(pc.clause_id ORDER BY pc.position) FROM package_clauses pc WHERE pc.package_id = p.id), '{}') AS clause_ids
  FROM packages p JOIN users u ON u.id = p.created_by`;

/** The document's packages, oldest first. */
export async function documentPackages(db: Queryable, documentId: string): Promise<PackageRow[]> {
  const { rows } = await db.query<PackageRow>(`${PACKAGE_SELECT} WHERE p.document_id = $1 ORDER BY p.created_at, p.id`, [documentId]);
  return rows;
}

/** One package of the document; `lock`: held until the transaction ends (FOR UPDATE), or shared (FOR SHARE). */
export async function findPackage(db: Queryable, documentId: string, packageId: string, lock?: 'update' | 'share'): Promise<PackageRow | undefined> {
  if (lock) {
    const locked = await db.query(`SELECT id FROM packages WHERE document_id = $1 AND id = $2 FOR ${lock === 'update' ? 'UPDATE' : 'SHARE'}`, [
      documentId,
      packageId,
    ]);
    if (locked.rows.length === 0) return undefined;
  }
  const { rows } = await db.query<PackageRow>(`${PACKAGE_SELECT} WHERE p.document_id = $1 AND p.id = $2`, [documentId, packageId]);
  return rows[0];
}

/** The Participant that owns a package (null: the secretariat's); undefined when the document has no such package. */
export async function packageOwner(db: Queryable, documentId: string, packageId: string): Promise<string | null | undefined> {
  const { rows } = await db.query<{ participant_id: string | null }>('SELECT participant_id FROM packages WHERE document_id = $1 AND id = $2', [
    documentId,
    packageId,
  ]);
  return rows[0] ? rows[0].participant_id : undefined;
}

/** Package id → clause ids, for deriving holds [A5]. */
export async function documentPackageIndex(db: Queryable, documentId: string): Promise<PackageIndex> {
  const { rows } = await db.query<{ package_id: string; clause_ids: string[] }>(
    `SELECT p.id AS package_id, coalesce(array_agg(pc.clause_id ORDER BY pc.position) FILTER (WHERE pc.clause_id IS NOT NULL), '{}') AS clause_ids
       FROM packages p LEFT JOIN package_clauses pc ON pc.package_id = p.id
      WHERE p.document_id = $1 GROUP BY p.id`,
    [documentId],
  );
  return Object.fromEntries(rows.map((row) => [row.package_id, row.clause_ids]));
}

export async function insertPackage(
  db: Queryable,
  input: { documentId: string; name: string; createdBy: string; participantId: string | null },
): Promise<{ id: string }> {
  const { rows } = await db.query<{ id: string }>('INSERT INTO packages (document_id, name, created_by, participant_id) VALUES ($1, $2, $3, $4) RETURNING id', [
    input.documentId,
    input.name,
    input.createdBy,
    input.participantId,
  ]);
  return rows[0];
}

/** Replaces a package's clauses with these, in this order. */
export async function setPackageClauses(db: Queryable, packageId: string, clauseIds: readonly string[]): Promise<void> {
  await db.query('DELETE FROM package_clauses WHERE package_id = $1', [packageId]);
  await db.query('INSERT INTO package_clauses (package_id, clause_id, position) SELECT $1, c.id, c.n FROM unnest($2::text[]) WITH ORDINALITY AS c(id, n)', [
    packageId,
    clauseIds,
  ]);
}

export async function renamePackage(db: Queryable, packageId: string, name: string | undefined): Promise<void> {
  await db.query('UPDATE packages SET name = coalesce($2, name), updated_at = now() WHERE id = $1', [packageId, name ?? null]);
}

export async function deletePackage(db: Queryable, packageId: string): Promise<void> {
  await db.query('DELETE FROM packages WHERE id = $1', [packageId]);
}

/** How many approvals in force (each cell's latest row, an approval) are conditional on the package. */
export async function approvalsInForceOn(db: Queryable, documentId: string, packageId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT DISTINCT ON (a.clause_id, a.participant_id) a.kind, a.package_id
         FROM approvals a WHERE a.document_id = $1
        ORDER BY a.clause_id, a.participant_id, a.id DESC
     ) latest WHERE latest.kind = 'approval' AND latest.package_id = $2`,
    [documentId, packageId],
  );
  return rows[0].n;
}
