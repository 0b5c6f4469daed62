/**
 * The alternat (issue 16; server/src/exports/alternat.ts [A1]–[A4]): the signed version exported once
 * per Participant. Each original is headed for its Participant in both languages, names it first on
 * the cover and puts its signature block first; the clause texts are the same in every original; each
 * verifies as itself, and a swapped original — an envelope naming another Participant than the pages —
 * fails as altered.
 */
import zlib from 'node:zlib';
import JSZip from 'jszip';
import { originalFor, renderExport, type RenderedExport } from '../../../server/src/exports/render-export';
import { envelopeBytes, parseEnvelope } from '../../../server/src/exports/envelope';
import { extractEnvelope, verifyFile } from '../../../server/src/exports/verify-file';
import { attestationsOf, clauseTexts, docxBody, flat, idOf, participants, pdfPages, signedRecord } from './signed-originals-support';
import type { ExportFormat, ExportLayout } from '../../../shared/src/api/versions';

jest.setTimeout(120_000);

const record = signedRecord();
const attestations = attestationsOf(record);
const CODES = ['US', 'SV', 'GT', 'HN'];
const NAMES: Record<string, [string, string]> = {
  US: ['the United States', 'los Estados Unidos'],
  SV: ['El Salvador', 'El Salvador'],
  GT: ['Guatemala', 'Guatemala'],
  HN: ['Honduras', 'Honduras'],
};
const KINDS: Array<[ExportFormat, ExportLayout]> = [
  ['pdf', 'parallel'],
  ['pdf', 'duplicate'],
  ['docx', 'parallel'],
  ['docx', 'duplicate'],
  ['json', 'parallel'],
  ['akn', 'parallel'],
];
const originals: Record<string, RenderedExport> = {};
const key = (format: string, layout: string, code: string) => `${format}-${layout}-${code}`;

beforeAll(async () => {
  for (const [format, layout] of KINDS) {
    for (const code of CODES) {
      originals[key(format, layout, code)] = await renderExport(record, format, layout, { original: originalFor(record, idOf(code)), attestations });
    }
  }
});

describe('originalFor', () => {
  it('numbers an original by its Participant’s position, of the originals the signature record states', () => {
    expect(originalFor(record, idOf('SV'))).toEqual({ participantId: idOf('SV'), number: 2, of: 4 });
    const unstated = signedRecord({ originals: null });
    expect(originalFor(unstated, idOf('HN'))).toEqual({ participantId: idOf('HN'), number: 4, of: 4 });
    expect(originalFor(signedRecord({ originals: { count: 5, languages: ['en', 'es'] } }), idOf('US')).of).toBe(5);
  });

  it('refuses a Participant the version does not have, and an export of an original with another number than its own', async () => {
    expect(() => originalFor(record, '00000000-0000-4000-8000-000000000009')).toThrow(/is not a Participant of this version/);
    await expect(renderExport(record, 'json', 'parallel', { original: { participantId: idOf('SV'), number: 1, of: 4 } })).rejects.toThrow(
      'is number 2 of 4, not 1 of 4',
    );
  });
});

