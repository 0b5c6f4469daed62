/**
 * Each kind of bad file is refused with a message that names it, in the person's language, and
 * nothing at all is written: no preview, no update, no audit event.
 */
import { Paragraph } from 'docx';
import type { TestServer } from '../../utils/test-server';
import { docxOf } from '../../utils/memorandum-docx';
import { encryptedDocx, legacyDoc, pdfBytes, zipWithout } from '../../utils/bad-import-files';
import { newNegotiation, signIn, startImportServer, writtenCounts, type Person } from './support';

const LIMIT = 64 * 1024;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let server: TestServer;
let secretariat: Person;
let documentId: string;

beforeAll(async () => {
  server = await startImportServer({ IMPORT_MAX_BYTES: String(LIMIT) });
  secretariat = await signIn(server, 'secretariat@demo.test');
  documentId = await newNegotiation(secretariat);
});
afterAll(async () => {
  await server.stop();
});

interface BadFile {
  name: string;
  bytes: () => Promise<Buffer> | Buffer;
  type?: string;
}

const CASES: Array<[string, BadFile, number, string]> = [
  ['a PDF named .docx', { name: 'draft.docx', bytes: pdfBytes, type: DOCX }, 400, 'import_not_docx'],
  ['a ZIP that holds no Word document', { name: 'draft.docx', bytes: () => zipWithout(), type: DOCX }, 400, 'import_not_docx'],
  ['a password-protected DOCX', { name: 'draft.docx', bytes: encryptedDocx, type: DOCX }, 400, 'import_docx_protected'],
  ['a Word 97–2003 file named .docx', { name: 'draft.docx', bytes: legacyDoc, type: DOCX }, 400, 'import_legacy_doc'],
  ['an empty DOCX', { name: 'empty.docx', bytes: () => docxOf([]), type: DOCX }, 400, 'import_empty'],
  ['a zero-byte file', { name: 'nothing.txt', bytes: () => Buffer.alloc(0), type: 'text/plain' }, 400, 'import_empty'],
  [
    'a file over the limit',
    { name: 'huge.txt', bytes: () => Buffer.from(`Article 1. ${'x'.repeat(LIMIT)}`), type: 'text/plain' },
    413,
    'import_file_too_large',
  ],
  ['a Word document named .txt', { name: 'draft.txt', bytes: () => docxOf([new Paragraph('Article 1. Hi.')]), type: 'text/plain' }, 400, 'import_not_text'],
  ['binary bytes named .md', { name: 'draft.md', bytes: () => Buffer.from([1, 2, 0, 4, 5, 6]), type: 'text/markdown' }, 400, 'import_not_text'],
  ['a PDF', { name: 'draft.pdf', bytes: pdfBytes, type: 'application/pdf' }, 415, 'import_unsupported_type'],
  [
    'text with no recognisable structure',
    { name: 'notes.txt', bytes: () => Buffer.from('Just one long paragraph of notes without any clause in it'), type: 'text/plain' },
    422,
    'import_no_structure',
  ],
];

describe.each(CASES)('%s', (_name, bad, status, code) => {
  it(`is refused with ${code}, naming the file, and nothing is written`, async () => {
    const before = await writtenCounts(server, documentId);
    const good = await docxOf([new Paragraph('Article 1. The Participants intend to cooperate.')]);
    const answer = await secretariat.upload(`/api/documents/${documentId}/import/preview`, {
      en: { name: 'good.docx', bytes: good, type: DOCX },
      es: { name: bad.name, bytes: await bad.bytes(), type: bad.type },
    });
    expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
    expect(answer.body.error.message).toContain(bad.name);
    expect(await writtenCounts(server, documentId)).toEqual(before);
  });
});

it('answers in Spanish to a person who reads Spanish, and states the limit', async () => {
  await secretariat.request('PATCH', '/api/me', { uiLanguage: 'es' });
  try {
    const answer = await secretariat.upload(`/api/documents/${documentId}/import/preview`, {
      es: { name: 'enorme.txt', bytes: Buffer.alloc(LIMIT + 1, 0x41), type: 'text/plain' },
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.message).toBe(
      '«enorme.txt» es demasiado grande para importarlo (el límite es 64 KiB). Quite imágenes o divida el documento y vuelva a cargarlo.',
    );
    const protectedFile = await secretariat.upload(`/api/documents/${documentId}/import/preview`, {
      es: { name: 'secreto.docx', bytes: encryptedDocx(), type: DOCX },
    });
    expect(protectedFile.body.error.message).toMatch(/^«secreto\.docx» está protegido con contraseña/);
  } finally {
    await secretariat.request('PATCH', '/api/me', { uiLanguage: 'en' });
  }
});

it('refuses an upload with no file, or a file for a language the document does not have', async () => {
  const before = await writtenCounts(server, documentId);
  const none = await secretariat.request('POST', `/api/documents/${documentId}/import/preview`, {});
  expect(none.body.error.code).toBe('import_no_files');
  const french = await secretariat.upload(`/api/documents/${documentId}/import/preview`, {
    fr: { name: 'fr.txt', bytes: 'Article 1. Texte.\n\nArticle 2. Texte.' },
  });
  expect({ status: french.status, code: french.body.error.code }).toEqual({ status: 400, code: 'import_language_not_in_document' });
  expect(await writtenCounts(server, documentId)).toEqual(before);
});
