import { Paragraph } from 'docx';
import { checkMagic, claimedFormat, type UploadedFile } from '../../../server/src/import/sniff-file';
import { decodeText } from '../../../server/src/import/decode-text';
import { readZipDirectory } from '../../../server/src/import/zip-directory';
import { docxToHtml } from '../../../server/src/import/read-docx';
import { formatBytes } from '../../../server/src/import/import-file-error';
import { AppError } from '../../../server/src/http/errors';
import { docxOf } from '../../utils/memorandum-docx';
import { encryptedDocx, legacyDoc, pdfBytes, zipWithout } from '../../utils/bad-import-files';

const file = (name: string, bytes: Buffer, mimeType = ''): UploadedFile => ({ name, bytes, mimeType });

function refusal(fn: () => unknown): { code: string; params: unknown } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('recognising what an uploaded file is', () => {
  it('takes the claimed format from the extension, or from the declared type when there is none', () => {
    expect(claimedFormat(file('Draft.DOCX', Buffer.alloc(1)))).toBe('docx');
    expect(claimedFormat(file('draft.md', Buffer.alloc(1)))).toBe('markdown');
    expect(claimedFormat(file('draft', Buffer.alloc(1), 'text/plain; charset=utf-8'))).toBe('text');
    expect(refusal(() => claimedFormat(file('draft.pdf', Buffer.alloc(1), 'text/plain')))).toEqual({
      code: 'import_unsupported_type',
      params: { file: 'draft.pdf' },
    });
    expect(refusal(() => claimedFormat(file('old.doc', Buffer.alloc(1))))).toEqual({ code: 'import_legacy_doc', params: { file: 'old.doc' } });
  });

  it('refuses a file named .docx that is not a ZIP, and says so when it is password-protected', () => {
    expect(refusal(() => checkMagic(file('x.docx', pdfBytes()), 'docx')).code).toBe('import_not_docx');
    expect(refusal(() => checkMagic(file('x.docx', encryptedDocx()), 'docx')).code).toBe('import_docx_protected');
    expect(refusal(() => checkMagic(file('x.docx', legacyDoc()), 'docx')).code).toBe('import_legacy_doc');
    expect(refusal(() => checkMagic(file('x.docx', Buffer.alloc(0)), 'docx')).code).toBe('import_empty');
  });

  it('refuses a Word file or a PDF named as text', async () => {
    const word = await docxOf([new Paragraph('Hi')]);
    expect(refusal(() => checkMagic(file('x.txt', word), 'text')).code).toBe('import_not_text');
    expect(refusal(() => checkMagic(file('x.md', pdfBytes()), 'markdown')).code).toBe('import_not_text');
  });

  it('refuses a ZIP without a Word document in it, before reading it', async () => {
    await expect(docxToHtml(zipWithout(), 'x.docx', 10_000)).rejects.toMatchObject({ code: 'import_not_docx' });
  });

  it('lists a ZIP’s entries from its central directory without inflating them', async () => {
    const entries = readZipDirectory(await docxOf([new Paragraph('Hi')]));
    expect(entries?.map((entry) => entry.name)).toContain('word/document.xml');
    expect(readZipDirectory(Buffer.from('PK\x03\x04 truncated'))).toBeNull();
  });

  it('refuses a DOCX that would expand to far more than the upload limit', async () => {
    const bytes = await docxOf([new Paragraph('x'.repeat(50_000))]);
    await expect(docxToHtml(bytes, 'big.docx', 1024)).rejects.toMatchObject({ code: 'import_file_too_large' });
  });
});

describe('decoding text files', () => {
  it('reads UTF-8 with or without a byte order mark, UTF-16 with one, and Windows-1252 otherwise', () => {
    expect(decodeText(Buffer.from('\ufeffArtículo 1.', 'utf8'), 'a.txt')).toBe('Artículo 1.');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Artículo', 'utf16le')]), 'a.txt')).toBe('Artículo');
    expect(decodeText(Buffer.from([0x41, 0x72, 0x74, 0xed, 0x63, 0x75, 0x6c, 0x6f, 0x20, 0x93, 0x31, 0x94]), 'a.txt')).toBe('Artículo “1”');
  });

  it('refuses bytes that are not text', () => {
    expect(refusal(() => decodeText(Buffer.from([0x41, 0x00, 0x42]), 'a.txt')).code).toBe('import_not_text');
    expect(refusal(() => decodeText(Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), 'a.txt')).code).toBe('import_not_text');
  });

  it('writes limits as a person reads them', () => {
    expect([formatBytes(10 * 1024 * 1024), formatBytes(1536 * 1024), formatBytes(4096), formatBytes(300)]).toEqual(['10 MiB', '1.5 MiB', '4 KiB', '300 bytes']);
  });
});