describe('four alternat originals', () => {
  it('are headed for their Participant in English and Spanish and name it first on the cover and in the signature blocks (PDF, both layouts)', async () => {
    for (const layout of ['parallel', 'duplicate'] as const) {
      for (const code of CODES) {
        const pages = pdfPages(originals[key('pdf', layout, code)].bytes);
        const cover = flat(pages[0]);
        const [en, es] = NAMES[code];
        expect(
          cover.startsWith(
            `Original for ${en} Original para ${es} Original ${CODES.indexOf(code) + 1} of 4 / Ejemplar original ${CODES.indexOf(code) + 1} de 4`,
          ),
        ).toBe(true);
        const listed = participants.map((p) => ({ code: p.code, at: cover.indexOf(p.name.en) }));
        expect(listed.every((p) => p.at > 0)).toBe(true);
        expect(listed.sort((a, b) => a.at - b.at)[0].code).toBe(code);
        // The signature blocks (each text's, in the duplicate layout): this Participant's first.
        const signing = flat(pages.slice(1).join('\n'));
        const blocks = [...signing.matchAll(/Name: Signatory of (\w\w)/g)].map((m) => m[1]);
        expect(blocks.length).toBe(4);
        expect(blocks[0]).toBe(code);
        expect(blocks.slice(1)).toEqual(CODES.filter((c) => c !== code));
        const bloques = [...signing.matchAll(/Nombre: Signatory of (\w\w)/g)].map((m) => m[1]);
        expect(bloques[0]).toBe(code);
      }
    }
  });

  it('are headed for their Participant and name it first in the DOCX title page and signature table (both layouts)', async () => {
    for (const layout of ['parallel', 'duplicate'] as const) {
      for (const code of CODES) {
        const xml = await (await JSZip.loadAsync(originals[key('docx', layout, code)].bytes)).file('word/document.xml')!.async('string');
        const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
        const [en, es] = NAMES[code];
        expect(text.indexOf(`Original for ${en}`)).toBeGreaterThanOrEqual(0);
        expect(text.indexOf(`Original para ${es}`)).toBeGreaterThan(text.indexOf(`Original for ${en}`));
        const signed = [...text.matchAll(/Name: Signatory of (\w\w)/g)].map((m) => m[1]);
        expect(signed).toEqual([code, ...CODES.filter((c) => c !== code)]);
        const covered = participants.map((p) => ({ code: p.code, at: text.indexOf(p.name.es) })).sort((a, b) => a.at - b.at);
        expect(covered[0].code).toBe(code);
      }
    }
  });

  it('draw the text of every clause identically in every original: same fingerprint, same clause texts extracted from PDF and DOCX', async () => {
    for (const [format, layout] of KINDS) {
      const fingerprints = new Set(CODES.map((code) => originals[key(format, layout, code)].envelope.fingerprint));
      expect(fingerprints.size).toBe(1);
    }
    for (const layout of ['parallel', 'duplicate'] as const) {
      const pdf = CODES.map((code) => clauseTexts(pdfPages(originals[key('pdf', layout, code)].bytes).slice(1)));
      expect(pdf[0]).toContain('Artículo 1');
      expect(pdf[0]).toContain('Article 30');
      expect(pdf[0]).not.toMatch(/Signatory of|Original for/);
      for (const text of pdf.slice(1)) expect(Buffer.from(text).equals(Buffer.from(pdf[0]))).toBe(true);
      // And they are the text of the export that is nobody's original.
      const plain = await renderExport(record, 'pdf', layout);
      expect(clauseTexts(pdfPages(plain.bytes).slice(1))).toBe(pdf[0]);

      const docx = await Promise.all(CODES.map(async (code) => clauseTexts(await docxBody(originals[key('docx', layout, code)].bytes))));
      expect(docx[0]).toContain('Artículo 30');
      expect(docx[0]).not.toMatch(/Signatory of/);
      for (const text of docx.slice(1)) expect(Buffer.from(text).equals(Buffer.from(docx[0]))).toBe(true);
    }
  });

  it('are each named for their Participant', () => {
    expect(originals[key('pdf', 'parallel', 'SV')].fileName).toMatch(/-frozen-parallel-original-sv-[0-9a-f]{12}\.pdf$/);
    expect(originals[key('akn', 'parallel', 'US')].fileName).toMatch(/-frozen-original-us-[0-9a-f]{12}\.akn\.xml$/);
  });

  it('carry whose original they are in the Akoma Ntoso metadata', () => {
    const akn = originals[key('akn', 'parallel', 'GT')].bytes.toString('utf8');
    expect(akn).toContain('<concordia:original refersTo="#participant_GT" number="3" of="4"/>');
  });
});

