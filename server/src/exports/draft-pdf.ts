/**
 * The PDF of a draft (draft-text.ts): the layout of the PDF export (pdf.ts), with each open proposal
 * marked in its sponsor's colour — insertions underlined, deletions struck through — and a legend of the
 * sponsors on the title page. "Draft — not for signature" stands on the title page and at the foot of
 * every page; there is no fingerprint and no attached record, so the file is no verifiable export.
 */
import PDFDocument from 'pdfkit';
import { exportLabels, type ExportLabels } from './labels';
import { CONTENT_WIDTH, FONTS, MARGIN, PAGE, fontOf, heading, line, parallelClause, singleClause, type Doc, type DrawBlock } from './pdf';
import { draftSponsors, type DraftText } from './draft-text';
import type { Run } from './text-blocks';
import type { ExportLayout } from '../../../shared/src/api/versions';

const DRAFT_COLOR = '#c00000';
const UNATTRIBUTED_COLOR = '#666666';
const INDENT = 16;

export async function renderDraftPdf(draft: DraftText, layout: ExportLayout): Promise<Buffer> {
  const languages = draft.document.languages;
  const labels = Object.fromEntries(languages.map((lang) => [lang, exportLabels(lang)]));
  const when = new Date(draft.at);
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
      Title: languages.map((lang) => `${draft.document.title[lang] ?? ''} (${labels[lang].t('export.draft.banner')})`).join(' / '),
      Author: 'Concordia',
      Creator: 'Concordia',
      Producer: 'Concordia',
      Subject: languages.map((lang) => labels[lang].t('export.draft.notVerifiable')).join(' / '),
      CreationDate: when,
      ModDate: when,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);

  const colors = new Map(draft.proposals.map((p) => [p.id, p.sponsor?.color ?? UNATTRIBUTED_COLOR]));
  const draw = proposalDrawer((id) => colors.get(id) ?? UNATTRIBUTED_COLOR);
  titlePage(doc, draft, labels);
  if (layout === 'parallel') {
    doc.addPage();
    for (const clause of draft.clauses) parallelClause(doc, clause, languages, labels, draw);
  } else {
    for (const lang of languages) {
      doc.addPage();
      heading(doc, draft.document.title[lang] ?? '', 14, 'center');
      doc.moveDown(1);
      for (const clause of draft.clauses) singleClause(doc, clause, lang, labels[lang], draw);
    }
  }
  footers(doc, languages, labels);
  doc.end();
  return done;
}

function titlePage(doc: Doc, draft: DraftText, labels: Record<string, ExportLabels>): void {
  const languages = draft.document.languages;
  doc.addPage();
  doc.y = MARGIN.top + 60;
  for (const lang of languages) {
    heading(doc, draft.document.title[lang] ?? '', 18, 'center');
    doc.moveDown(0.6);
  }
  doc.moveDown(0.5);
  doc.fillColor(DRAFT_COLOR);
  for (const lang of languages) heading(doc, labels[lang].t('export.draft.banner'), 16, 'center');
  doc.fillColor('#000000');
  doc.moveDown(1);
  for (const lang of languages) {
    const l = labels[lang];
    const date = l.date(draft.at);
    line(doc, draft.source.kind === 'current' ? l.t('export.draft.current', { date }) : l.t('export.draft.version', { date }), 11, 'center');
    if (draft.source.kind !== 'current' && draft.source.name) line(doc, l.t('export.versionName', { name: draft.source.name }), 11, 'center');
    line(doc, l.t('export.draft.notVerifiable'), 9, 'center');
    doc.moveDown(0.6);
  }
  doc.moveDown(0.6);
  heading(doc, languages.map((lang) => labels[lang].t('export.participants')).join(' / '), 12, 'left');
  doc.moveDown(0.3);
  for (const participant of draft.participants) line(doc, languages.map((lang) => participant.name[lang] ?? participant.code).join(' / '), 10.5, 'left');
  doc.moveDown(1);
  for (const lang of languages) heading(doc, labels[lang].t('export.draft.proposals'), 11, 'left');
  doc.moveDown(0.3);
  const sponsors = draftSponsors(draft);
  if (sponsors.length === 0) line(doc, languages.map((lang) => labels[lang].t('export.draft.noProposals')).join(' / '), 10.5, 'left');
  for (const sponsor of sponsors) {
    const names = languages.map((lang) =>
      sponsor
        ? labels[lang].t('export.draft.sponsor', { name: sponsor.name[lang] ?? sponsor.code, code: sponsor.code })
        : labels[lang].t('export.draft.unattributed'),
    );
    const y = doc.y;
    doc
      .rect(MARGIN.left, y + 2, 9, 9)
      .fill(sponsor?.color ?? UNATTRIBUTED_COLOR)
      .fillColor('#000000');
    doc
      .font('regular')
      .fontSize(10.5)
      .text(names.join(' / '), MARGIN.left + 16, y, { width: CONTENT_WIDTH - 16 });
    doc.moveDown(0.3);
  }
}

/** drawBlock of pdf.ts, with each proposal's runs in its sponsor's colour: insertions underlined, deletions struck through. */
function proposalDrawer(colorOf: (proposalId: string) => string): DrawBlock {
  return (doc, block, x, y, width, size, bold, align) => {
    const segments: Run[] = [];
    if (block.prefix) segments.push({ text: block.prefix, bold: false, italic: false, underline: false });
    for (const run of block.runs) if (run.text !== '') segments.push(run);
    if (segments.length === 0) segments.push({ text: ' ', bold: false, italic: false, underline: false });
    const left = x + block.level * INDENT;
    const options = { width: width - block.level * INDENT, lineGap: 1.5, align };
    segments.forEach((segment, i) => {
      const proposal = segment.deletion ?? segment.insertion;
      doc
        .font(fontOf(segment, bold))
        .fontSize(size)
        .fillColor(proposal ? colorOf(proposal) : '#000000');
      const marks = {
        continued: i < segments.length - 1,
        underline: segment.underline || segment.insertion !== undefined,
        strike: segment.deletion !== undefined,
      };
      if (i === 0) doc.text(segment.text, left, y, { ...options, ...marks });
      else doc.text(segment.text, { ...options, ...marks });
    });
    doc.fillColor('#000000');
  };
}

/** "Draft — not for signature" and the page number at the foot of every page. */
function footers(doc: Doc, languages: readonly string[], labels: Record<string, ExportLabels>): void {
  const range = doc.bufferedPageRange();
  const banner = languages.map((lang) => labels[lang].t('export.draft.footer')).join(' · ');
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    const pageLabel = languages.map((lang) => labels[lang].t('export.page', { page: i + 1, pages: range.count })).join(' · ');
    doc
      .font('bold')
      .fontSize(8)
      .fillColor(DRAFT_COLOR)
      .text(banner, MARGIN.left, PAGE.height - 52, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    doc
      .font('regular')
      .fontSize(7.5)
      .fillColor('#333333')
      .text(pageLabel, MARGIN.left, PAGE.height - 40, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    doc.fillColor('#000000');
    doc.page.margins = margins;
  }
}
