/**
 * The PDF of a draft (draft-text.ts): the layout of the PDF export (pdf.ts), with each open proposal
 * marked in its sponsor's colour — insertions underlined, deletions struck through — and a legend of the
 * sponsors on the title page. "Draft — not for signature" stands on the title page and at the foot of
 * every page; there is no fingerprint and no attached record, so the file is no verifiable export.
 */
import { exportLabels, type ExportLabels } from './labels';
import { CONTENT_WIDTH, MARGIN, drawTexts, footers, heading, line, pdfBytes, type Doc, type MarkRun } from './pdf-builder';
import { draftSponsors, type DraftText } from './draft-text';
import { approvalListing } from './draft-approvals';
import type { ExportLayout } from '../../../shared/src/api/versions';

const DRAFT_COLOR = '#c00000';
const UNATTRIBUTED_COLOR = '#666666';

export async function renderDraftPdf(draft: DraftText, layout: ExportLayout): Promise<Buffer> {
  const languages = draft.document.languages;
  const labels = Object.fromEntries(languages.map((lang) => [lang, exportLabels(lang)]));
  const when = new Date(draft.at);
  const info = {
    Title: languages.map((lang) => `${draft.document.title[lang] ?? ''} (${labels[lang].t('export.draft.banner')})`).join(' / '),
    Author: 'Concordia',
    Creator: 'Concordia',
    Producer: 'Concordia',
    Subject: languages.map((lang) => labels[lang].t('export.draft.notVerifiable')).join(' / '),
    CreationDate: when,
    ModDate: when,
  };
  const colors = new Map(draft.proposals.map((p) => [p.id, p.sponsor?.color ?? UNATTRIBUTED_COLOR]));
  const banner = languages.map((lang) => labels[lang].t('export.draft.footer')).join(' · ');
  return pdfBytes(languages[0], info, (doc) => {
    titlePage(doc, draft, labels);
    drawTexts(doc, {
      languages,
      labels,
      title: draft.document.title,
      clauses: draft.clauses,
      layout,
      mark: proposalMarks((id) => colors.get(id) ?? UNATTRIBUTED_COLOR),
    });
    approvalsPage(doc, draft, labels);
    footers(doc, languages, labels, (page, y) =>
      page
        .font('bold')
        .fontSize(8)
        .fillColor(DRAFT_COLOR)
        .text(banner, MARGIN.left, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false })
        .fillColor('#333333'),
    );
  });
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

/** The approvals as the text stood, one line per clause (draft-approvals.ts). */
function approvalsPage(doc: Doc, draft: DraftText, labels: Record<string, ExportLabels>): void {
  const listing = approvalListing(draft, labels);
  doc.addPage();
  for (const text of listing.headings) heading(doc, text, 14, 'left');
  doc.moveDown(0.3);
  // The marks (✓ ○ ◐ —) in DejaVu Sans Mono: the serif face has no check mark.
  for (const text of listing.legends) doc.font('mono').fontSize(8.5).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.6);
  for (const entry of listing.entries) {
    doc.font('bold').fontSize(10).text(entry.name, MARGIN.left, doc.y, { width: CONTENT_WIDTH, continued: false });
    doc.font('mono').fontSize(9.5).text(entry.line, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.3);
  }
}

/** Each proposal's runs in its sponsor's colour: insertions underlined, deletions struck through. */
function proposalMarks(colorOf: (proposalId: string) => string): MarkRun {
  return (run) => {
    const proposal = run.deletion ?? run.insertion;
    return {
      color: proposal ? colorOf(proposal) : '#000000',
      underline: run.underline || run.insertion !== undefined,
      strike: run.deletion !== undefined,
    };
  };
}
