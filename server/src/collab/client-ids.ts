import * as Y from 'yjs';

/**
 * A Yjs clientID belongs to the first person who writes with it in this live copy. Another person's
 * update carrying items under that clientID would take clocks its owner has not used yet — and the
 * owner's own edits at those clocks would then be dropped silently by every peer — so it is refused.
 * (A clientID last used before this copy was loaded is claimed again by whoever writes with it first.)
 */
/** The clientIDs an update writes under. */
export function clientIdsOf(update: Uint8Array): Set<number> {
  const clients = new Set<number>();
  for (const struct of Y.decodeUpdate(update).structs) clients.add(struct.id.client);
  return clients;
}

/** The clientIDs of `update` nobody has claimed in this copy yet (several nodes: asked of PostgreSQL first, scale/client-id-claims.ts). */
export function unclaimedClientIds(owners: Map<number, string>, update: Uint8Array): number[] {
  return [...clientIdsOf(update)].filter((client) => !owners.has(client));
}

export function claimClientIds(owners: Map<number, string>, owner: string, update: Uint8Array): string | null {
  const clients = clientIdsOf(update);
  for (const client of clients) {
    const current = owners.get(client);
    if (current !== undefined && current !== owner) return `Yjs client ${client} belongs to another person`;
  }
  for (const client of clients) owners.set(client, owner);
  return null;
}
