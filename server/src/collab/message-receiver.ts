import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MessageType } from '../../../shared/src/protocol';
import type { CollabDocument } from './collab-document';
import type { CollabConnection } from './connection';
import { assertSaneUpdate, InvalidUpdateError } from './update-guard';
import { encodeAwarenessEntries, filterAwarenessUpdate, mentionsClaimable, type AwarenessEntry } from './awareness-guard';
import { mayIntroduceClientId, presenceBudget } from './presence-budget';
import { presenceUserOf, stampPresence } from './presence-stamp';
import { permissionDeniedFrame } from './messages';
import { editsDrafts } from '../versions/rejected-updates';
import { clientUpdateRules, type NewProposal } from './client-update-rules';
import { claimClientIds, unclaimedClientIds } from './client-ids';

const DENIAL_INTERVAL_MS = 2000;
const REFUSAL_WINDOW_MS = 60_000;
const MAX_REFUSALS_PER_WINDOW = 10;
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
  if (connection.claimQueue) {
    connection.claimQueue.push(data);
    return;
  }
  if (data.byteLength === 0) {
    connection.close(CloseCode.BadMessage, 'empty frame');
    return;
  }
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        if (receiveSync(document, connection, decoder) === 'claiming') claimThenReceive(document, connection, data, lookupAwarenessOwner);
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

/**
 * Several nodes: the update writes under clientIDs this copy has not seen yet. They are claimed in
 * PostgreSQL (scale/client-id-claims.ts) before anything of the update is applied or committed; this
 * connection's frames wait meanwhile, then the update is received again, now against the stored owners
 * (refused as on one node if another person holds one), and the frames that waited follow in order.
 */
function claimThenReceive(document: CollabDocument, connection: CollabConnection, data: Uint8Array, lookupAwarenessOwner: (clientId: number) => boolean): void {
  const payload = syncPayloadOf(data);
  const owner = connection.principal.userId ?? 'developer';
  connection.claimQueue = [];
  document.claimDurably!(owner, unclaimedClientIds(document.clientOwners, payload)).then(
    (owners) => {
      for (const [client, holder] of owners) document.clientOwners.set(client, holder);
      const frames = [data, ...(connection.claimQueue ?? [])];
      connection.claimQueue = null;
      while (frames.length > 0 && !connection.closed) {
        receiveMessage(document, connection, frames.shift()!, lookupAwarenessOwner);
        // A later frame may start a claim of its own: the rest waits for that one.
        const waiting = connection.claimQueue as Uint8Array[] | null;
        if (waiting) {
          waiting.push(...frames);
          return;
        }
      }
    },
    (err: unknown) => {
      // Nothing of the update was applied: the client sends it again when it reconnects.
      connection.claimQueue = null;
      connection.log.error({ err }, 'Yjs client ids could not be claimed in PostgreSQL');
      connection.close(CloseCode.TryAgainLater, 'client ids could not be claimed; reconnect to resync');
    },
  );
}

function syncPayloadOf(data: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(data);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

function receiveSync(document: CollabDocument, connection: CollabConnection, decoder: decoding.Decoder): 'claiming' | void {
  const kind = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) throw new BadMessage('trailing bytes after sync message');
  switch (kind) {
    case syncProtocol.messageYjsSyncStep1: {
      Y.decodeStateVector(payload);
      connection.step1.request(payload, (stateVector) => {
        if (!connection.closed) void document.answerStep1(connection, stateVector);
      });
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
      if (document.claimDurably && unclaimedClientIds(document.clientOwners, payload).length > 0) return 'claiming';
      const taken = claimClientIds(document.clientOwners, connection.principal.userId ?? 'developer', payload);
      const verdict = taken ? ({ ok: false, reason: taken } as const) : document.inspector.inspect(payload, clientUpdateRules(connection.principal, document));
      if (!verdict.ok) {
        refuse(document, connection, payload, verdict.reason);
        return;
      }
      try {
        document.inspector.applyInspected(payload, connection.origin);
      } catch (err) {
        throw new InvalidUpdateError(`update could not be applied: ${(err as Error).message}`);
      }
      if (verdict.value.newProposals.length > 0) tabled(document, connection, verdict.value.newProposals);
      if (verdict.value.editedClauses.length > 0 || verdict.value.deletedClauses.length > 0)
        document.onClientEdit?.(verdict.value, connection.principal.userId);
      return;
    }
    default:
      throw new BadMessage(`unknown sync message ${kind}`);
  }
}

