/**
 * What the secretariat must look at before confirming, derived from the rows each time: rows with
 * no text in some language (imported empty there, and flagged), and pairs whose files wrote
 * different numbers; and the review of each row's pairing (review.ts). Nothing here is stored, so the
 * report always describes the rows as they are.
 */
import { CLAUSE_KINDS, type ClauseKind } from '../yjs-layout';
import type { LanguageCode } from '../languages';
import { reviewRows } from './review';
import type { ImportedClause, PairingReport, PreviewRow, ReportEntry, RowIssue } from './types';

export function rowIssues(row: PreviewRow, languages: readonly LanguageCode[]): RowIssue[] {
  const issues: RowIssue[] = [];
  const missing = languages.filter((lang) => !row.texts[lang]);
  if (missing.length > 0) issues.push({ code: 'missing', languages: missing });
  const written = languages.filter((lang) => row.texts[lang]?.number != null);
  const numbers = new Set(written.map((lang) => row.texts[lang]!.number));
  if (numbers.size > 1) issues.push({ code: 'number_mismatch', numbers: Object.fromEntries(languages.map((lang) => [lang, row.texts[lang]?.number ?? null])) });
  return issues;
}

export function countKinds(clauses: readonly ImportedClause[]): Record<ClauseKind, number> {
  const counts = Object.fromEntries(CLAUSE_KINDS.map((kind) => [kind, 0])) as Record<ClauseKind, number>;
  for (const clause of clauses) counts[clause.kind] += 1;
  return counts;
}

/** The report over the rows. `counts` are per language file, as read, and `asRead` the rows before any correction. */
export function pairingReport(
  rows: readonly PreviewRow[],
  languages: readonly LanguageCode[],
  counts: Record<LanguageCode, Record<ClauseKind, number>>,
  asRead: readonly PreviewRow[] = rows,
): PairingReport {
  const entries: ReportEntry[] = [];
  rows.forEach((row, index) => {
    for (const issue of rowIssues(row, languages)) entries.push({ rowId: row.id, index, kind: row.kind, issue });
  });
  return { languages: [...languages], counts, aligned: entries.length === 0, entries, reviews: reviewRows(rows, languages, asRead) };
}
