/**
 * The DOCX export, with the PDF's content: a title page, the authentic texts side by side (a table, one
 * column per language) or one after the other ("in duplicate", a section per language), article
 * numbering, a signature block per Participant, the fingerprint in every footer and in a custom
 * document property.
 *
 * The `docx` library writes the document; JSZip then makes it deterministic (every zip entry and the
 * core properties dated at the version's time) and adds the export envelope as a custom XML part
 * (customXml/item1.xml), which is what verification reads.
 */
import JSZip from 'jszip';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { exportLabels, type ExportLabels } from './labels';
import { envelopeBytes, type ExportEnvelope } from './envelope';
import { textBlocks, type TextBlock } from './text-blocks';
import type { RecordClause, VersionRecord } from '../../../shared/src/versions/version-record';
import { stripXmlForbidden } from '../../../shared/src/text-characters';

export const DOCX_RECORD_PART = 'customXml/item1.xml';
export const DOCX_RECORD_NAMESPACE = 'urn:concordia:export:1';
export const FONT = 'Cambria';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

export async function renderDocx(envelope: ExportEnvelope): Promise<Buffer> {
  const { record, fingerprint } = envelope;
  const languages = record.document.languages;
  const labels = Object.fromEntries(languages.map((lang) => [lang, exportLabels(lang)]));
  const footer = footerOf(fingerprint, languages, labels);
  const sections: ISectionOptions[] = [{ properties: {}, footers: { default: footer }, children: titlePage(record, fingerprint, labels) }];
  if ((envelope.layout ?? 'parallel') === 'parallel') {
    sections.push({ properties: {}, footers: { default: footer }, children: [parallelTable(record, labels), ...signatureTable(record, languages, labels)] });
  } else {
    for (const lang of languages) {
      sections.push({
        properties: {},
        footers: { default: footer },
        children: [
          paragraph([run(record.document.title[lang] ?? '', { bold: true, size: 28 })], AlignmentType.CENTER),
          ...record.clauses.flatMap((clause) => clauseParagraphs(clause, lang, labels[lang])),
          ...signatureTable(record, [lang], labels),
        ],
      });
    }
  }
  const document = new Document({
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
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections,
  });
  return finalize(await Packer.toBuffer(document), envelope);
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

function titlePage(record: VersionRecord, fingerprint: string, labels: Record<string, ExportLabels>): Paragraph[] {
  const languages = record.document.languages;
  const out: Paragraph[] = [];
  for (const lang of languages) out.push(paragraph([run(record.document.title[lang] ?? '', { bold: true, size: 36 })], AlignmentType.CENTER));
  for (const lang of languages) {
    const l = labels[lang];
    const date = l.date(record.version.takenAt);
    out.push(paragraph([run(record.version.kind === 'frozen' ? l.t('export.frozenOn', { date }) : l.t('export.takenOn', { date }))], AlignmentType.CENTER));
    if (record.version.name) out.push(paragraph([run(l.t('export.versionName', { name: record.version.name }))], AlignmentType.CENTER));
    out.push(paragraph([run(l.t('export.authenticTexts', { languages: languages.map((code) => l.languageName(code)).join(', ') }))], AlignmentType.CENTER));
  }
  out.push(paragraph([run(languages.map((lang) => labels[lang].t('export.participants')).join(' / '), { bold: true })]));
  for (const participant of record.participants) {
    for (const lang of languages) out.push(paragraph([run(participant.name[lang] ?? participant.code)]));
  }
  out.push(paragraph([run(languages.map((lang) => labels[lang].t('export.fingerprint')).join(' / '), { bold: true })]));
  out.push(paragraph([run(fingerprint, { font: 'Consolas', size: 18 })]));
  for (const lang of languages) out.push(paragraph([run(labels[lang].t('export.checkIt', { fingerprint }), { size: 16 })]));
  out.push(new Paragraph({ children: [new PageBreak()] }));
  return out;
}

function parallelTable(record: VersionRecord, labels: Record<string, ExportLabels>): Table {
  const languages = record.document.languages;
  const width = Math.floor(100 / languages.length);
  const rows = [
    new TableRow({
      tableHeader: true,
      children: languages.map((lang) => cell([paragraph([run(labels[lang].languageName(lang), { bold: true })], AlignmentType.CENTER)], width)),
    }),
  ];
  for (const clause of record.clauses) {
    rows.push(new TableRow({ cantSplit: false, children: languages.map((lang) => cell(clauseParagraphs(clause, lang, labels[lang]), width)) }));
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows });
}

function clauseParagraphs(clause: RecordClause, lang: string, labels: ExportLabels): Paragraph[] {
  const heading = clause.kind === 'heading';
  const align = heading ? AlignmentType.CENTER : AlignmentType.LEFT;
  const out: Paragraph[] = [];
  const number = labels.clause(clause.kind, clause.number);
  if (number) out.push(paragraph([run(number, { bold: true })], align, 120));
  const blocks = textBlocks(clause.texts[lang] ?? null);
  for (const block of blocks) out.push(blockParagraph(block, heading, align));
  if (out.length === 0) out.push(paragraph([]));
  return out;
}

function blockParagraph(block: TextBlock, bold: boolean, align: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  const runs: TextRun[] = [];
  if (block.prefix) runs.push(run(block.prefix));
  for (const r of block.runs) {
    const lines = r.text.split('\n');
    lines.forEach((text, i) =>
      runs.push(
        new TextRun({ text: xmlText(text), bold: r.bold || bold, italics: r.italic, underline: r.underline ? {} : undefined, break: i > 0 ? 1 : undefined }),
      ),
    );
  }
  return new Paragraph({ children: runs, alignment: align, indent: block.level > 0 ? { left: block.level * 360 } : undefined, spacing: { after: 80 } });
}

function signatureTable(record: VersionRecord, languages: readonly string[], labels: Record<string, ExportLabels>): Array<Paragraph | Table> {
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
                labels[lang].t('export.doneAt', {
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
  for (const participant of record.participants) {
    const signatory = signature?.signatories.find((s) => s.participantId === participant.id);
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
            ],
            width,
          );
        }),
      }),
    );
  }
  return [paragraph([]), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows })];
}

function footerOf(fingerprint: string, languages: readonly string[], labels: Record<string, ExportLabels>): Footer {
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
  return new Footer({
    children: [paragraph([run(`SHA-256 ${fingerprint}`, { font: 'Consolas', size: 15 })], AlignmentType.CENTER), paragraph(pageRuns, AlignmentType.CENTER)],
  });
}

export function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, margins: { top: 60, bottom: 60, left: 100, right: 100 } });
}

export function paragraph(children: TextRun[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT, before = 0): Paragraph {
  return new Paragraph({ children, alignment, spacing: { before, after: 80 } });
}

export function run(text: string, options: { bold?: boolean; size?: number; font?: string } = {}): TextRun {
  return new TextRun({ text: xmlText(text), bold: options.bold, size: options.size, font: options.font });
}

/**
 * Every text the package holds passes here: the `docx` library escapes markup but writes control
 * characters as they come, and a part holding one is not XML (Word refuses the file). A clause typed
 * through Yjs can hold them [T1]; the record part keeps the text as stored (base64).
 */
export const xmlText = stripXmlForbidden;
