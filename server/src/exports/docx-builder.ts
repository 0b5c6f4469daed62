/**
 * What every DOCX export draws the same way: the texts side by side (a table, one column per language)
 * or one after the other ("in duplicate", a section per language), article numbering in each text's
 * language, and a footer with the page numbers. Two things differ and are passed in: the title page and
 * the line above the page numbers, and how a paragraph's runs are written — the agreed text as it
 * stands (docx.ts), or a draft's proposals as tracked changes (draft-docx.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IPropertiesOptions,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import type { ExportLabels } from './labels';
import { textBlocks, type DrawnClause, type Run, type TextBlock } from './text-blocks';
import type { ExportLayout } from '../../../shared/src/api/versions';
import { stripXmlForbidden } from '../../../shared/src/text-characters';

export const FONT = 'Cambria';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

export type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Writes the runs of one paragraph (its list prefix is written before them). */
export type RenderRuns = (runs: readonly Run[], bold: boolean) => ParagraphChild[];

export interface DocxText {
  languages: readonly string[];
  labels: Record<string, ExportLabels>;
  title: Record<string, string>;
  clauses: readonly DrawnClause[];
  layout: ExportLayout;
  titlePage: Paragraph[];
  /** The line above the page numbers in every footer (or lines: a signed original's initials, then its fingerprint). */
  footerLine: Paragraph | Paragraph[];
  runs: RenderRuns;
  /** What follows the texts of these languages (the signature block). */
  closing?: (languages: readonly string[]) => Array<Paragraph | Table>;
  /** A last section after every text (a draft's list of approvals). */
  appendix?: Paragraph[];
}

/** The package of a text, with the document properties of its kind of export. */
export async function docxBytes(text: DocxText, properties: Omit<IPropertiesOptions, 'sections' | 'styles'>): Promise<Buffer> {
  const document = new Document({ ...properties, styles: { default: { document: { run: { font: FONT, size: 22 } } } }, sections: sectionsOf(text) });
  return Packer.toBuffer(document);
}

function sectionsOf(text: DocxText): ISectionOptions[] {
  const { languages, labels, clauses, closing } = text;
  const footer = footerOf(text.footerLine, languages, labels);
  const sections: ISectionOptions[] = [{ properties: {}, footers: { default: footer }, children: text.titlePage }];
  if (text.layout === 'parallel') {
    sections.push({ properties: {}, footers: { default: footer }, children: [parallelTable(text), ...(closing?.(languages) ?? [])] });
    return withAppendix(sections, text.appendix, footer);
  }
  for (const lang of languages) {
    sections.push({
      properties: {},
      footers: { default: footer },
      children: [
        paragraph([run(text.title[lang] ?? '', { bold: true, size: 28 })], AlignmentType.CENTER),
        ...clauses.flatMap((clause) => clauseParagraphs(clause, lang, labels[lang], text.runs)),
        ...(closing?.([lang]) ?? []),
      ],
    });
  }
  return withAppendix(sections, text.appendix, footer);
}

function withAppendix(sections: ISectionOptions[], appendix: Paragraph[] | undefined, footer: Footer): ISectionOptions[] {
  return appendix?.length ? [...sections, { properties: {}, footers: { default: footer }, children: appendix }] : sections;
}

function parallelTable(text: DocxText): Table {
  const { languages, labels } = text;
  const width = Math.floor(100 / languages.length);
  const rows = [
    new TableRow({
      tableHeader: true,
      children: languages.map((lang) => cell([paragraph([run(labels[lang].languageName(lang), { bold: true })], AlignmentType.CENTER)], width)),
    }),
  ];
  for (const clause of text.clauses) {
    rows.push(new TableRow({ cantSplit: false, children: languages.map((lang) => cell(clauseParagraphs(clause, lang, labels[lang], text.runs), width)) }));
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows });
}

function clauseParagraphs(clause: DrawnClause, lang: string, labels: ExportLabels, runs: RenderRuns): Paragraph[] {
  const heading = clause.kind === 'heading';
  const align = heading ? AlignmentType.CENTER : AlignmentType.LEFT;
  const out: Paragraph[] = [];
  const number = labels.clause(clause.kind, clause.number);
  if (number) out.push(paragraph([run(number, { bold: true })], align, 120));
  for (const block of textBlocks(clause.texts[lang] ?? null)) out.push(blockParagraph(block, heading, align, runs));
  if (out.length === 0) out.push(paragraph([]));
  return out;
}

function blockParagraph(block: TextBlock, bold: boolean, align: Align, runs: RenderRuns): Paragraph {
  const children: ParagraphChild[] = [];
  if (block.prefix) children.push(run(block.prefix));
  children.push(...runs(block.runs, bold));
  return new Paragraph({ children, alignment: align, indent: block.level > 0 ? { left: block.level * 360 } : undefined, spacing: { after: 80 } });
}

/** The agreed text: each run as it stands, a hard break as a line break. */
export const agreedRuns: RenderRuns = (runs, bold) => runs.flatMap((r) => textRuns(r, bold));

export function textRuns(r: Run, bold: boolean): TextRun[] {
  return r.text
    .split('\n')
    .map(
      (text, i) =>
        new TextRun({ text: xmlText(text), bold: r.bold || bold, italics: r.italic, underline: r.underline ? {} : undefined, break: i > 0 ? 1 : undefined }),
    );
}

function footerOf(top: Paragraph | Paragraph[], languages: readonly string[], labels: Record<string, ExportLabels>): Footer {
  const pageRuns: TextRun[] = [];
  languages.forEach((lang, i) => {
    if (i > 0) pageRuns.push(run(' · ', { size: 15 }));
    // "Page {{page}} of {{pages}}" with Word's own page fields in place of the numbers.
    const parts = labels[lang].t('export.page', { page: '{PAGE}', pages: '{PAGES}' }).split(/(\{PAGES?\})/);
    for (const part of parts) {
      if (part === '{PAGE}') pageRuns.push(new TextRun({ children: [PageNumber.CURRENT], size: 15 }));
      else if (part === '{PAGES}') pageRuns.push(new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 15 }));
      else if (part) pageRuns.push(run(part, { size: 15 }));
    }
  });
  return new Footer({ children: [...(Array.isArray(top) ? top : [top]), paragraph(pageRuns, AlignmentType.CENTER)] });
}

export function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, margins: { top: 60, bottom: 60, left: 100, right: 100 } });
}

export function paragraph(children: ParagraphChild[], alignment: Align = AlignmentType.LEFT, before = 0): Paragraph {
  return new Paragraph({ children, alignment, spacing: { before, after: 80 } });
}

export function run(text: string, options: { bold?: boolean; size?: number; font?: string; color?: string } = {}): TextRun {
  return new TextRun({ text: xmlText(text), bold: options.bold, size: options.size, font: options.font, color: options.color });
}

/**
 * Every text the package holds passes here: the `docx` library escapes markup but writes control
 * characters as they come, and a part holding one is not XML (Word refuses the file). A clause typed
 * through Yjs can hold them [T1]; the record part keeps the text as stored (base64).
 */
export const xmlText = stripXmlForbidden;
