/**
 * What a signed export prints of the signature conventions (issue 16): the initials of the
 * Participants who initialled, on every page's footer (PDF and DOCX), in the Participants' order; the
 * closing formula "in four originals, in the English and Spanish languages" in both languages; "ad
 * referendum" under the block of a signatory who signed so, with its confirmation. An edited initial
 * fails verification. A record without any of it exports exactly as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { originalFor, renderExport } from '../../../server/src/exports/render-export';
import { envelopeBytes, makeEnvelope, parseEnvelope } from '../../../server/src/exports/envelope';
import { verifyFile } from '../../../server/src/exports/verify-file';
import { exportLabels } from '../../../server/src/exports/labels';
import { joinNames, signatureLabels } from '../../../server/src/exports/signature-labels';
import { emptyAttestations } from '../../../shared/src/versions/signature-conventions';
import { attestationsOf, docxFooters, docxParagraphs, flat, idOf, pdfPages, signedRecord } from './signed-originals-support';

jest.setTimeout(180_000);

const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (!SOFFICE) console.warn('SKIPPED the LibreOffice check of a DOCX original: `soffice` is not on the PATH (apt-get install libreoffice-writer to run it).');

const record = signedRecord();
const attestations = attestationsOf(record);
const INITIALLED = 'Initialled: US JR · SV MG';
const RUBRICADO = 'Rubricado: US JR · SV MG';
const FOUR_EN =
  'Done at San Salvador, El Salvador, on 1 March 2026, in four originals, in the English and Spanish languages, both texts being equally authentic.';
const FOUR_ES =
  'Hecho en San Salvador, El Salvador, el 1 de marzo de 2026, en cuatro ejemplares originales, en los idiomas inglés y español, siendo ambos textos igualmente auténticos.';

describe('initials in the footer', () => {
  it('are printed on every page of the PDF for the Participants who initialled these pages, in their order, in both languages', async () => {
    for (const layout of ['parallel', 'duplicate'] as const) {
      const pages = pdfPages((await renderExport(record, 'pdf', layout, { original: originalFor(record, idOf('HN')), attestations })).bytes);
      expect(pages.length).toBeGreaterThan(3);
      for (const page of pages) {
        expect(page).toContain(`${INITIALLED} — ${RUBRICADO}`);
        expect(page).not.toContain('HN LP');
      }
    }
  });

  it('are in every footer of the DOCX', async () => {
    const bytes = (await renderExport(record, 'docx', 'duplicate', { attestations })).bytes;
    const footers = await docxFooters(bytes);
    expect(footers.length).toBeGreaterThan(0);
    for (const footer of footers) expect(footer).toContain(`${INITIALLED} — ${RUBRICADO}`);
  });

  it('are not printed when nobody initialled', async () => {
    const pages = pdfPages((await renderExport(record, 'pdf', 'parallel', { attestations: { ...attestations, initials: [] } })).bytes);
    for (const page of pages) expect(page).not.toMatch(/Initialled|Rubricado/);
  });

  it('make an edited initial fail verification, on the page or in the envelope', async () => {
    const bytes = (await renderExport(record, 'docx', 'parallel', { original: originalFor(record, idOf('SV')), attestations })).bytes;
    expect((await verifyFile(bytes)).genuine).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    const footerName = Object.keys(zip.files).find((name) => /^word\/footer\d+\.xml$/.test(name))!;
    const footer = await zip.file(footerName)!.async('string');
    expect(footer).toContain('SV MG');
    zip.file(footerName, footer.replaceAll('SV MG', 'SV MX'));
    const onThePage = await verifyFile(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect({ genuine: onThePage.genuine, failure: onThePage.failure }).toEqual({ genuine: false, failure: 'file_altered' });

    // The envelope's initials are drawn again: an envelope saying XX does not redraw pages saying MG.
    const docxEdited = await JSZip.loadAsync(bytes);
    const part = await docxEdited.file('customXml/item1.xml')!.async('string');
    const envelope = parseEnvelope(Buffer.from(/>([A-Za-z0-9+/=]+)</.exec(part)![1], 'base64'));
    const changed = {
      ...envelope,
      attestations: { ...envelope.attestations!, initials: envelope.attestations!.initials.map((i) => ({ ...i, initials: 'XX' })) },
    };
    docxEdited.file('customXml/item1.xml', part.replace(/>([A-Za-z0-9+/=]+)</, `>${envelopeBytes(changed).toString('base64')}<`));
    const inTheEnvelope = await verifyFile(await docxEdited.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect({ genuine: inTheEnvelope.genuine, failure: inTheEnvelope.failure }).toEqual({ genuine: false, failure: 'file_altered' });
  });
});

describe('the statement of originals', () => {
  it('closes each text and the cover with "in four originals" in English and in Spanish (PDF, DOCX, Akoma Ntoso)', async () => {
    for (const layout of ['parallel', 'duplicate'] as const) {
      const pages = pdfPages((await renderExport(record, 'pdf', layout)).bytes).map(flat);
      expect(pages[0]).toContain(FOUR_EN);
      expect(pages[0]).toContain(FOUR_ES);
      const rest = pages.slice(1).join(' ');
      expect(rest).toContain(FOUR_EN);
      expect(rest).toContain(FOUR_ES);
      expect(rest).not.toContain('Done at San Salvador, El Salvador on');
      const paragraphs = await docxParagraphs((await renderExport(record, 'docx', layout)).bytes);
      expect(paragraphs.filter((p) => p === FOUR_EN).length).toBe(2);
      expect(paragraphs.filter((p) => p === FOUR_ES).length).toBe(2);
    }
    const akn = (await renderExport(record, 'akn', 'parallel')).bytes.toString('utf8');
    expect(akn).toContain(`<p>${FOUR_ES} <date date="2026-03-01" refersTo="#signature">1 de marzo de 2026</date></p>`);
  });

  it('spells the number up to ten, and names one original, one language or more than two as each language says it', () => {
    const en = signatureLabels('en', exportLabels('en'));
    const es = signatureLabels('es', exportLabels('es'));
    const signature = record.signature!;
    expect(en.doneInOriginals(signature, { count: 2, languages: ['en', 'es'] })).toContain(
      'in two originals, in the English and Spanish languages, both texts',
    );
    expect(es.doneInOriginals(signature, { count: 10, languages: ['es', 'en'] })).toContain('en diez ejemplares originales, en los idiomas español e inglés');
    expect(en.doneInOriginals(signature, { count: 12, languages: ['en'] })).toContain('in 12 originals, in the English language.');
    expect(es.doneInOriginals(signature, { count: 1, languages: ['es'] })).toContain('en un ejemplar original, en idioma español.');
    expect(joinNames(['inglés', 'francés', 'español'], 'y', 'es')).toBe('inglés, francés y español');
    expect(joinNames(['español', 'hielo'], 'y', 'es')).toBe('español y hielo');
  });
});

describe('a signature ad referendum', () => {
  it('is printed under the signatory’s block, with its confirmation once recorded, in both languages (PDF, DOCX)', async () => {
    const unconfirmed = flat(pdfPages((await renderExport(record, 'pdf', 'parallel')).bytes).join(' '));
    expect(unconfirmed).toMatch(/Name: Signatory of GT Title: Minister \(GT\) ad referendum/);
    expect(unconfirmed).toMatch(/Nombre: Signatory of GT Cargo: Ministro o Ministra \(GT\) ad referendum/);
    expect(unconfirmed).not.toMatch(/confirmed on|confirmada el/);
    expect(unconfirmed.match(/ad referendum/g)!.length).toBe(2);

    const confirmed = flat(pdfPages((await renderExport(record, 'pdf', 'duplicate', { attestations })).bytes).join(' '));
    expect(confirmed).toContain('Title: Minister (GT) ad referendum confirmed on 3 April 2026');
    expect(confirmed).toContain('Cargo: Ministro o Ministra (GT) ad referendum confirmada el 3 de abril de 2026');
    const paragraphs = await docxParagraphs((await renderExport(record, 'docx', 'parallel', { attestations })).bytes);
    const at = paragraphs.indexOf('Title: Minister (GT)');
    expect(paragraphs.slice(at + 1, at + 3)).toEqual(['ad referendum', 'confirmed on 3 April 2026']);
  });

  it('prints a confirmation only for a signatory who signed ad referendum', async () => {
    const final = signedRecord({ adReferendum: [] });
    const text = flat(pdfPages((await renderExport(final, 'pdf', 'parallel', { attestations: attestationsOf(final) })).bytes).join(' '));
    expect(text).not.toMatch(/ad referendum|confirmed on/);
  });
});

describe('a record without originals, ad referendum or attestations', () => {
  it('exports the envelope and the bytes it always had, whatever empty options are passed', async () => {
    const plain = signedRecord({ originals: null, adReferendum: [] });
    const envelope = makeEnvelope(plain, 'parallel', { original: null, attestations: emptyAttestations() });
    expect(Object.keys(envelope).sort()).toEqual(['exporter', 'fingerprint', 'layout', 'record']);
    expect(envelopeBytes(envelope).toString('utf8')).not.toMatch(/"original"|"attestations"|"adReferendum"|"originals"/);
    for (const format of ['pdf', 'docx', 'json', 'akn'] as const) {
      const before = await renderExport(plain, format, 'duplicate');
      const after = await renderExport(plain, format, 'duplicate', { original: null, attestations: emptyAttestations() });
      expect({ format, same: after.bytes.equals(before.bytes), name: after.fileName }).toEqual({ format, same: true, name: before.fileName });
      expect(before.fileName).not.toContain('original');
    }
    const text = flat(pdfPages((await renderExport(plain, 'pdf', 'parallel')).bytes).join(' '));
    expect(text).toContain('Done at San Salvador, El Salvador on 1 March 2026.');
    expect(text).not.toMatch(/Original for|originals|Initialled|ad referendum/);
  });
});

(SOFFICE ? it : it.skip)('a DOCX original opens in LibreOffice with its heading, its statement of originals and the initials in its footers', async () => {
  const bytes = (await renderExport(record, 'docx', 'parallel', { original: originalFor(record, idOf('SV')), attestations })).bytes;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-original-docx-'));
  try {
    const docx = path.join(dir, 'original.docx');
    fs.writeFileSync(docx, bytes);
    const run = spawnSync(SOFFICE, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
      encoding: 'utf8',
      timeout: 150_000,
    });
    expect(run.status).toBe(0);
    const pages = pdfPages(fs.readFileSync(path.join(dir, 'original.pdf')));
    expect(flat(pages[0])).toContain('Original for El Salvador Original para El Salvador');
    expect(flat(pages.join(' '))).toContain(FOUR_ES);
    for (const page of pages) expect(page).toContain(INITIALLED);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
