import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MAX_AWARENESS_STATE_BYTES = 16 * 1024;
/** The fewest bytes an entry takes (a client id, a clock and a length of one byte each). */
const MIN_ENTRY_BYTES = 3;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  json: string;
}

export interface AwarenessClaims {
  /** Whether another connection already introduced this client id (first claim wins). */
  claimedElsewhere(clientId: number): boolean;
  /** Whether this connection may introduce one more client id (a cap per person, presence-budget.ts). */
  mayIntroduce(): boolean;
}

/**
 * Parses an awareness update (varuint count, then clientID, clock, JSON string per entry) and keeps
 * only what a connection may say: states of client ids it introduced itself (first claim wins, so
 * nobody can overwrite or erase another person's presence; a person introduces a bounded number), each
 * valid JSON of bounded size. Stock y-websocket clients echo every change they receive, other people's
 * included: those entries are skipped without parsing their JSON, and a removal (null state) of an id
 * the connection does not own is skipped without claiming it.
 *
 * The number of entries is not capped: a stock client in a document with many people echoes messages
 * naming all of them (a crowded document must not close its connections), what one connection may say
 * is bounded by the ids it may introduce, and skipping another's entry costs no more than its bytes,
 * which the frame limit and the per-connection awareness budget bound. A count the bytes cannot hold
 * is malformed.
 */
export function filterAwarenessUpdate(update: Uint8Array, owned: Set<number>, claims: AwarenessClaims): { entries: AwarenessEntry[]; refused: number } {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count * MIN_ENTRY_BYTES > update.byteLength - decoder.pos) throw new RangeError(`awareness update claims ${count} entries in ${update.byteLength} bytes`);
  const entries: AwarenessEntry[] = [];
  let refused = 0;
  for (let i = 0; i < count; i += 1) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const bytes = decoding.readVarUint8Array(decoder);
    if (bytes.byteLength > MAX_AWARENESS_STATE_BYTES) throw new RangeError(`awareness state of ${bytes.byteLength} bytes`);
    if (!owned.has(clientId) && claims.claimedElsewhere(clientId)) {
      refused += 1;
      continue;
    }
    const json = decodeUtf8(bytes);
    const state: unknown = JSON.parse(json);
    if (!owned.has(clientId)) {
      if (state === null) continue;
      if (!claims.mayIntroduce()) {
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

/**
 * Whether the update may carry something for this connection to say (a client id it owns, or one nobody
 * claimed yet): read without parsing any state, to decide what to hold back while over the budget.
 */
export function mentionsClaimable(update: Uint8Array, owned: Set<number>, claimedElsewhere: (clientId: number) => boolean): boolean {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count * MIN_ENTRY_BYTES > update.byteLength - decoder.pos) return true; // malformed: parsing it later closes the socket
    for (let i = 0; i < count; i += 1) {
      const clientId = decoding.readVarUint(decoder);
      decoding.readVarUint(decoder);
      decoding.readVarUint8Array(decoder);
      if (owned.has(clientId) || !claimedElsewhere(clientId)) return true;
    }
    return false;
  } catch {
    return true; // malformed: hold it, so that parsing it later closes the socket as it should
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
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
