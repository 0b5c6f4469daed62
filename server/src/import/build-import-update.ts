/**
 * A confirmed import as one Yjs update, built on the import-writing thread (build-thread.ts) so that
 * the event loop never runs it. Everything costly happens here: parsing the stored preview rows,
 * applying the secretariat's corrections, checking every text against the schema, turning a thousand
 * ProseMirror documents into Yjs types and encoding them. The event loop then only applies the
 * finished updates to the live document, in the write's transaction (commands/import-clauses.ts): the
 * clause entries in updates of ENTRIES_PER_UPDATE clauses, yielding between them, and the order last,
 * which is the instant the whole import appears (write-clauses.ts).
 *
 * The update is built on a copy of the live document's state (`state`) under a Yjs clientID the live
 * document has never used (`clientId`, chosen by the event loop), so it integrates there exactly as
 * `writeClauses` would have written it; changes made to the live document meanwhile merge with it as
 * any concurrent edit does.
 */
import * as Y from 'yjs';
import { applyOperations, rowsToClauses, type PreviewOperation, type PreviewRow } from '../../../shared/src/import';
import type { LanguageCode } from '../../../shared/src/languages';
import type { ErrorCode } from '../../../shared/src/error-codes';
import { writeClauses, type ImportMode } from './write-clauses';
import { IMPORT_LIMITS } from './import-limits';

/** A few ms of the event loop each: a 1,000-clause update applied at once held it 30–50 ms on a quiet machine, 100–140 ms under load; in steps of 100 /readyz still waited up to 150 ms (docs/performance.md). */
export const ENTRIES_PER_UPDATE = 25;

export interface BuildRequest {
  /** The preview's rows as stored (JSON text: parsed here, not on the event loop). */
  rowsJson: string;
  operations: PreviewOperation[];
  languages: LanguageCode[];
  mode: ImportMode;
  /** The live document's state (Y.encodeStateAsUpdate). */
  state: Uint8Array;
  clientId: number;
  /** Named in the error when the corrected rows pass the clause limit. */
  fileNames: string;
}

export type BuildReply =
  | { ok: true; updates: Uint8Array[]; clauseIds: string[]; flagged: Array<{ clauseId: string; missing: LanguageCode[] }> }
  | { ok: false; code: Extract<ErrorCode, 'import_correction_invalid' | 'import_too_many_clauses'>; params?: Record<string, string | number>; reason: string };

export function buildImportUpdate(request: BuildRequest): BuildReply {
  let rows: PreviewRow[];
  try {
    rows = applyOperations(JSON.parse(request.rowsJson) as PreviewRow[], request.operations);
  } catch (error) {
    return { ok: false, code: 'import_correction_invalid', reason: `corrections do not apply: ${(error as Error).message}` };
  }
  if (rows.length === 0) return { ok: false, code: 'import_correction_invalid', reason: 'no rows are left' };
  // Corrections can split rows: the confirmation is held to the preview's limit (the event loop applies the update in one piece).
  if (rows.length > IMPORT_LIMITS.clauses) {
    return {
      ok: false,
      code: 'import_too_many_clauses',
      params: { file: request.fileNames, limit: IMPORT_LIMITS.clauses },
      reason: `${rows.length} rows after the corrections`,
    };
  }
  const clauses = rowsToClauses(rows, request.languages);
  const doc = new Y.Doc({ gc: true });
  try {
    doc.clientID = request.clientId;
    Y.applyUpdate(doc, request.state);
    const updates: Uint8Array[] = [];
    doc.on('update', (change: Uint8Array) => updates.push(change));
    let clauseIds: string[];
    try {
      clauseIds = writeClauses(doc, request.languages, clauses, request.mode, undefined, { entriesPerTransaction: ENTRIES_PER_UPDATE });
    } catch (error) {
      return { ok: false, code: 'import_correction_invalid', reason: `a stored row is not valid: ${(error as Error).message}` };
    }
    if (updates.length === 0) return { ok: false, code: 'import_correction_invalid', reason: 'the import changed nothing' };
    const flagged = clauses.flatMap((clause, i) => (clause.missing.length > 0 ? [{ clauseId: clauseIds[i], missing: clause.missing }] : []));
    return { ok: true, updates, clauseIds, flagged };
  } finally {
    doc.destroy();
  }
}
