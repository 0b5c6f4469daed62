/**
 * What an uploaded file is, from its bytes, checked against what its name says it is. Nothing is
 * trusted from the browser's declared type alone: a PDF renamed ".docx" is refused as not a Word
 * document, a Word file renamed ".txt" as not text.
 *
 * Magic numbers: a DOCX is a ZIP (PK\x03\x04) holding word/document.xml; a password-protected DOCX
 * is not a ZIP at all but an OLE compound file (D0 CF 11 E0 A1 B1 1A E1) holding an
 * "EncryptedPackage" stream — as is an old Word 97–2003 .doc, which has no such stream.
 */
import path from 'node:path';
import type { SourceFormat } from '../../../shared/src/import/types';
import { importFileError } from './import-file-error';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

const EXTENSIONS: Record<string, SourceFormat> = {
  '.docx': 'docx',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};
const MIME_TYPES: Record<string, SourceFormat> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/plain': 'text',
};

export interface UploadedFile {
  name: string;
  mimeType: string;
  bytes: Buffer;
}

/** The format the file claims: its extension, or its declared type when it has no known extension. */
export function claimedFormat(file: UploadedFile): SourceFormat {
  const extension = path.extname(file.name).toLowerCase();
  const byName = EXTENSIONS[extension];
  if (byName) return byName;
  if (extension === '.doc') throw importFileError('import_legacy_doc', file.name);
  const byType = extension === '' ? MIME_TYPES[file.mimeType.split(';')[0].trim().toLowerCase()] : undefined;
  if (byType) return byType;
  throw importFileError('import_unsupported_type', file.name);
}

export const isZip = (bytes: Buffer) => bytes.subarray(0, 4).equals(ZIP_MAGIC);
export const isCompoundFile = (bytes: Buffer) => bytes.subarray(0, 8).equals(CFB_MAGIC);

/** Checks the bytes against the claimed format; throws the matching import error when they disagree. */
export function checkMagic(file: UploadedFile, format: SourceFormat): void {
  const { bytes, name } = file;
  if (bytes.length === 0) throw importFileError('import_empty', name);
  if (format === 'docx') {
    if (isZip(bytes)) return;
    if (isCompoundFile(bytes)) {
      throw importFileError(bytes.includes(ENCRYPTED_PACKAGE) ? 'import_docx_protected' : 'import_legacy_doc', name);
    }
    throw importFileError('import_not_docx', name);
  }
  if (isZip(bytes) || isCompoundFile(bytes) || bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw importFileError('import_not_text', name);
  }
}
