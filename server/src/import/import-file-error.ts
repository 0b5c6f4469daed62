import { AppError } from '../http/errors';
import type { ErrorCode } from '../../../shared/src/error-codes';

/** Why a file cannot be imported; the message names the file so the person knows which one to fix. */
export type ImportFileProblem =
  | 'import_unsupported_type'
  | 'import_not_docx'
  | 'import_docx_protected'
  | 'import_legacy_doc'
  | 'import_not_text'
  | 'import_empty'
  | 'import_file_too_large'
  | 'import_no_structure'
  | 'import_too_complex'
  | 'import_too_many_paragraphs'
  | 'import_too_many_clauses'
  | 'import_too_slow';

export function importFileError(problem: ImportFileProblem & ErrorCode, file: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(problem, { file, ...params });
}

/** "10 MiB", "512 KiB", "300 bytes": a limit as a person reads it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
