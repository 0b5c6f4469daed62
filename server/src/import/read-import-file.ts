/**
 * One uploaded file → one language's clause rows, or the error that says what is wrong with it.
 * Every check runs before anything is stored. Runs on the import thread (import-worker.ts): a file's
 * cost is bounded by the limits of import-limits.ts, checked before each step they guard.
 */
import { htmlToBlocks, markdownToBlocks, segmentBlocks, textToBlocks, type Segmentation } from '../../../shared/src/import';
import type { SourceBlock, SourceFormat } from '../../../shared/src/import/types';
import { checkMagic, claimedFormat, type UploadedFile } from './sniff-file';
import { decodeText } from './decode-text';
import { docxToHtml } from './read-docx';
import { importFileError } from './import-file-error';
import { IMPORT_LIMITS } from './import-limits';

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

/** Paragraphs, headings and list items, however deeply the lists nest. */
function countBlocks(blocks: readonly SourceBlock[]): number {
  let count = 0;
  const stack: (readonly SourceBlock[])[] = [blocks];
  while (stack.length > 0) {
    for (const block of stack.pop()!) {
      count += 1;
      if (block.type === 'list') stack.push(...block.items);
    }
  }
  return count;
}

export async function readImportFile(file: UploadedFile, format: SourceFormat, maxBytes: number): Promise<ReadFile> {
  const source = format === 'docx' ? await docxToHtml(file.bytes, file.name, maxBytes) : decodeText(file.bytes, file.name);
  if (source.replace(/<[^>]*>/g, '').trim() === '') throw importFileError('import_empty', file.name);
  const blocks = format === 'docx' ? htmlToBlocks(source) : format === 'markdown' ? markdownToBlocks(source) : textToBlocks(source);
  if (countBlocks(blocks) > IMPORT_LIMITS.paragraphs) throw importFileError('import_too_many_paragraphs', file.name, { limit: IMPORT_LIMITS.paragraphs });
  const segmentation = segmentBlocks(blocks);
  if (segmentation.clauses.length === 0 && segmentation.title === null) throw importFileError('import_empty', file.name);
  if (segmentation.structure === 'none' || segmentation.clauses.length === 0) throw importFileError('import_no_structure', file.name);
  if (segmentation.clauses.length > IMPORT_LIMITS.clauses) throw importFileError('import_too_many_clauses', file.name, { limit: IMPORT_LIMITS.clauses });
  return { format, segmentation };
}
