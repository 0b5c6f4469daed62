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
 *
 * An original under the alternat (alternat.ts) is headed "Original for …" and names its Participant
 * first on the cover and in the signature blocks; the initials recorded for the version are printed
 * above the fingerprint on every page.
 */
import { exportLabels, type ExportLabels } from './labels';
import { envelopeBytes, type ExportEnvelope } from './envelope';
import type { TextBlock } from './text-blocks';
import { CONTENT_WIDTH, GUTTER, MARGIN, drawBlock, drawTexts, ensureRoom, footers, heading, line, measure, pdfBytes, plain, type Doc } from './pdf-builder';
import { signatureLabels, type SignatureLabels } from './signature-labels';
import { ownerOf, participantsInOrder } from './alternat';
import { clausesWithDeleted } from '../../../shared/src/versions/version-record';

const ATTACHMENT_NAME = 'concordia-record.json';

export async function renderPdf(envelope: ExportEnvelope): Promise<Buffer> {
  const { record, fingerprint } = envelope;
  const when = new Date(record.version.takenAt);
  const languages = record.document.languages;
  const labels = Object.fromEntries(languages.map((lang) => [lang, exportLabels(lang)]));
  const marks = Object.fromEntries(languages.map((lang) => [lang, signatureLabels(lang, labels[lang])]));
  const initials = envelope.attestations?.initials.length ? languages.map((lang) => marks[lang].initialled(record, envelope.attestations!)).join(' — ') : null;
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
    titlePage(doc, envelope, labels, marks);
    drawTexts(doc, {
      languages,
      labels,
      title: record.document.title,
      clauses: clausesWithDeleted(record),
      layout: envelope.layout ?? 'parallel',
      closing: (langs, size) => signatures(doc, envelope, langs, labels, marks, size),
    });
    footers(doc, languages, labels, (page, y) => {
      if (initials) {
        // One line whatever the number of Participants: smaller type rather than a second line.
        page.font('regular').fontSize(7.5);
        const fit = Math.min(7.5, (7.5 * CONTENT_WIDTH) / page.widthOfString(initials));
        page
          .fontSize(fit)
          .fillColor('#333333')
          .text(initials, MARGIN.left, y - 12, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
      }
      page
        .font('mono')
        .fontSize(7.5)
        .fillColor('#333333')
        .text(`SHA-256 ${fingerprint}`, MARGIN.left, y, { width: CONTENT_WIDTH, align: 'center', lineBreak: false });
    });
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

function titlePage(doc: Doc, envelope: ExportEnvelope, labels: Record<string, ExportLabels>, marks: Record<string, SignatureLabels>): void {
  const { record, fingerprint, original } = envelope;
  const languages = record.document.languages;
  const owner = ownerOf(record, original);
  doc.addPage();
  if (owner && original) {
    doc.y = MARGIN.top + 8;
    for (const lang of languages) heading(doc, marks[lang].originalFor(owner), 13, 'center');
    line(doc, languages.map((lang) => marks[lang].originalNumber(original)).join(' / '), 9.5, 'center');
  }
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
    if (record.signature?.originals) line(doc, marks[lang].doneInOriginals(record.signature, record.signature.originals), 10, 'center');
    doc.moveDown(0.6);
  }
  doc.moveDown(1);
  heading(doc, languages.map((lang) => labels[lang].t('export.participants')).join(' / '), 12, 'left');
  doc.moveDown(0.3);
  for (const participant of participantsInOrder(record, original)) {
    for (const lang of languages) line(doc, participant.name[lang] ?? participant.code, 10.5, 'left');
    doc.moveDown(0.4);
  }
  doc.moveDown(1);
  heading(doc, languages.map((lang) => labels[lang].t('export.fingerprint')).join(' / '), 12, 'left');
  doc.font('mono').fontSize(10).text(fingerprint, { width: CONTENT_WIDTH });
  doc.moveDown(0.8);
  for (const lang of languages) line(doc, labels[lang].t('export.checkIt'), 9, 'left');
}

/**
 * "Done at … on …" (with the number of originals when the record states it), then one block per
 * Participant, the original's own first, one column per language; "ad referendum" under the block of a
 * signatory who signed so, with its confirmation once recorded.
 */
function signatures(
  doc: Doc,
  envelope: ExportEnvelope,
  languages: readonly string[],
  labels: Record<string, ExportLabels>,
  marks: Record<string, SignatureLabels>,
  size: number,
): void {
  const { record } = envelope;
  const columns = languages.length;
  const width = (CONTENT_WIDTH - GUTTER * (columns - 1)) / columns;
  const signature = record.signature;
  const blank = '________________';
  doc.moveDown(1.5);
  const done = languages.map((lang) =>
    signature?.originals
      ? marks[lang].doneInOriginals(signature, signature.originals)
      : labels[lang].t('export.doneAt', {
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
  for (const participant of participantsInOrder(record, envelope.original)) {
    const signatory = signature?.signatories.find((s) => s.participantId === participant.id);
    const confirmation = envelope.attestations?.signatureConfirmations.find((c) => c.participantId === participant.id);
    const cells = languages.map((lang) => {
      const l = labels[lang].t;
      const adReferendum: TextBlock[] = signatory?.adReferendum
        ? [
            { level: 0, prefix: '', runs: [{ text: marks[lang].t('export.adReferendum'), bold: false, italic: true, underline: false }] },
            ...(confirmation ? [plain(marks[lang].t('export.confirmedOn', { date: labels[lang].date(confirmation.date) }))] : []),
          ]
        : [];
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
        ...adReferendum,
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
