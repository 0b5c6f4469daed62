import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MAX_AWARENESS_STATE_BYTES = 16 * 1024;
export const MAX_AWARENESS_ENTRIES = 8;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  json: string;
}

/**
 * Parses an awareness update (varuint count, then clientID, clock, JSON string per entry) and keeps
 * only what a connection may say: states of client ids it introduced itself (first claim wins, so
 * nobody can overwrite or erase another person's presence), each valid JSON of bounded size.
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  owned: Set<number>,
  claimedElsewhere: (clientId: number) => boolean,
): { entries: AwarenessEntry[]; refused: number } {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) throw new RangeError(`awareness update with ${count} entries`);
  const entries: AwarenessEntry[] = [];
  let refused = 0;
  for (let i = 0; i < count; i += 1) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > MAX_AWARENESS_STATE_BYTES) throw new RangeError(`awareness state of ${json.length} characters`);
    JSON.parse(json);
    if (!owned.has(clientId)) {
      if (claimedElsewhere(clientId)) {
        refused += 1;
        continue;
      }
      owned.add(clientId);
    }
    entries.push({ clientId, clock, json });
  }
  if (decoding.hasContent(decoder)) throw new RangeError('trailing bytes after awareness update');
  return { entries, refused };
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}
