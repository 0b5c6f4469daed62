/**
 * What every PDF export draws the same way: the document (A4, DejaVu Serif embedded, every date the
 * given time, so the same text always gives the same bytes), the texts side by side (one column per
 * language, clause by clause, paragraph by paragraph) or one after the other ("in duplicate"), article
 * numbering in each text's language, and the page numbers at the foot of every page. Passed in: the
 * title page, what follows each text (the signature page), the line above the page numbers, and how a
 * run is marked beyond its own formatting — not at all in the agreed text (pdf.ts), a draft's
 * proposals in their sponsor's colour (draft-pdf.ts).
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { ExportLabels } from './labels';
import { textBlocks, blockText, type DrawnClause, type Run, type TextBlock } from './text-blocks';
import type { ExportLayout } from '../../../shared/src/api/versions';

const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSerif.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSerif-Bold.ttf'),
  italic: path.join(FONT_DIR, 'DejaVuSerif-Italic.ttf'),
  boldItalic: path.join(FONT_DIR, 'DejaVuSerif-BoldItalic.ttf'),
  mono: path.join(FONT_DIR, 'DejaVuSansMono.ttf'),
};

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 64, bottom: 84, left: 56, right: 56 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const GUTTER = 18;
const INDENT = 16;
export const BODY_SIZE = { parallel: 10, duplicate: 11 };

export type Doc = PDFKit.PDFDocument;

/** How a run of a draft is drawn: its colour, and whether it is underlined or struck through. */
export interface RunMarks {
  color: string;
  underline: boolean;
  strike: boolean;
}

export type MarkRun = (run: Run) => RunMarks;

export interface PdfText {
  languages: readonly string[];
  labels: Record<string, ExportLabels>;
  title: Record<string, string>;
  clauses: readonly DrawnClause[];
  layout: ExportLayout;
  /** Without it, a run is drawn with its own formatting only. */
  mark?: MarkRun;
  /** What follows the texts of these languages (the signature block), at the body's size. */
  closing?: (languages: readonly string[], size: number) => void;
}

/** A document with the fonts registered; `draw` fills it. */
export function pdfBytes(lang: string, info: PDFKit.DocumentInfo, draw: (doc: Doc) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    font: FONTS.regular,
    lang,
    displayTitle: true,
    info,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  draw(doc);
  doc.end();
  return done;
}

/** The texts, after the title page. */
export function drawTexts(doc: Doc, text: PdfText): void {
  const { languages, labels, clauses, mark, closing } = text;
  if (text.layout === 'parallel') {
    doc.addPage();
    for (const clause of clauses) parallelClause(doc, clause, languages, labels, mark);
    closing?.(languages, BODY_SIZE.parallel);
    return;
  }
  for (const lang of languages) {
    doc.addPage();
    heading(doc, text.title[lang] ?? '', 14, 'center');
    doc.moveDown(1);
    for (const clause of clauses) singleClause(doc, clause, lang, labels[lang], mark);
    closing?.([lang], BODY_SIZE.duplicate);
  }
}

