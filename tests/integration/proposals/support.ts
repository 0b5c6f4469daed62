/** What the proposal tests share: a delegation's stock y-websocket client, the clause they negotiate, the document's API. */
import { connectClient, type CollabClient } from '../../utils/collab-client';
import { requestAs } from '../../utils/people';
import { insertClause } from '../../../shared/src/yjs-layout';
import type { Credentials, World } from '../identity/support/world';

export const testOrigin = { kind: 'test' };

/** A stock y-websocket client with the person's session, once synced. */
export async function joinAs(world: World, who: Credentials): Promise<CollabClient> {
  const client = connectClient(world.server.wsUrl, world.documentId, { headers: { cookie: who.cookie ?? '' } });
  await client.synced();
  return client;
}

/** Writes the clause under negotiation: "The Participants shall cooperate." / "Los Participantes cooperarán." */
export function writeClause(client: CollabClient, clauseId: string): void {
  const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
  insertClause(
    client.doc,
    { id: clauseId, kind: 'clause', content: { en: paragraph('The Participants shall cooperate.'), es: paragraph('Los Participantes cooperarán.') } },
    ['en', 'es'],
    null,
    testOrigin,
  );
}

/** A request to the document's API (`suffix` after /api/documents/:id) as that person. */
export const documentApi = (world: World) => (who: Credentials, method: string, suffix: string, body?: unknown) =>
  requestAs(world.server, who, method, `/api/documents/${world.documentId}${suffix}`, body);
