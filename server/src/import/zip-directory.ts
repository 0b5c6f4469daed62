/**
 * Reads a ZIP's central directory — names and sizes, nothing decompressed — so a DOCX can be checked
 * before a reader inflates it: that it is a Word document at all, and that it does not expand to
 * far more than it weighs (a "zip bomb"). Its sizes are what the file says; inflate-entry.ts counts
 * what an entry really inflates to.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else a DOCX never uses. */
  method: number;
  compressedSize: number;
  /** As the directory states it: never trusted for a limit (inflate-entry.ts counts what really comes out). */
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

/** The entries, or null when the bytes are not a readable ZIP (truncated, damaged, ZIP64 sizes). */
export function readZipDirectory(buffer: Buffer): ZipEntry[] | null {
  if (buffer.length < EOCD_MIN) return null;
  let eocd = -1;
  for (let at = buffer.length - EOCD_MIN; at >= Math.max(0, buffer.length - EOCD_MIN - MAX_COMMENT); at -= 1) {
    if (buffer.readUInt32LE(at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || offset + size > buffer.length) return null;
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const uncompressedSize = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) return null;
    if (at + 46 + nameLength > buffer.length) return null;
    entries.push({ name: buffer.toString('utf8', at + 46, at + 46 + nameLength), method, compressedSize, uncompressedSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
