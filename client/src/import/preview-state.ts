/**
 * The preview as the secretariat corrects it: the rows the server read, and the corrections made
 * so far. The rows shown and the report are derived from both with the same pure functions the
 * server applies on confirmation, so what is confirmed is exactly what is shown.
 */
import { applyOperation, pairingReport } from '../../../shared/src/import';
import type { PairingReport, PreviewOperation, PreviewRow } from '../../../shared/src/import/types';
import type { ImportPreview } from './import-api';

export interface PreviewState {
  preview: ImportPreview;
  operations: PreviewOperation[];
  /** The rows after every correction, in order (derived, cached with the operations). */
  rows: PreviewRow[];
}

export function initialPreviewState(preview: ImportPreview): PreviewState {
  return { preview, operations: [], rows: preview.rows };
}

/** Adds a correction; throws a RangeError (saying why) when it does not apply, leaving the state as it was. */
export function correct(state: PreviewState, operation: PreviewOperation): PreviewState {
  return { ...state, operations: [...state.operations, operation], rows: applyOperation(state.rows, operation) };
}

export function undo(state: PreviewState): PreviewState {
  const operations = state.operations.slice(0, -1);
  return { ...state, operations, rows: operations.reduce(applyOperation, state.preview.rows) };
}

export function reportOf(state: PreviewState, languages: readonly string[]): PairingReport {
  return pairingReport(state.rows, languages, state.preview.report.counts);
}
