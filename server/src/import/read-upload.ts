/**
 * An upload's files read and aligned into a preview: what the import thread (import-worker.ts) does.
 * A refusal comes back as its error code and parameters (an AppError does not cross threads), to be
 * raised again on the main thread.
 */
import crypto from 'node:crypto';
import { buildPreview, type Preview } from '../../../shared/src/import';
import type { SourceFormat } from '../../../shared/src/import/types';
import type { LanguageCode } from '../../../shared/src/languages';
import type { ErrorCode } from '../../../shared/src/error-codes';
import { AppError } from '../http/errors';
import { identifyFile, readImportFile, type ReadFile } from './read-import-file';
import { importFileError } from './import-file-error';
import { IMPORT_LIMITS } from './import-limits';

export interface ImportRequest {
  /** The document's languages, in its order. */
  languages: LanguageCode[];
  files: Array<{ language: LanguageCode; name: string; mimeType: string; bytes: Uint8Array }>;
  maxBytes: number;
}

export interface ReadSummary {
  format: SourceFormat;
  sha256: string;
  structure: string;
}

export type ImportReply = { ok: true; preview: Preview; files: ReadSummary[] } | { ok: false; code: ErrorCode; params: Record<string, string | number> };

/** Told to the main thread before each file is read, so a file that exhausts the thread can be named. */
export interface ReadingNote {
  reading: string;
}

export async function readUpload(request: ImportRequest, note: (note: ReadingNote) => void = () => undefined): Promise<ImportReply> {
  try {
    const files = request.files.map((file) => ({ ...file, bytes: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) }));
    const formats = files.map((file) => identifyFile(file));
    const read: ReadFile[] = [];
    for (const [index, file] of files.entries()) {
      note({ reading: file.name });
      read.push(await readImportFile(file, formats[index], request.maxBytes));
    }
    const parsed = Object.fromEntries(files.map((file, index) => [file.language, read[index].segmentation]));
    const preview = buildPreview(
      request.languages.filter((lang) => parsed[lang]),
      parsed,
    );
    if (preview.rows.length > IMPORT_LIMITS.clauses) {
      throw importFileError('import_too_many_clauses', files.map((file) => file.name).join(', '), { limit: IMPORT_LIMITS.clauses });
    }
    return {
      ok: true,
      preview,
      files: files.map((file, index) => ({
        format: formats[index],
        sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
        structure: read[index].segmentation.structure,
      })),
    };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, code: err.code, params: err.params };
    throw err;
  }
}
