/**
 * Typed Yjs transaction origins. Every transaction on a server-side Y.Doc carries one — never null —
 * so the server can tell whose change it is and decide what to persist and relay:
 *  - connection: an update received from a client socket (persisted, then relayed to the others);
 *  - server: a change the server makes itself (seeding, structure commands, imports);
 *  - persistence: state loaded from PostgreSQL (neither persisted again nor attributed).
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

export type TransactionOrigin = ConnectionOrigin | ServerOrigin | PersistenceOrigin;

export const serverOrigin = (reason: ServerOrigin['reason']): ServerOrigin => ({ kind: 'server', reason });
export const persistenceOrigin: PersistenceOrigin = Object.freeze({ kind: 'persistence' });
export const connectionOrigin = (connectionId: string, userId: string | null): ConnectionOrigin => ({ kind: 'connection', connectionId, userId });

export function isTransactionOrigin(value: unknown): value is TransactionOrigin {
  return typeof value === 'object' && value !== null && 'kind' in value && ['connection', 'server', 'persistence'].includes((value as { kind: string }).kind);
}
