/**
 * The stages of an import, as data. Every stage is a pure function of the one before:
 *
 *   file text (DOCX → HTML, Markdown, plain text)
 *     → SourceBlock[]        what the file says, block by block, with bold/italic/underline and lists
 *     → ImportedClause[]     one language's clause rows: kind, the number the file wrote, the text
 *     → PreviewRow[]         the languages aligned row by row (align.ts)
 *     → PreviewOperation[]   the secretariat's corrections: pair, unpair, split, merge, set kind, remove
 *
 * Issues (a clause without counterpart, numbers that disagree) are derived from the rows every time
 * (report.ts), never stored, so they cannot disagree with the rows they describe.
 */
import type { NodeJSON } from '../schema';
import type { ClauseKind } from '../yjs-layout';
import type { LanguageCode } from '../languages';

export type InlineMark = 'strong' | 'em' | 'underline';

export type Inline = { type: 'text'; text: string; marks: InlineMark[] } | { type: 'break' };

export type SourceBlock =
  | { type: 'title'; inlines: Inline[] }
  | { type: 'heading'; level: number; inlines: Inline[] }
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: SourceBlock[][] };

export type SourceFormat = 'docx' | 'markdown' | 'text';

/** How a clause was recognised in its file. */
export type ClauseMarker = 'preamble' | 'heading' | 'article' | 'numbered' | 'list_item' | 'paragraph';

/** One clause row of one language, as the file has it. */
export interface ImportedClause {
  kind: ClauseKind;
  /** The number the file wrote, normalised ("3", "3bis", "iv"); null when it wrote none. */
  number: string | null;
  marker: ClauseMarker;
  /** A ProseMirror `doc` of the shared schema, without the written number and without the title. */
  content: NodeJSON;
  /**
   * The article's title as the file wrote it ("Article 1. Purpose", or a line "Purpose" under
   * "Article 1"): a `paragraph` node, imported as the clause's heading line (titleParagraph). Absent when none.
   */
  title?: NodeJSON | null;
}

/** One language's file, read into clause rows. */
export interface ParsedText {
  /** The document title, when the file marks one (a Title style, or a lone top heading). */
  title: string | null;
  clauses: ImportedClause[];
}

/** A row's text in one language. */
export interface RowText {
  /** The number the file wrote for this clause, normalised; null when none. */
  number: string | null;
  content: NodeJSON;
  /** The article's title line (a `paragraph` node), kept apart from the body until it is written; absent when none. */
  title?: NodeJSON | null;
}

/** One row of the preview: the clause each language contributes, or null where a language has none. */
export interface PreviewRow {
  /** Stable within one preview: "r1", "r2", …; rows made by a split take the next free number. */
  id: string;
  kind: ClauseKind;
  texts: Record<LanguageCode, RowText | null>;
}

export type RowIssue =
  /** No text in these languages: the row imports with them empty, and flagged. */
  | { code: 'missing'; languages: LanguageCode[] }
  /** Paired, but the files wrote different numbers for it. */
  | { code: 'number_mismatch'; numbers: Record<LanguageCode, string | null> };

/**
 * Why a row's pairing may be wrong, derived from the texts each time (review.ts). Unlike the issues
 * above, which are facts about a row, these are doubts: the person confirms the row or corrects it.
 */
export type PairingDoubt =
  /** No text in these languages; `continues` names the row whose text in `language` this one may be the rest of. */
  | { code: 'gap'; languages: LanguageCode[]; continues: { rowId: string; index: number; language: LanguageCode } | null }
  /** The numbers differ in a way no gap above explains (a renumbering after a dropped article is explained). */
  | { code: 'numbers'; numbers: Record<LanguageCode, string | null> }
  /** One text is much longer than the other, well beyond the usual ratio between the two drafts. */
  | { code: 'lengths'; language: LanguageCode; ratio: number }
  /** Figures, dates or acronyms that one text has and the other lacks. */
  | { code: 'tokens'; only: Record<LanguageCode, string[]> }
  /** The text in `language` of a neighbouring row fits this row's other text better than its own. */
  | { code: 'neighbour'; language: LanguageCode; rowId: string; index: number };

export interface RowReview {
  rowId: string;
  index: number;
  doubts: PairingDoubt[];
  /** The numbers differ, explained by a gap above (a renumbered draft): shown, but no doubt. */
  renumbered: boolean;
}

export interface ReportEntry {
  rowId: string;
  /** Position of the row in the preview, from 0. */
  index: number;
  kind: ClauseKind;
  issue: RowIssue;
}

export interface PairingReport {
  languages: LanguageCode[];
  /** Clauses per kind in each language's file, as read. */
  counts: Record<LanguageCode, Record<ClauseKind, number>>;
  /** True when every row has a text in every language and the written numbers agree. */
  aligned: boolean;
  entries: ReportEntry[];
  /** The rows whose pairing the person should check before importing, with the reasons (review.ts). */
  reviews: RowReview[];
}

export type PreviewOperation =
  /** Joins two rows that have no language in common into one, at the place of the first. */
  | { op: 'pair'; rows: [string, string] }
  /** Takes one language's text out of a row into a new row right after it. */
  | { op: 'unpair'; row: string; language: LanguageCode }
  /** Cuts one language's text before its block `at`: the rest goes to a new row right after. */
  | { op: 'split'; row: string; language: LanguageCode; at: number }
  /** Appends the next row's text to this row's (in one language, or in all); the emptied row goes. */
  | { op: 'merge'; row: string; language?: LanguageCode }
  | { op: 'set_kind'; row: string; kind: ClauseKind }
  | { op: 'remove'; row: string };
