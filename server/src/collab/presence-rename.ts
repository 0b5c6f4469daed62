/**
 * A person who changes their display name appears under it at once to everyone in every document
 * they have open: presence names come from the socket's session (presence-stamp.ts), so the sockets
 * already open take the new name, and the states they introduced are stamped again and broadcast
 * like any presence change, without waiting for the browser to send its next state or reconnect.
 *
 * Wiring: the collab server calls `renameInPresence(connections, userId, displayName)` when a name
 * changes (the event after `updateProfile` commits, server/src/commands/users.ts).
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type { CollabConnection } from './connection';
import type { CollabDocument } from './collab-document';
import { encodeAwarenessEntries, type AwarenessEntry } from './awareness-guard';
import { presenceUserOf } from './presence-stamp';

/** Renames the person on each of their open sockets; returns how many presence states were stamped again. */
export function renameInPresence(connections: Iterable<[CollabConnection, CollabDocument]>, userId: string, displayName: string): number {
  let restamped = 0;
  for (const [connection, document] of connections) {
    if (connection.principal.userId !== userId || connection.closed) continue;
    connection.principal.displayName = displayName;
    const user = presenceUserOf(connection.principal);
    const states = document.awareness.getStates();
    const entries: AwarenessEntry[] = [];
    for (const clientId of connection.awarenessClients) {
      const state = states.get(clientId);
      const meta = document.awareness.meta.get(clientId);
      if (!state || !meta) continue;
      // One clock ahead, as the browser's own next state would be: every peer (the browser too) applies it.
      entries.push({ clientId, clock: meta.clock + 1, json: JSON.stringify({ ...state, user }) });
    }
    if (entries.length === 0) continue;
    awarenessProtocol.applyAwarenessUpdate(document.awareness, encodeAwarenessEntries(entries), connection.origin);
    restamped += entries.length;
  }
  return restamped;
}
