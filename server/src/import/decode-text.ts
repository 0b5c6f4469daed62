/**
 * Bytes of a text file → a string. UTF-8 (with or without BOM) and UTF-16 with a BOM are read as
 * such; otherwise, text that is not valid UTF-8 is read as Windows-1252, which is what Word and
 * Notepad on a Spanish or English Windows save as "plain text". Bytes that are not text at all
 * (NUL bytes, many control characters) are refused.
 */
import { importFileError } from './import-file-error';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

export function decodeText(bytes: Buffer, name: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.includes(0)) throw importFileError('import_not_text', name);
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > Math.max(8, text.length / 100)) throw importFileError('import_not_text', name);
  return text.replace(CONTROL, '');
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F only (curly quotes, dashes, €); undefined bytes stay as Latin-1.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes) out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}
