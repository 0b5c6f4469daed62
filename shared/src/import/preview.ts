/**
 * From files to a preview, and from a confirmed preview to the clauses to write.
 */
import { emptyDocJSON, type NodeJSON } from '../schema';
import type { ClauseKind } from '../yjs-layout';
import type { LanguageCode } from '../languages';
import { htmlToBlocks } from './html-blocks';
import { markdownToBlocks } from './markdown-blocks';
import { textToBlocks } from './text-blocks';
import { segmentBlocks, type Segmentation } from './segment';
import { alignLanguages } from './align';
import { countKinds, pairingReport } from './report';
import { withTitle } from './title';
import type { ImportedClause, PairingReport, PreviewRow, SourceFormat } from './types';

/** One file's content as read: HTML from the DOCX reader, or the decoded text of a Markdown or text file. */
export function segmentSource(format: SourceFormat, source: string): Segmentation {
  const blocks = format === 'docx' ? htmlToBlocks(source) : format === 'markdown' ? markdownToBlocks(source) : textToBlocks(source);
  return segmentBlocks(blocks);
}

export interface Preview {
  languages: LanguageCode[];
  title: Record<LanguageCode, string | null>;
  rows: PreviewRow[];
  report: PairingReport;
}

/** Aligns the languages' clause rows and reports what does not line up. */
export function buildPreview(
  languages: readonly LanguageCode[],
  files: Partial<Record<LanguageCode, { title: string | null; clauses: readonly ImportedClause[] }>>,
): Preview {
  const rows = alignLanguages(languages, Object.fromEntries(Object.entries(files).map(([lang, file]) => [lang, file!.clauses])));
  const counts = Object.fromEntries(languages.filter((lang) => files[lang]).map((lang) => [lang, countKinds(files[lang]!.clauses)]));
  return {
    languages: [...languages],
    title: Object.fromEntries(languages.map((lang) => [lang, files[lang]?.title ?? null])),
    rows,
    report: pairingReport(rows, languages, counts),
  };
}

export interface ClauseToWrite {
  kind: ClauseKind;
  content: Record<LanguageCode, NodeJSON>;
  /** Languages the files had no text for: written as one empty paragraph, and flagged. */
  missing: LanguageCode[];
}

export function rowsToClauses(rows: readonly PreviewRow[], languages: readonly LanguageCode[]): ClauseToWrite[] {
  return rows.map((row) => ({
    kind: row.kind,
    content: Object.fromEntries(
      languages.map((lang) => {
        const text = row.texts[lang];
        return [lang, text ? withTitle(text.content, text.title) : emptyDocJSON()];
      }),
    ),
    missing: languages.filter((lang) => !row.texts[lang]),
  }));
}
