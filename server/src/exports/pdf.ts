/**
 * The PDF export: a title page; the authentic texts side by side (one column per language, clause by
 * clause, paragraph by paragraph) or one after the other ("in duplicate", each followed by its own
 * signature page); article numbering in each text's language; a signature block per Participant; the
 * fingerprint on every page and in the metadata; the export envelope attached as a file.
 *
 * DejaVu Serif (the dejavu-fonts-ttf package, identical on every machine) is embedded: it covers
 * Spanish and every Latin script. Every date in the file is the version's time, so the same version
 * and layout always give the same bytes — which is how a PDF is verified. The texts are laid out by
 * pdf-builder.ts, with the runs as agreed.
 */
import { exportLabels, type ExportLabels } from './labels';
import { envelopeBytes, type ExportEnvelope } from './envelope';
import type { TextBlock } from './text-blocks';
import { CONTENT_WIDTH, GUTTER, MARGIN, drawBlock, drawTexts, ensureRoom, footers, heading, line, measure, pdfBytes, plain, type Doc } from './pdf-builder';
import type { VersionRecord } from '../../../shared/src/versions/version-record';

const ATTACHMENT_NAME = 'concordia-record.json';

export async function renderPdf(envelope: ExportEnvelope): Promise<Buffer> {
  const { record, fingerprint } = envelope;
  const when = new Date(record.version.takenAt);
  const languages = record.document.languages;
  const labels = Object.fromEntries(languages.map((lang) => [lang, exportLabels(lang)]));
  const info = {
    Title: languages.map((lang) => record.document.title[lang]).join(' / '),
    Author: 'Concordia',
    Creator: envelope.exporter,
    Producer: 'Concordia',
    Subject: `SHA-256 ${fingerprint}`,
    Keywords: fingerprint,
    CreationDate: when,
    ModDate: when,
  };
  return pdfBytes(languages[0], info, (doc) => {
    (doc.info as Record<string, unknown>).ConcordiaFingerprint = fingerprint;
    titlePage(doc, record, fingerprint, labels);
    drawTexts(doc, {
      languages,
      labels,
      title: record.document.title,
      clauses: record.clauses,
      layout: envelope.layout ?? 'parallel',
      closing: (langs, size) => signatures(doc, record, langs, labels, size),
    });
    footers(doc, languages, labels, (page, y) =>
      page
        .font('mono')
        .fontSize(7.5)
        .fillColor('#333333')
        .text(`SHA-256 ${fingerprint}`, MARGIN.left, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false }),
    );
    doc.file(envelopeBytes(envelope), {
      name: ATTACHMENT_NAME,
      type: 'application/json',
      description: 'Concordia export envelope: the canonical record and its fingerprint',
      creationDate: when,
      modifiedDate: when,
    });
  });
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
  for (const lang of languages) line(doc, labels[lang].t('export.checkIt'), 9, 'left');
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
