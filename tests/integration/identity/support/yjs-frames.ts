import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { MessageType } from '../../../../shared/src/protocol';

/** Raw y-websocket frames a client can send, built with y-protocols as the stock provider does. */
export const frames = {
  syncStep1(doc: Y.Doc = new Y.Doc()): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Sync);
    syncProtocol.writeSyncStep1(e, doc);
    return encoding.toUint8Array(e);
  },
  syncStep2(update: Uint8Array): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  },
  update(update: Uint8Array): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Sync);
    syncProtocol.writeUpdate(e, update);
    return encoding.toUint8Array(e);
  },
  awareness(doc: Y.Doc, state: Record<string, unknown>): Uint8Array {
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState(state);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    awareness.destroy();
    return encoding.toUint8Array(e);
  },
  queryAwareness(): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.QueryAwareness);
    return encoding.toUint8Array(e);
  },
  auth(): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, 'let me in');
    return encoding.toUint8Array(e);
  },
  unknown(): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 7);
    return encoding.toUint8Array(e);
  },
};

/** A real change: one insertion into a fresh Y.Doc, as one update. */
export function oneChange(text = 'changed by a client'): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('probe').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** What a server frame is: 'sync-step1' | 'sync-step2' | 'sync-update' | 'awareness' | 'auth-denied' | … */
export function kindOf(frame: Uint8Array): string {
  const d = decoding.createDecoder(frame);
  const type = decoding.readVarUint(d);
  if (type === MessageType.Sync) return ['sync-step1', 'sync-step2', 'sync-update'][decoding.readVarUint(d)] ?? 'sync-other';
  if (type === MessageType.Awareness) return 'awareness';
  if (type === MessageType.Auth) return decoding.readVarUint(d) === 0 ? 'auth-denied' : 'auth-other';
  return `type-${type}`;
}

/** The payload of a sync step 2 / update frame. */
export function syncPayload(frame: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(frame);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  return decoding.readVarUint8Array(d);
}

/** The reason string of a permission-denied frame. */
export function deniedReason(frame: Uint8Array): string {
  const d = decoding.createDecoder(frame);
  decoding.readVarUint(d);
  decoding.readVarUint(d);
  return decoding.readVarString(d);
}
