/**
 * The PDF export: a title page; the authentic texts side by side (one column per language, clause by
 * clause, paragraph by paragraph) or one after the other ("in duplicate", each followed by its own
 * signature page); article numbering in each text's language; a signature block per Participant; the
 * fingerprint on every page and in the metadata; the export envelope attached as a file.
 *
 * DejaVu Serif (the dejavu-fonts-ttf package, identical on every machine) is embedded: it covers
 * Spanish and every Latin script. Every date in the file is the version's time, so the same version
 * and layout always give the same bytes — which is how a PDF is verified.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { exportLabels, type ExportLabels } from './labels';
import { envelopeBytes, type ExportEnvelope } from './envelope';
import { textBlocks, blockText, type Run, type TextBlock } from './text-blocks';
import type { RecordClause, VersionRecord } from '../../../shared/src/versions/version-record';

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
const GUTTER = 18;
const INDENT = 16;
export const BODY_SIZE = { parallel: 10, duplicate: 11 };
const ATTACHMENT_NAME = 'concordia-record.json';

export type Doc = PDFKit.PDFDocument;

/** Draws one block at (x, y); the draft export draws its proposals with its own. */
export type DrawBlock = typeof drawBlock;

/** What drawing a clause needs of it: a version's clause, or a draft's (draft-text.ts). */
export type DrawnClause = Pick<RecordClause, 'kind' | 'number' | 'texts'>;

export async function renderPdf(envelope: ExportEnvelope): Promise<Buffer> {
  const { record, fingerprint } = envelope;
  const layout = envelope.layout ?? 'parallel';
  const when = new Date(record.version.takenAt);
  const languages = record.document.languages;
  const labels = Object.fromEntries(languages.map((lang) => [lang, exportLabels(lang)]));
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    font: FONTS.regular,
    lang: languages[0],
    displayTitle: true,
    info: {
      Title: languages.map((lang) => record.document.title[lang]).join(' / '),
      Author: 'Concordia',
      Creator: envelope.exporter,
      Producer: 'Concordia',
      Subject: `SHA-256 ${fingerprint}`,
      Keywords: fingerprint,
      CreationDate: when,
      ModDate: when,
    },
  });
  (doc.info as Record<string, unknown>).ConcordiaFingerprint = fingerprint;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);

  titlePage(doc, record, fingerprint, labels);
  if (layout === 'parallel') {
    doc.addPage();
    for (const clause of record.clauses) parallelClause(doc, clause, languages, labels);
    signatures(doc, record, languages, labels, BODY_SIZE.parallel);
  } else {
    for (const lang of languages) {
      doc.addPage();
      heading(doc, record.document.title[lang] ?? '', 14, 'center');
      doc.moveDown(1);
      for (const clause of record.clauses) singleClause(doc, clause, lang, labels[lang]);
      signatures(doc, record, [lang], labels, BODY_SIZE.duplicate);
    }
  }
  footers(doc, fingerprint, languages, labels);
  doc.file(envelopeBytes(envelope), {
    name: ATTACHMENT_NAME,
    type: 'application/json',
    description: 'Concordia export envelope: the canonical record and its fingerprint',
    creationDate: when,
    modifiedDate: when,
  });
  doc.end();
  return done;
}

export const PDF_ATTACHMENT_NAME = ATTACHMENT_NAME;

function titlePage(doc: Doc, record: VersionRecord, fingerprint: string, labels: Record<string, ExportLabels>): void {
  const languages = record.document.languages;
  doc.addPage();
  doc.y = MARGIN.top + 80;
  for (const lang of languages) {
    heading(doc, record.document.title[lang] ?? '', 18, 'center');
    doc.moveDown(0.6);
  }
  doc.moveDown(1.5);
  for (const lang of languages) {
    const l = labels[lang];
    const status =
      record.version.kind === 'frozen'
        ? l.t('export.frozenOn', { date: l.date(record.version.takenAt) })
        : l.t('export.takenOn', { date: l.date(record.version.takenAt) });
    line(doc, status, 11, 'center');
    if (record.version.name) line(doc, l.t('export.versionName', { name: record.version.name }), 11, 'center');
    line(doc, l.t('export.authenticTexts', { languages: languages.map((code) => l.languageName(code)).join(', ') }), 11, 'center');
    doc.moveDown(0.6);
  }
  doc.moveDown(1);
  heading(doc, languages.map((lang) => labels[lang].t('export.participants')).join(' / '), 12, 'left');
  doc.moveDown(0.3);
  for (const participant of record.participants) {
    for (const lang of languages) line(doc, participant.name[lang] ?? participant.code, 10.5, 'left');
    doc.moveDown(0.4);
  }
  doc.moveDown(1);
  heading(doc, languages.map((lang) => labels[lang].t('export.fingerprint')).join(' / '), 12, 'left');
  doc.font('mono').fontSize(10).text(fingerprint, { width: CONTENT_WIDTH });
  doc.moveDown(0.8);
  for (const lang of languages) line(doc, labels[lang].t('export.checkIt', { fingerprint }), 9, 'left');
}

