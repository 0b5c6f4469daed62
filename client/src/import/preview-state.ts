/**
 * The preview as the secretariat corrects it: the rows the server read, and the corrections made
 * so far. The rows shown and the report are derived from both with the same pure functions the
 * server applies on confirmation, so what is confirmed is exactly what is shown.
 */
import { applyOperation, pairingReport, rowsToCheck } from '../../../shared/src/import';
import type { PairingReport, PreviewOperation, PreviewRow, RowReview } from '../../../shared/src/import/types';
import type { ImportPreview } from './import-api';

export interface PreviewState {
  preview: ImportPreview;
  operations: PreviewOperation[];
  /** The rows after every correction, in order (derived, cached with the operations). */
  rows: PreviewRow[];
  /**
   * The doubtful rows the person said are paired right, each as the row and its doubts (checkKey): a
   * correction that changes a row's doubts asks for its check again.
   */
  checked: string[];
}

export function initialPreviewState(preview: ImportPreview): PreviewState {
  return { preview, operations: [], rows: preview.rows, checked: [] };
}

/** What a check confirms: this row, with these doubts. */
export const checkKey = (review: RowReview): string => `${review.rowId}:${JSON.stringify(review.doubts)}`;

export function isChecked(state: PreviewState, review: RowReview): boolean {
  return state.checked.includes(checkKey(review));
}

export function setChecked(state: PreviewState, review: RowReview, checked: boolean): PreviewState {
  const key = checkKey(review);
  return { ...state, checked: checked ? [...state.checked.filter((k) => k !== key), key] : state.checked.filter((k) => k !== key) };
}

/** Checks every row that needs it at once ("I have checked the flagged rows"), or none. */
export function setAllChecked(state: PreviewState, report: PairingReport, checked: boolean): PreviewState {
  return { ...state, checked: checked ? rowsToCheck(report.reviews).map(checkKey) : [] };
}

/** The rows that need a check and have not had it: while there are any, nothing is imported. */
export function uncheckedRows(state: PreviewState, report: PairingReport): RowReview[] {
  return rowsToCheck(report.reviews).filter((review) => !isChecked(state, review));
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
  return pairingReport(state.rows, languages, state.preview.report.counts, state.preview.rows);
}