/**
 * An update that breaks a rule of the text: not applied, stored or relayed, but kept for its author
 * (like an edit after the freeze) and answered with a denial saying why. The author's copy now holds a
 * change nobody else will ever see: the client starts again from the server's text. Refusals cost a
 * probe rebuild each, so a connection that keeps sending them is closed.
 */
function refuse(document: CollabDocument, connection: CollabConnection, payload: Uint8Array, reason: string): void {
  const now = Date.now();
  if (now - connection.refusalWindowStart > REFUSAL_WINDOW_MS) {
    connection.refusalWindowStart = now;
    connection.refusalsInWindow = 0;
  }
  connection.refusalsInWindow += 1;
  connection.log.warn({ reason, refusals: connection.refusalsInWindow }, 'collab update refused');
  document.onRefusedUpdate?.(payload, connection.principal.userId, 'refused');
  if (connection.refusalsInWindow > MAX_REFUSALS_PER_WINDOW) {
    connection.close(CloseCode.Forbidden, 'too many refused updates');
    return;
  }
  connection.send(permissionDeniedFrame(`refused: ${reason}`));
}

/** Records the sponsor of every proposal the update tabled, the instant it is applied, before any other message. */
function tabled(document: CollabDocument, connection: CollabConnection, proposals: NewProposal[]): void {
  const participantId = connection.principal.participantId;
  if (!participantId) return; // the rules refuse a new proposal from a writer with no Participant
  for (const proposal of proposals) document.proposalSponsors.set(proposal.id, { sponsor: participantId, clauseId: proposal.clauseId });
  document.onNewProposals?.(proposals, { userId: connection.principal.userId, participantId });
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

/**
 * Awareness is presence, not text: allowed to every member, but owner-checked, stamped with the
 * person's identity from the session (presence-stamp.ts) and limited per person (presence-budget.ts).
 */
function receiveAwareness(
  document: CollabDocument,
  connection: CollabConnection,
  update: Uint8Array,
  lookupAwarenessOwner: (clientId: number) => boolean,
): void {
  const now = Date.now();
  const budget = presenceBudget(document, connection);
  if (!budget.hasMessage(now)) {
    // Echoes of other people's states say nothing of this person's: only what may be theirs is held back.
    if (mentionsClaimable(update, connection.awarenessClients, lookupAwarenessOwner))
      holdAwareness(document, connection, update, budget.reopensIn(now), lookupAwarenessOwner);
    return;
  }
  const { entries, refused } = filterAwarenessUpdate(update, connection.awarenessClients, {
    claimedElsewhere: lookupAwarenessOwner,
    mayIntroduce: () => mayIntroduceClientId(document, connection),
  });
  if (refused > 0 && !connection.loggedIgnoredAwareness) {
    // Once per connection: a stock y-websocket client sends back every state it receives, which is harmless.
    connection.loggedIgnoredAwareness = true;
    connection.log.warn({ refused }, 'awareness states of other clients, or beyond the client ids one person may have, ignored (logged once per connection)');
  }
  const user = presenceUserOf(connection.principal);
  const stamped: AwarenessEntry[] = [];
  for (const entry of entries) {
    const json = stampPresence(entry.json, user);
    if (json !== undefined) stamped.push({ ...entry, json });
  }
  if (stamped.length === 0) return;
  const bytes = stamped.reduce((sum, entry) => sum + entry.json.length, 0);
  const verdict = budget.take(bytes, now);
  if (verdict === 'dropped') {
    connection.log.warn({ bytes }, 'awareness message larger than a second of presence ignored');
  } else if (verdict === 'held') {
    holdAwareness(document, connection, update, budget.reopensIn(now), lookupAwarenessOwner);
  } else {
    awarenessProtocol.applyAwarenessUpdate(document.awareness, encodeAwarenessEntries(stamped), connection.origin);
  }
}

/** Keeps only the newest state held back and applies it when the window reopens: presence stays current, cost stays bounded. */
function holdAwareness(
  document: CollabDocument,
  connection: CollabConnection,
  update: Uint8Array,
  delayMs: number,
  lookupAwarenessOwner: (clientId: number) => boolean,
): void {
  connection.heldAwareness = update;
  connection.heldAwarenessTimer ??= setTimeout(() => {
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
  }, delayMs);
}
