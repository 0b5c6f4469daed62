/**
 * Files an import must refuse, made byte by byte: what a password-protected DOCX and an old .doc
 * look like (OLE compound files), a PDF, a ZIP that holds no Word document, and files built to exhaust
 * the server: DOCX files of millions of empty paragraphs, a ZIP whose directory lies about its sizes,
 * text of a hundred thousand articles.
 */
import zlib, { deflateRawSync } from 'node:zlib';

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE compound file whose directory names the streams of an encrypted OOXML package. */
export function encryptedDocx(): Buffer {
  const header = Buffer.alloc(512);
  CFB_MAGIC.copy(header);
  const directory = Buffer.alloc(512);
  Buffer.from('EncryptionInfo', 'utf16le').copy(directory, 128);
  Buffer.from('EncryptedPackage', 'utf16le').copy(directory, 256);
  return Buffer.concat([header, directory]);
}

/** An OLE compound file as Word 97–2003 writes it (a WordDocument stream, nothing encrypted). */
export function legacyDoc(): Buffer {
  const header = Buffer.alloc(512);
  CFB_MAGIC.copy(header);
  const directory = Buffer.alloc(512);
  Buffer.from('WordDocument', 'utf16le').copy(directory, 128);
  return Buffer.concat([header, directory]);
}

export function pdfBytes(): Buffer {
  return Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
}

/** A valid ZIP holding one text file (no word/document.xml). */
export function zipWithout(name = 'notes.txt', content = 'not a Word document'): Buffer {
  return zipOf([{ name, content: Buffer.from(content) }]);
}

export interface ZipPart {
  name: string;
  content: Buffer;
  /** The uncompressed size the directory states; the true size when left out (an honest directory). */
  statedSize?: number;
}

/** A ZIP of deflated parts, written byte by byte so that its directory can state whatever sizes a test needs. */
export function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const compressed = deflateRawSync(part.content, { level: 9 });
    const nameBytes = Buffer.from(part.name);
    const crc = crc32(part.content);
    const size = part.statedSize ?? part.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A DOCX whose body is `body` (WordprocessingML paragraphs), as small as deflate makes it. */
export function docxOfBody(body: string, statedSize?: number): Buffer {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipOf([
    { name: '[Content_Types].xml', content: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', content: Buffer.from(ROOT_RELS) },
    { name: 'word/document.xml', content: Buffer.from(xml), statedSize },
  ]);
}

/** Under 100 KB on disk, tens of MB of XML: a body of nothing but empty paragraphs, with an honest directory. */
export function emptyParagraphsDocx(paragraphs = 5_000_000): Buffer {
  return docxOfBody('<w:p/>'.repeat(paragraphs));
}

/** A DOCX of `paragraphs` short numbered articles, one paragraph each. */
export function manyParagraphsDocx(paragraphs: number): Buffer {
  const body: string[] = [];
  for (let i = 1; i <= paragraphs; i += 1) body.push(`<w:p><w:r><w:t>Article ${i}. The Participants cooperate.</w:t></w:r></w:p>`);
  return docxOfBody(body.join(''));
}

/** A DOCX whose directory says document.xml is 2 KB while it inflates to `bytes` of XML (a "zip bomb" that lies). */
export function lyingSizesDocx(bytes = 300 * 1024 * 1024): Buffer {
  const paragraph = '<w:p><w:r><w:t>Article 1. The Participants cooperate.</w:t></w:r></w:p>';
  return docxOfBody(paragraph.repeat(Math.ceil(bytes / paragraph.length)), 2048);
}

/** A plain-text draft of `count` one-line articles ("Article 1. …"), as long as the text of every article allows. */
export function manyArticlesText(count: number): Buffer {
  const lines: string[] = [];
  for (let i = 1; i <= count; i += 1) lines.push(`Article ${i}. Text ${i}.`);
  return Buffer.from(lines.join('\n\n'));
}

function crc32(data: Buffer): number {
  return zlib.crc32(data);
}
