/**
 * DOCX → HTML with mammoth: headings by their Word styles, a Title-styled paragraph marked as the
 * title, underline kept (mammoth drops it unless told), images left out, and no access to any file
 * a document may link to. The HTML is read by shared/src/import/html-blocks.ts. Nothing reaches mammoth
 * that measure-docx.ts has not measured within the import's limits.
 */
import mammoth from 'mammoth';
import { measureDocx } from './measure-docx';
import { importFileError } from './import-file-error';

/** English style names are what Word stores even in a Spanish Word; the Spanish ones cover files made elsewhere. */
const STYLE_MAP = [
  "p[style-name='Title'] => p.title:fresh",
  "p[style-name='Título'] => p.title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((level) => [`p[style-name='Título ${level}'] => h${level}:fresh`, `p[style-name='Encabezado ${level}'] => h${level}:fresh`]),
  'u => u',
];

export async function docxToHtml(bytes: Buffer, name: string, maxBytes: number): Promise<string> {
  measureDocx(bytes, name, maxBytes);
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
