/**
 * One uploaded file → one language's clause rows, or the error that says what is wrong with it.
 * Every check runs before anything is stored.
 */
import { segmentSource, type Segmentation } from '../../../shared/src/import';
import type { SourceFormat } from '../../../shared/src/import/types';
import { checkMagic, claimedFormat, type UploadedFile } from './sniff-file';
import { decodeText } from './decode-text';
import { docxToHtml } from './read-docx';
import { importFileError } from './import-file-error';

export interface ReadFile {
  format: SourceFormat;
  segmentation: Segmentation;
}

/** Checks what the file is against what it claims to be; cheap, so every file is checked before any is read. */
export function identifyFile(file: UploadedFile): SourceFormat {
  const format = claimedFormat(file);
  checkMagic(file, format);
  return format;
}

export async function readImportFile(file: UploadedFile, format: SourceFormat, maxBytes: number): Promise<ReadFile> {
  const source = format === 'docx' ? await docxToHtml(file.bytes, file.name, maxBytes) : decodeText(file.bytes, file.name);
  if (source.replace(/<[^>]*>/g, '').trim() === '') throw importFileError('import_empty', file.name);
  const segmentation = segmentSource(format, source);
  if (segmentation.clauses.length === 0 && segmentation.title === null) throw importFileError('import_empty', file.name);
  if (segmentation.structure === 'none' || segmentation.clauses.length === 0) throw importFileError('import_no_structure', file.name);
  return { format, segmentation };
}