describe('verifying an original', () => {
  it('accepts every original in every format and says whose it is', async () => {
    for (const [format, layout] of KINDS) {
      for (const code of CODES) {
        const result = await verifyFile(originals[key(format, layout, code)].bytes);
        expect({ format, layout, code, genuine: result.genuine, failure: result.failure }).toEqual({ format, layout, code, genuine: true, failure: null });
        const [en, es] = NAMES[code];
        expect(result.original).toEqual({ participantId: idOf(code), code, number: CODES.indexOf(code) + 1, of: 4, name: { en, es } });
      }
    }
    const nobodys = await verifyFile((await renderExport(record, 'pdf', 'parallel')).bytes);
    expect({ genuine: nobodys.genuine, original: nobodys.original }).toEqual({ genuine: true, original: null });
  });

  it('detects a swapped original: the DOCX of El Salvador carrying the envelope of the United States', async () => {
    const zip = await JSZip.loadAsync(originals[key('docx', 'parallel', 'SV')].bytes);
    const theirs = await (await JSZip.loadAsync(originals[key('docx', 'parallel', 'US')].bytes)).file('customXml/item1.xml')!.async('string');
    zip.file('customXml/item1.xml', theirs);
    const swapped = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect((await extractEnvelope(swapped, 'docx')).original?.participantId).toBe(idOf('US'));
    const result = await verifyFile(swapped);
    expect({ genuine: result.genuine, failure: result.failure }).toEqual({ genuine: false, failure: 'file_altered' });
  });

  it('detects a swapped original: the PDF of Guatemala carrying the envelope of Honduras', async () => {
    const swapped = withPdfAttachment(originals[key('pdf', 'duplicate', 'GT')].bytes, envelopeBytes(originals[key('pdf', 'duplicate', 'HN')].envelope));
    expect((await extractEnvelope(swapped, 'pdf')).original?.participantId).toBe(idOf('HN'));
    const result = await verifyFile(swapped);
    expect({ genuine: result.genuine, failure: result.failure }).toEqual({ genuine: false, failure: 'file_altered' });
  });

  it('rejects an original whose envelope gives it another number, or whose Participant is not one of the record’s', async () => {
    const envelope = parseEnvelope(originals[key('json', 'parallel', 'SV')].bytes);
    for (const original of [
      { ...envelope.original!, number: 1 },
      { ...envelope.original!, of: 2 },
      { ...envelope.original!, participantId: '00000000-0000-4000-8000-000000000009' },
    ]) {
      const result = await verifyFile(envelopeBytes({ ...envelope, original }));
      expect({ genuine: result.genuine, failure: result.failure }).toEqual({ genuine: false, failure: 'file_altered' });
    }
    const garbage = await verifyFile(
      Buffer.from(
        envelopeBytes(envelope)
          .toString('utf8')
          .replace(/"original":\{[^}]*\}/, '"original":"SV"'),
      ),
    );
    expect({ genuine: garbage.genuine, failure: garbage.failure }).toEqual({ genuine: false, failure: 'file_altered' });
  });
});

/** The PDF with its attached file's stream replaced (deflated again, its /Length updated): what a forger would do. */
function withPdfAttachment(pdf: Buffer, attachment: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const at = text.indexOf('/Type /EmbeddedFile');
  const streamAt = text.indexOf('>>\nstream\n', at);
  const dictionary = text.slice(at, streamAt);
  const length = Number(/\/Length (\d+)\b/.exec(dictionary)![1]);
  const start = streamAt + '>>\nstream\n'.length;
  const deflated = zlib.deflateSync(attachment);
  const head = Buffer.from(text.slice(0, at) + dictionary.replace(/\/Length \d+/, `/Length ${deflated.length}`) + '>>\nstream\n', 'latin1');
  return Buffer.concat([head, deflated, pdf.subarray(start + length)]);
}
