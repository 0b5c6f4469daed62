import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MessageType } from '../../../shared/src/protocol';
import type { CollabDocument } from './collab-document';
import type { CollabConnection } from './connection';
import { assertSaneUpdate, InvalidUpdateError } from './update-guard';
import { encodeAwarenessEntries, filterAwarenessUpdate } from './awareness-guard';
import { permissionDeniedFrame } from './messages';
import { editsDrafts } from '../versions/rejected-updates';

const AWARENESS_PER_SECOND = 20;
const DENIAL_INTERVAL_MS = 2000;
/** An empty Yjs update (no structs, no deletions): what a read-only client's sync step 2 usually is. */
const isEmptyUpdate = (u: Uint8Array) => u.byteLength === 2 && u[0] === 0 && u[1] === 0;

class BadMessage extends Error {}

/**
 * Everything a client may send, checked where it is received. Read-only is enforced here: a
 * connection without write permission (or any connection to a frozen document) never gets a
 * sync step 2 or update applied; it is told so, and nothing is stored or relayed.
 */
export function receiveMessage(
  document: CollabDocument,
  connection: CollabConnection,
  data: Uint8Array,
  lookupAwarenessOwner: (clientId: number) => boolean,
): void {
  if (data.byteLength === 0) {
    connection.close(CloseCode.BadMessage, 'empty frame');
    return;
  }
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        receiveSync(document, connection, decoder);
        break;
      case MessageType.Awareness:
        receiveAwareness(document, connection, decoding.readVarUint8Array(decoder), lookupAwarenessOwner);
        break;
      case MessageType.QueryAwareness:
        document.sendAwarenessTo(connection);
        break;
      case MessageType.Auth:
        throw new BadMessage('clients do not send auth messages');
      default:
        throw new BadMessage(`unknown message type ${type}`);
    }
  } catch (err) {
    const reason = err instanceof BadMessage || err instanceof InvalidUpdateError ? err.message : `malformed frame: ${(err as Error).message}`;
    connection.close(CloseCode.BadMessage, reason);
  }
}

function receiveSync(document: CollabDocument, connection: CollabConnection, decoder: decoding.Decoder): void {
  const kind = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) throw new BadMessage('trailing bytes after sync message');
  switch (kind) {
    case syncProtocol.messageYjsSyncStep1: {
      Y.decodeStateVector(payload);
      void document.answerStep1(connection, payload);
      return;
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      if (!connection.principal.canWrite || !document.writable) {
        // Issue 7: a writer's edit that arrives after the freeze (an offline client reconnecting) is
        // not applied but kept for its author (server/src/versions/rejected-updates.ts).
        if (!document.writable && editsDrafts(connection.principal) && !isEmptyUpdate(payload)) {
          assertSaneUpdate(payload);
          document.onRefusedUpdate?.(payload, connection.principal.userId);
        }
        deny(document, connection, payload);
        return;
      }
      assertSaneUpdate(payload);
      try {
        Y.applyUpdate(document.doc, payload, connection.origin);
      } catch (err) {
        throw new InvalidUpdateError(`update could not be applied: ${(err as Error).message}`);
      }
      return;
    }
    default:
      throw new BadMessage(`unknown sync message ${kind}`);
  }
}

function deny(document: CollabDocument, connection: CollabConnection, payload: Uint8Array): void {
  if (isEmptyUpdate(payload)) return;
  connection.deniedMessages += 1;
  const now = Date.now();
  if (now - connection.lastDenialAt < DENIAL_INTERVAL_MS) return;
  connection.lastDenialAt = now;
  const reason = document.writable ? 'read-only: your role may not change the text' : 'read-only: the document is frozen';
  connection.log.warn({ denied: connection.deniedMessages, role: connection.principal.role, reason }, 'collab write denied');
  connection.send(permissionDeniedFrame(reason));
}

/** Awareness is presence, not text: allowed to every member, but rate-limited and owner-checked. */
function receiveAwareness(
  document: CollabDocument,
  connection: CollabConnection,
  update: Uint8Array,
  lookupAwarenessOwner: (clientId: number) => boolean,
): void {
  const now = Date.now();
  if (now - connection.awarenessWindowStart >= 1000) {
    connection.awarenessWindowStart = now;
    connection.awarenessInWindow = 0;
  }
  if (connection.awarenessInWindow >= AWARENESS_PER_SECOND) {
    // Keep only the newest state and apply it when the window reopens: presence stays current, cost stays bounded.
    connection.heldAwareness = update;
    connection.heldAwarenessTimer ??= setTimeout(
      () => {
        connection.heldAwarenessTimer = null;
        const held = connection.heldAwareness;
        connection.heldAwareness = null;
        if (held && !connection.closed) {
          try {
            receiveAwareness(document, connection, held, lookupAwarenessOwner);
          } catch (err) {
            connection.close(CloseCode.BadMessage, `malformed awareness: ${(err as Error).message}`);
          }
        }
      },
      1000 - (now - connection.awarenessWindowStart),
    );
    return;
  }
  connection.awarenessInWindow += 1;
  const { entries, refused } = filterAwarenessUpdate(update, connection.awarenessClients, lookupAwarenessOwner);
  if (refused > 0) connection.log.warn({ refused }, 'awareness states of other clients ignored');
  if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(document.awareness, encodeAwarenessEntries(entries), connection.origin);
}