export function parallelClause(
  doc: Doc,
  clause: DrawnClause,
  languages: readonly string[],
  labels: Record<string, ExportLabels>,
  draw: DrawBlock = drawBlock,
): void {
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
      draw(doc, block, MARGIN.left + column * (width + GUTTER), top, width, size, bold, bold ? 'center' : 'left');
      bottom = Math.max(bottom, doc.y);
    });
    doc.x = MARGIN.left;
    doc.y = bottom + size * 0.35;
  }
}

export function singleClause(doc: Doc, clause: DrawnClause, lang: string, labels: ExportLabels, draw: DrawBlock = drawBlock): void {
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
    draw(doc, block, MARGIN.left, doc.y, CONTENT_WIDTH, size, bold, bold ? 'center' : 'left');
    doc.y += size * 0.35;
  }
}

/** "Done at … on …", then one block per Participant, one column per language. */
function signatures(doc: Doc, record: VersionRecord, languages: readonly string[], labels: Record<string, ExportLabels>, size: number): void {
  const columns = languages.length;
  const width = (CONTENT_WIDTH - GUTTER * (columns - 1)) / columns;
  const signature = record.signature;
  const blank = '________________';
  doc.moveDown(1.5);
  const done = languages.map((lang) =>
    labels[lang].t('export.doneAt', {
      place: signature?.place[lang] ?? blank,
      date: signature ? labels[lang].date(signature.date) : blank,
    }),
  );
  ensureRoom(doc, size * 8);
  columnsRow(
    doc,
    done.map((text) => [plain(text)]),
    width,
    size,
  );
  for (const participant of record.participants) {
    const signatory = signature?.signatories.find((s) => s.participantId === participant.id);
    const cells = languages.map((lang) => {
      const l = labels[lang].t;
      return [
        plain(l('export.signatureFor')),
        {
          ...plain(participant.name[lang] ?? participant.code),
          runs: [{ text: participant.name[lang] ?? participant.code, bold: true, italic: false, underline: false }],
        },
        plain(' '),
        plain(' '),
        plain('______________________________'),
        plain(`${l('export.signatoryName')} ${signatory?.name ?? ''}`),
        plain(`${l('export.signatoryTitle')} ${signatory?.title[lang] ?? ''}`),
      ];
    });
    const height = Math.max(...cells.map((blocks) => blocks.reduce((sum, block) => sum + measure(doc, block, width, size), 0)));
    ensureRoom(doc, height + size * 2);
    doc.moveDown(1);
    columnsRow(doc, cells, width, size);
  }
}

function columnsRow(doc: Doc, cells: TextBlock[][], width: number, size: number): void {
  const top = doc.y;
  let bottom = top;
  cells.forEach((blocks, column) => {
    doc.y = top;
    for (const block of blocks) drawBlock(doc, block, MARGIN.left + column * (width + GUTTER), doc.y, width, size, false, 'left');
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = MARGIN.left;
  doc.y = bottom;
}

/** The fingerprint and the page number at the foot of every page. */
function footers(doc: Doc, fingerprint: string, languages: readonly string[], labels: Record<string, ExportLabels>): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    const pageLabel = languages.map((lang) => labels[lang].t('export.page', { page: i + 1, pages: range.count })).join(' · ');
    doc
      .font('mono')
      .fontSize(7.5)
      .fillColor('#333333')
      .text(`SHA-256 ${fingerprint}`, MARGIN.left, PAGE.height - 52, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
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

function plain(text: string): TextBlock {
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

function drawBlock(doc: Doc, block: TextBlock, x: number, y: number, width: number, size: number, bold: boolean, align: 'left' | 'center'): void {
  const segments: Run[] = [];
  if (block.prefix) segments.push({ text: block.prefix, bold: false, italic: false, underline: false });
  for (const run of block.runs) if (run.text !== '') segments.push(run);
  if (segments.length === 0) segments.push({ text: ' ', bold: false, italic: false, underline: false });
  const left = x + block.level * INDENT;
  const options = { width: width - block.level * INDENT, lineGap: 1.5, align };
  segments.forEach((segment, i) => {
    doc.font(fontOf(segment, bold)).fontSize(size);
    const last = i === segments.length - 1;
    if (i === 0) doc.text(segment.text, left, y, { ...options, continued: !last, underline: segment.underline });
    else doc.text(segment.text, { ...options, continued: !last, underline: segment.underline });
  });
}
