/**
 * The bytes of one ZIP entry, inflated with a limit on what comes out: the directory's sizes are what
 * the file says, and a file built to exhaust memory says whatever passes a check. Inflation stops at
 * the limit (zlib's maxOutputLength), so a lying entry costs at most the limit, never what it inflates to.
 */
import zlib from 'node:zlib';
import type { ZipEntry } from './zip-directory';

const LOCAL_SIGNATURE = 0x04034b50;

/** The entry inflates to more than the limit. */
export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`inflates to more than ${limit} bytes`);
    this.name = 'InflateLimitError';
  }
}

/** The entry's content; null when it cannot be read (damaged, or a method other than stored or deflated). */
export function inflateEntry(zip: Buffer, entry: ZipEntry, maxBytes: number): Buffer | null {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_SIGNATURE) return null;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressedSize > zip.length) return null;
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new InflateLimitError(maxBytes);
    return data;
  }
  if (entry.method !== 8) return null;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError(maxBytes);
    return null;
  }
}
