/**
 * Typed Yjs transaction origins. Every transaction on a server-side Y.Doc carries one — never null —
 * so the server can tell whose change it is and decide what to persist and relay:
 *  - connection: an update received from a client socket (persisted, then relayed to the others);
 *  - server: a change the server makes itself (seeding, structure commands, imports);
 *  - persistence: state loaded from PostgreSQL (neither persisted again nor attributed);
 *  - peer: a change another node committed, read from its Redis stream or caught up from PostgreSQL
 *    (already stored: relayed to this node's clients, never stored or published again).
 */
export interface ConnectionOrigin {
  readonly kind: 'connection';
  readonly connectionId: string;
  readonly userId: string | null;
}
export interface ServerOrigin {
  readonly kind: 'server';
  readonly reason: 'seed' | 'command' | 'import';
}
export interface PersistenceOrigin {
  readonly kind: 'persistence';
}

export interface PeerOrigin {
  readonly kind: 'peer';
  readonly via: 'stream' | 'catch-up';
  /** The newest document_updates row the change is known to include (0: not known). */
  readonly throughUpdateId: number;
}

export type TransactionOrigin = ConnectionOrigin | ServerOrigin | PersistenceOrigin | PeerOrigin;

export const serverOrigin = (reason: ServerOrigin['reason']): ServerOrigin => ({ kind: 'server', reason });
export const persistenceOrigin: PersistenceOrigin = Object.freeze({ kind: 'persistence' });
export const peerOrigin = (via: PeerOrigin['via'], throughUpdateId: number): PeerOrigin => ({ kind: 'peer', via, throughUpdateId });
export const connectionOrigin = (connectionId: string, userId: string | null): ConnectionOrigin => ({ kind: 'connection', connectionId, userId });

export function isTransactionOrigin(value: unknown): value is TransactionOrigin {
  return (
    typeof value === 'object' && value !== null && 'kind' in value && ['connection', 'server', 'persistence', 'peer'].includes((value as { kind: string }).kind)
  );
}
