/**
 * DOCX → HTML with mammoth: headings by their Word styles, a Title-styled paragraph marked as the
 * title, underline kept (mammoth drops it unless told), images left out, and no access to any file
 * a document may link to. The HTML is read by shared/src/import/html-blocks.ts.
 */
import mammoth from 'mammoth';
import { readZipDirectory } from './zip-directory';
import { importFileError } from './import-file-error';

/** English style names are what Word stores even in a Spanish Word; the Spanish ones cover files made elsewhere. */
const STYLE_MAP = [
  "p[style-name='Title'] => p.title:fresh",
  "p[style-name='Título'] => p.title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((level) => [`p[style-name='Título ${level}'] => h${level}:fresh`, `p[style-name='Encabezado ${level}'] => h${level}:fresh`]),
  'u => u',
];

/** A DOCX may expand to this many times the upload limit, and no more. */
const MAX_EXPANSION = 20;

export async function docxToHtml(bytes: Buffer, name: string, maxBytes: number): Promise<string> {
  const entries = readZipDirectory(bytes);
  if (!entries || !entries.some((entry) => entry.name === 'word/document.xml')) throw importFileError('import_not_docx', name);
  const expanded = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (expanded > maxBytes * MAX_EXPANSION) throw importFileError('import_file_too_large', name, { limit: `${MAX_EXPANSION} × ${maxBytes} bytes uncompressed` });
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    return result.value;
  } catch {
    throw importFileError('import_not_docx', name);
  }
}
