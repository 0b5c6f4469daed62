/**
 * The packages API (issue 16, "nothing is agreed until everything is agreed"): request schemas (zod,
 * strict — the server parses every request with them) and the shapes of the answers and socket.io
 * events. docs/api.md, "Packages", is the prose form; package-holds.ts derives what they hold.
 */
import { z } from 'zod';
import { CLAUSE_ID_PATTERN } from '../yjs-layout';
import { userRefSchema } from './approvals';

export const PACKAGE_NAME_MAX = 200;
export const PACKAGE_CLAUSES_MAX = 500;

const packageName = z.string().trim().min(1, 'A package needs a name').max(PACKAGE_NAME_MAX, `At most ${PACKAGE_NAME_MAX} characters`);
const clauseIds = z
  .array(z.string().regex(CLAUSE_ID_PATTERN, 'a clause id: 1 to 64 letters, digits, "_" or "-"'))
  .min(1, 'A package holds at least one clause')
  .max(PACKAGE_CLAUSES_MAX, `At most ${PACKAGE_CLAUSES_MAX} clauses`);

export const createPackageBodySchema = z
  .object({
    /** "Information-sharing package". */
    name: packageName,
    /** The clauses of the document it holds, in the order given; each once. */
    clauseIds,
  })
  .strict();
export type CreatePackageBody = z.infer<typeof createPackageBodySchema>;

export const updatePackageBodySchema = z
  .object({ name: packageName.optional(), clauseIds: clauseIds.optional() })
  .strict()
  .refine((body) => body.name !== undefined || body.clauseIds !== undefined, { message: 'Give a name or clauses to change' });
export type UpdatePackageBody = z.infer<typeof updatePackageBodySchema>;

const isoTime = z.iso.datetime({ offset: true });

export const packageRecordSchema = z
  .object({
    id: z.uuid(),
    documentId: z.uuid(),
    name: z.string(),
    /** The delegation that created it (and may change it, with the secretariat); null: the secretariat's. */
    participantId: z.uuid().nullable(),
    createdBy: userRefSchema,
    createdAt: isoTime,
    updatedAt: isoTime,
    /** Its clauses in order; one removed from the document since stays listed (and unsettled). */
    clauseIds: z.array(z.string()),
  })
  .meta({ id: 'Package' });
export type PackageRecord = z.infer<typeof packageRecordSchema>;

export const packageListSchema = z.object({ packages: z.array(packageRecordSchema) }).meta({ id: 'PackageList' });
export type PackageList = z.infer<typeof packageListSchema>;

/** socket.io payloads, sent to room `doc:<documentId>` (event names in protocol.ts `SocketEvent`). */
export interface PackageChangedEvent {
  documentId: string;
  package: PackageRecord;
}
export interface PackageDeletedEvent {
  documentId: string;
  packageId: string;
}

/** The package index conditional approvals are held on [A5]: package id → clause ids. */
export function packageIndex(packages: readonly Pick<PackageRecord, 'id' | 'clauseIds'>[]): Record<string, string[]> {
  return Object.fromEntries(packages.map((p) => [p.id, [...p.clauseIds]]));
}
