/**
 * The DOCX export, with the PDF's content: a title page, the authentic texts side by side (a table, one
 * column per language) or one after the other ("in duplicate", a section per language), article
 * numbering, a signature block per Participant, the fingerprint in every footer and in a custom
 * document property. The texts are laid out by docx-builder.ts, with the agreed runs.
 *
 * The `docx` library writes the document; JSZip then makes it deterministic (every zip entry and the
 * core properties dated at the version's time) and adds the export envelope as a custom XML part
 * (customXml/item1.xml), which is what verification reads.
 *
 * An original under the alternat (alternat.ts) is headed "Original for …" and names its Participant
 * first on the title page and in the signature table; the initials recorded for the version are in
 * every footer, above the fingerprint.
 */
import JSZip from 'jszip';
import { AlignmentType, PageBreak, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { exportLabels, type ExportLabels } from './labels';
import { envelopeBytes, type ExportEnvelope } from './envelope';
import { NO_BORDERS, agreedRuns, cell, docxBytes, paragraph, run, xmlText } from './docx-builder';
import { signatureLabels, type SignatureLabels } from './signature-labels';
import { ownerOf, participantsInOrder } from './alternat';
import { clausesWithDeleted } from '../../../shared/src/versions/version-record';

export const DOCX_RECORD_PART = 'customXml/item1.xml';
export const DOCX_RECORD_NAMESPACE = 'urn:concordia:export:1';

export async function renderDocx(envelope: ExportEnvelope): Promise<Buffer> {
  const { record, fingerprint } = envelope;
  const languages = record.document.languages;
  const labels = Object.fromEntries(languages.map((lang) => [lang, exportLabels(lang)]));
  const marks = Object.fromEntries(languages.map((lang) => [lang, signatureLabels(lang, labels[lang])]));
  const stamp = paragraph([run(`SHA-256 ${fingerprint}`, { font: 'Consolas', size: 15 })], AlignmentType.CENTER);
  const attestations = envelope.attestations;
  const initials = attestations?.initials.length
    ? paragraph([run(languages.map((lang) => marks[lang].initialled(record, attestations)).join(' — '), { size: 15 })], AlignmentType.CENTER)
    : null;
  const text = {
    languages,
    labels,
    title: record.document.title,
    clauses: clausesWithDeleted(record),
    layout: envelope.layout ?? 'parallel',
    titlePage: titlePage(envelope, labels, marks),
    footerLine: initials ? [initials, stamp] : stamp,
    runs: agreedRuns,
    closing: (langs: readonly string[]) => signatureTable(envelope, langs, labels, marks),
  };
  const packed = await docxBytes(text, {
    title: xmlText(languages.map((lang) => record.document.title[lang]).join(' / ')),
    subject: `SHA-256 ${fingerprint}`,
    keywords: fingerprint,
    creator: 'Concordia',
    lastModifiedBy: 'Concordia',
    description: envelope.exporter,
    revision: 1,
    customProperties: [
      { name: 'ConcordiaFingerprint', value: fingerprint },
      { name: 'ConcordiaExporter', value: envelope.exporter },
      { name: 'ConcordiaLayout', value: envelope.layout ?? 'parallel' },
    ],
  });
  return finalize(packed, envelope);
}

/** Fixed dates everywhere, and the envelope as a custom XML part. */
async function finalize(packed: Buffer, envelope: ExportEnvelope): Promise<Buffer> {
  const zip = await JSZip.loadAsync(packed);
  const when = new Date(envelope.record.version.takenAt);
  const stamp = `${envelope.record.version.takenAt.slice(0, 19)}Z`;
  const core = await zip.file('docProps/core.xml')!.async('string');
  zip.file(
    'docProps/core.xml',
    core
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`),
  );
  const body = envelopeBytes(envelope).toString('base64');
  zip.file(
    DOCX_RECORD_PART,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<concordia:envelope xmlns:concordia="${DOCX_RECORD_NAMESPACE}" exporter="${envelope.exporter}" fingerprint="${envelope.fingerprint}" encoding="base64">${body}</concordia:envelope>`,
  );
  zip.file(
    'customXml/itemProps1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ds:datastoreItem ds:itemID="{6C1D2C3E-0C0A-4F5B-9C1E-434F4E434F52}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${DOCX_RECORD_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  zip.file(
    'customXml/_rels/item1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>',
  );
  const relsPath = 'word/_rels/document.xml.rels';
  const rels = await zip.file(relsPath)!.async('string');
  zip.file(
    relsPath,
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdConcordiaRecord" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
    ),
  );
  const typesPath = '[Content_Types].xml';
  const types = await zip.file(typesPath)!.async('string');
  zip.file(
    typesPath,
    types.replace(
      '</Types>',
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
    ),
  );
  if (!/Extension="xml"/.test(types)) {
    zip.file(typesPath, (await zip.file(typesPath)!.async('string')).replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>'));
  }
  for (const file of Object.values(zip.files)) file.date = when;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}

function titlePage(envelope: ExportEnvelope, labels: Record<string, ExportLabels>, marks: Record<string, SignatureLabels>): Paragraph[] {
  const { record, fingerprint, original } = envelope;
  const languages = record.document.languages;
  const out: Paragraph[] = [];
  const owner = ownerOf(record, original);
  if (owner && original) {
    for (const lang of languages) out.push(paragraph([run(marks[lang].originalFor(owner), { bold: true, size: 26 })], AlignmentType.CENTER));
    out.push(paragraph([run(languages.map((lang) => marks[lang].originalNumber(original)).join(' / '), { size: 19 })], AlignmentType.CENTER));
  }
  for (const lang of languages) out.push(paragraph([run(record.document.title[lang] ?? '', { bold: true, size: 36 })], AlignmentType.CENTER));
  for (const lang of languages) {
    const l = labels[lang];
    const date = l.date(record.version.takenAt);
    out.push(paragraph([run(record.version.kind === 'frozen' ? l.t('export.frozenOn', { date }) : l.t('export.takenOn', { date }))], AlignmentType.CENTER));
    if (record.version.name) out.push(paragraph([run(l.t('export.versionName', { name: record.version.name }))], AlignmentType.CENTER));
    out.push(paragraph([run(l.t('export.authenticTexts', { languages: languages.map((code) => l.languageName(code)).join(', ') }))], AlignmentType.CENTER));
    if (record.signature?.originals)
      out.push(paragraph([run(marks[lang].doneInOriginals(record.signature, record.signature.originals))], AlignmentType.CENTER));
  }
  out.push(paragraph([run(languages.map((lang) => labels[lang].t('export.participants')).join(' / '), { bold: true })]));
  for (const participant of participantsInOrder(record, original)) {
    for (const lang of languages) out.push(paragraph([run(participant.name[lang] ?? participant.code)]));
  }
  out.push(paragraph([run(languages.map((lang) => labels[lang].t('export.fingerprint')).join(' / '), { bold: true })]));
  out.push(paragraph([run(fingerprint, { font: 'Consolas', size: 18 })]));
  for (const lang of languages) out.push(paragraph([run(labels[lang].t('export.checkIt'), { size: 16 })]));
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

function signatureTable(
  envelope: ExportEnvelope,
  languages: readonly string[],
  labels: Record<string, ExportLabels>,
  marks: Record<string, SignatureLabels>,
): Array<Paragraph | Table> {
  const { record } = envelope;
  const signature = record.signature;
  const blank = '________________';
  const width = Math.floor(100 / languages.length);
  const rows = [
    new TableRow({
      children: languages.map((lang) =>
        cell(
          [
            paragraph([
              run(
                signature?.originals
                  ? marks[lang].doneInOriginals(signature, signature.originals)
                  : labels[lang].t('export.doneAt', {
                      place: signature?.place[lang] ?? blank,
                      date: signature ? labels[lang].date(signature.date) : blank,
                    }),
              ),
            ]),
          ],
          width,
        ),
      ),
    }),
  ];
  for (const participant of participantsInOrder(record, envelope.original)) {
    const signatory = signature?.signatories.find((s) => s.participantId === participant.id);
    const confirmation = envelope.attestations?.signatureConfirmations.find((c) => c.participantId === participant.id);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: languages.map((lang) => {
          const t = labels[lang].t;
          return cell(
            [
              paragraph([run(t('export.signatureFor'))], AlignmentType.LEFT, 240),
              paragraph([run(participant.name[lang] ?? participant.code, { bold: true })]),
              paragraph([]),
              paragraph([]),
              paragraph([run('______________________________')]),
              paragraph([run(`${t('export.signatoryName')} ${signatory?.name ?? ''}`)]),
              paragraph([run(`${t('export.signatoryTitle')} ${signatory?.title[lang] ?? ''}`)]),
              ...(signatory?.adReferendum
                ? [
                    paragraph([new TextRun({ text: xmlText(marks[lang].t('export.adReferendum')), italics: true })]),
                    ...(confirmation ? [paragraph([run(marks[lang].t('export.confirmedOn', { date: labels[lang].date(confirmation.date) }))])] : []),
                  ]
                : []),
            ],
            width,
          );
        }),
      }),
    );
  }
  return [paragraph([]), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows })];
}