function parallelClause(doc: Doc, clause: DrawnClause, languages: readonly string[], labels: Record<string, ExportLabels>, mark?: MarkRun): void {
  const columns = languages.length;
  const width = (CONTENT_WIDTH - GUTTER * (columns - 1)) / columns;
  const size = BODY_SIZE.parallel;
  const bold = clause.kind === 'heading';
  const rows: Array<Array<TextBlock | null>> = [];
  const numbers = languages.map((lang) => labels[lang].clause(clause.kind, clause.number));
  if (numbers.some((n) => n !== ''))
    rows.push(numbers.map((n) => ({ level: 0, prefix: '', runs: [{ text: n, bold: true, italic: false, underline: false }] })));
  const blocks = languages.map((lang) => textBlocks(clause.texts[lang] ?? null));
  const count = Math.max(0, ...blocks.map((b) => b.length));
  for (let i = 0; i < count; i += 1) rows.push(blocks.map((b) => b[i] ?? null));
  doc.moveDown(0.5);
  for (const row of rows) {
    const heights = row.map((block) => (block ? measure(doc, block, width, size) : 0));
    ensureRoom(doc, Math.max(...heights));
    const top = doc.y;
    let bottom = top;
    row.forEach((block, column) => {
      if (!block) return;
      drawBlock(doc, block, MARGIN.left + column * (width + GUTTER), top, width, size, bold, bold ? 'center' : 'left', mark);
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = MARGIN.left;
    doc.y = bottom + size * 0.35;
  }
}

function singleClause(doc: Doc, clause: DrawnClause, lang: string, labels: ExportLabels, mark?: MarkRun): void {
  const size = BODY_SIZE.duplicate;
  const bold = clause.kind === 'heading';
  const number = labels.clause(clause.kind, clause.number);
  doc.moveDown(0.5);
  const blocks = textBlocks(clause.texts[lang] ?? null);
  if (number) {
    const first = blocks[0] ? measure(doc, blocks[0], CONTENT_WIDTH, size) : 0;
    ensureRoom(doc, size * 1.6 + first);
    drawBlock(
      doc,
      { level: 0, prefix: '', runs: [{ text: number, bold: true, italic: false, underline: false }] },
      MARGIN.left,
      doc.y,
      CONTENT_WIDTH,
      size,
      true,
      bold ? 'center' : 'left',
    );
  }
  for (const block of blocks) {
    ensureRoom(doc, measure(doc, block, CONTENT_WIDTH, size));
    drawBlock(doc, block, MARGIN.left, doc.y, CONTENT_WIDTH, size, bold, bold ? 'center' : 'left', mark);
    doc.y += size * 0.35;
  }
}

/** The line `stamp` draws (at 52 pt from the bottom) and the page number at the foot of every page. */
export function footers(doc: Doc, languages: readonly string[], labels: Record<string, ExportLabels>, stamp: (doc: Doc, y: number) => void): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    const pageLabel = languages.map((lang) => labels[lang].t('export.page', { page: i + 1, pages: range.count })).join(' · ');
    stamp(doc, PAGE.height - 52);
    doc
      .font('regular')
      .fontSize(7.5)
      .text(pageLabel, MARGIN.left, PAGE.height - 40, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    doc.fillColor('#000000');
    doc.page.margins = margins;
  }
}

export function heading(doc: Doc, text: string, size: number, align: 'center' | 'left'): void {
  doc.font('bold').fontSize(size).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH, align });
}

export function line(doc: Doc, text: string, size: number, align: 'center' | 'left'): void {
  doc.font('regular').fontSize(size).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH, align });
}

export function plain(text: string): TextBlock {
  return { level: 0, prefix: '', runs: [{ text, bold: false, italic: false, underline: false }] };
}

export function measure(doc: Doc, block: TextBlock, width: number, size: number): number {
  const text = blockText(block) || ' ';
  doc.font('regular').fontSize(size);
  return doc.heightOfString(text, { width: width - block.level * INDENT, lineGap: 1.5 }) + 2;
}

export function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.height - MARGIN.bottom && doc.y > MARGIN.top + 1) doc.addPage();
}

export function fontOf(run: Run, bold: boolean): string {
  const b = run.bold || bold;
  if (b && run.italic) return 'boldItalic';
  if (b) return 'bold';
  if (run.italic) return 'italic';
  return 'regular';
}

export function drawBlock(
  doc: Doc,
  block: TextBlock,
  x: number,
  y: number,
  width: number,
  size: number,
  bold: boolean,
  align: 'left' | 'center',
  mark?: MarkRun,
): void {
  const segments: Run[] = [];
  if (block.prefix) segments.push({ text: block.prefix, bold: false, italic: false, underline: false });
  for (const run of block.runs) if (run.text !== '') segments.push(run);
  if (segments.length === 0) segments.push({ text: ' ', bold: false, italic: false, underline: false });
  const left = x + block.level * INDENT;
  const options = { width: width - block.level * INDENT, lineGap: 1.5, align };
  segments.forEach((segment, i) => {
    doc.font(fontOf(segment, bold)).fontSize(size);
    const marks = mark?.(segment);
    if (marks) doc.fillColor(marks.color);
    const drawn = { ...options, continued: i < segments.length - 1, underline: marks ? marks.underline : segment.underline, strike: marks?.strike };
    if (i === 0) doc.text(segment.text, left, y, drawn);
    else doc.text(segment.text, drawn);
  });
  if (mark) doc.fillColor('#000000');
}
