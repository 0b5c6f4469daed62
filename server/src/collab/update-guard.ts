import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';

/** Limits that no honest client comes near; an update beyond them is refused before it touches the document. */
export const UPDATE_LIMITS = {
  maxStructs: 100_000,
  maxDeleteRanges: 100_000,
  /** A client's clock counts the items it ever inserted; 2^31 is far beyond any negotiation. */
  maxClock: 2 ** 31,
};

export class InvalidUpdateError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidUpdateError';
  }
}

/**
 * Checks a Yjs v1 update before it is applied or stored: it must decode completely, and declare
 * no absurd number of structs, delete ranges or clocks (the class of yjs issue 687, where a small
 * frame claims enough work to stall the event loop). The cheap header scan runs first, so a frame
 * claiming more structs than it has bytes is refused without decoding it.
 */
export function assertSaneUpdate(update: Uint8Array): void {
  if (update.byteLength === 0) throw new InvalidUpdateError('empty update');
  try {
    const decoder = decoding.createDecoder(update);
    const clients = decoding.readVarUint(decoder);
    if (clients > update.byteLength) throw new InvalidUpdateError(`update claims ${clients} clients in ${update.byteLength} bytes`);
    if (clients > 0) {
      const structs = decoding.readVarUint(decoder);
      if (structs > update.byteLength || structs > UPDATE_LIMITS.maxStructs) {
        throw new InvalidUpdateError(`update claims ${structs} structs in ${update.byteLength} bytes`);
      }
    }
  } catch (err) {
    if (err instanceof InvalidUpdateError) throw err;
    throw new InvalidUpdateError(`undecodable update header: ${(err as Error).message}`);
  }
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    throw new InvalidUpdateError(`undecodable update: ${(err as Error).message}`);
  }
  if (decoded.structs.length > UPDATE_LIMITS.maxStructs) throw new InvalidUpdateError(`too many structs: ${decoded.structs.length}`);
  for (const struct of decoded.structs) {
    if (struct.id.clock + struct.length > UPDATE_LIMITS.maxClock) throw new InvalidUpdateError(`clock out of range: ${struct.id.clock}+${struct.length}`);
  }
  let ranges = 0;
  for (const items of decoded.ds.clients.values()) {
    ranges += items.length;
    if (ranges > UPDATE_LIMITS.maxDeleteRanges) throw new InvalidUpdateError(`too many delete ranges: >${UPDATE_LIMITS.maxDeleteRanges}`);
    for (const item of items) {
      if (item.clock + item.len > UPDATE_LIMITS.maxClock) throw new InvalidUpdateError(`delete range out of range: ${item.clock}+${item.len}`);
    }
  }
}
