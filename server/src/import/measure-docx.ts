/**
 * Measures a DOCX before the Word reader opens it: every part is inflated once, with a limit on what
 * comes out, and its XML elements and paragraphs are counted. The reader (mammoth, through JSZip)
 * inflates and parses whatever a part holds, and its cost grows with the elements it parses, not with
 * the bytes uploaded: a 10 KB file of a million empty paragraphs took it 11 s and 1.5 GB. So nothing
 * reaches it that is larger than the limits of import-limits.ts, whatever the ZIP's directory says.
 *
 * Every part is counted, not only those named .xml: which parts the reader parses is decided by the
 * package's relationships, which the file chooses. Counting "<" followed by a letter over an image
 * finds a few stray "elements" per kilobyte; the limits are far above that.
 */
import { readZipDirectory } from './zip-directory';
import { InflateLimitError, inflateEntry } from './inflate-entry';
import { formatBytes, importFileError } from './import-file-error';
import { IMPORT_LIMITS } from './import-limits';

/** A DOCX may state an expansion to this many times the upload limit, and no more. */
const MAX_EXPANSION = 20;

export interface DocxMeasure {
  inflatedBytes: number;
  elements: number;
  paragraphs: number;
}

const LT = 0x3c;
const isLetter = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f;
/** After "<w:p": a space, a tab, a line break, ">" or "/" — not "<w:pPr" or "<w:pStyle". */
const endsName = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x3e || byte === 0x2f;

function countMarkup(part: Buffer): { elements: number; paragraphs: number } {
  let elements = 0;
  let paragraphs = 0;
  for (let at = part.indexOf(LT); at >= 0 && at + 1 < part.length; at = part.indexOf(LT, at + 1)) {
    if (!isLetter(part[at + 1])) continue;
    elements += 1;
    if (part[at + 1] === 0x77 && part[at + 2] === 0x3a && part[at + 3] === 0x70 && endsName(part[at + 4])) paragraphs += 1;
  }
  return { elements, paragraphs };
}

/** Throws the import error a person should see when the DOCX is not one, or is beyond a limit. */
export function measureDocx(bytes: Buffer, name: string, maxUploadBytes: number): DocxMeasure {
  const entries = readZipDirectory(bytes);
  if (!entries || !entries.some((entry) => entry.name === 'word/document.xml')) throw importFileError('import_not_docx', name);
  const stated = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const maxInflated = Math.min(IMPORT_LIMITS.xmlBytes, maxUploadBytes * MAX_EXPANSION);
  const tooLarge = () => importFileError('import_file_too_large', name, { limit: formatBytes(maxInflated) });
  if (stated > maxUploadBytes * MAX_EXPANSION) throw tooLarge();
  const measure: DocxMeasure = { inflatedBytes: 0, elements: 0, paragraphs: 0 };
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const budget = maxInflated - measure.inflatedBytes;
    // Inflating past the size the directory states proves it lies: stop there, it costs no more than that.
    const limit = Math.min(budget, entry.uncompressedSize);
    let part: Buffer | null;
    try {
      part = inflateEntry(bytes, entry, limit);
    } catch (err) {
      if (!(err instanceof InflateLimitError)) throw err;
      throw limit < entry.uncompressedSize ? tooLarge() : importFileError('import_not_docx', name);
    }
    if (!part || part.length !== entry.uncompressedSize) throw importFileError('import_not_docx', name);
    measure.inflatedBytes += part.length;
    const counts = countMarkup(part);
    measure.elements += counts.elements;
    measure.paragraphs += counts.paragraphs;
    if (measure.elements > IMPORT_LIMITS.xmlElements) throw importFileError('import_too_complex', name, { limit: IMPORT_LIMITS.xmlElements });
    if (measure.paragraphs > IMPORT_LIMITS.paragraphs) throw importFileError('import_too_many_paragraphs', name, { limit: IMPORT_LIMITS.paragraphs });
  }
  return measure;
}
