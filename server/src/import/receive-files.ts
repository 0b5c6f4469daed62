/**
 * Receives the files of an import as multipart/form-data, one file part per language, the part's
 * name being the language code ("en", "es"). Multipart rather than base64 in JSON: files arrive as
 * bytes (no third larger), the size limit stops the upload as soon as it is passed instead of after
 * the whole body is read, and the JSON body limit of the rest of the API stays small.
 *
 * Called inside the route, after the session, the CSRF token and the policy have been checked, so
 * nobody can make the server read an upload it would refuse anyway.
 */
import type { Request, Response } from 'express';
import multer from 'multer';
import { AppError } from '../http/errors';
import { isLanguageCode } from '../../../shared/src/languages';
import { formatBytes, importFileError } from './import-file-error';
import type { LanguageFile } from '../commands/preview-import';

export async function receiveFiles(req: Request, res: Response, options: { maxBytes: number; maxFiles: number }): Promise<LanguageFile[]> {
  const names = new Map<string, string>();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: options.maxBytes, files: options.maxFiles, fields: 0, parts: options.maxFiles, fieldNameSize: 16, headerPairs: 50 },
    // Browsers send file names in UTF-8.
    defParamCharset: 'utf8',
    fileFilter: (_req, file, accept) => {
      names.set(file.fieldname, file.originalname);
      accept(null, true);
    },
  } as multer.Options).any();

  try {
    await new Promise<void>((resolve, reject) => upload(req, res, (err: unknown) => (err ? reject(err) : resolve())));
  } catch (err) {
    if (err instanceof multer.MulterError) {
      if (err.code === 'LIMIT_FILE_SIZE')
        throw importFileError('import_file_too_large', names.get(err.field ?? '') ?? err.field ?? '', { limit: formatBytes(options.maxBytes) });
      throw new AppError('bad_request');
    }
    req.log?.info({ err }, 'import upload could not be read');
    throw new AppError('bad_request');
  }

  const files = (req.files ?? []) as Express.Multer.File[];
  if (files.length === 0) throw new AppError('import_no_files');
  const seen = new Set<string>();
  return files.map((file) => {
    if (!isLanguageCode(file.fieldname)) throw new AppError('import_language_not_in_document', { language: file.fieldname });
    if (seen.has(file.fieldname)) throw new AppError('bad_request');
    seen.add(file.fieldname);
    return { language: file.fieldname, name: file.originalname || `${file.fieldname}`, mimeType: file.mimetype ?? '', bytes: file.buffer };
  });
}
