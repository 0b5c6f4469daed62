import type { VersionRow } from '../versions/version-store';
import type { VersionSummary } from '../../../shared/src/api/versions';

/** A version as the API lists it: never its Yjs state, never who took it beyond their name. */
export function presentVersion(row: VersionRow): VersionSummary {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind,
    name: row.name,
    takenAt: row.created_at.toISOString(),
    takenBy: row.created_by ? { id: row.created_by, displayName: row.created_by_name ?? '' } : null,
    fingerprint: row.fingerprint,
  };
}
