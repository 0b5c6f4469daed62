/**
 * What the comment tests share: the demo people signed in, the API called as them, socket.io channels
 * that record every comment event they receive, and anchors computed the way the client computes them.
 */
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { connectRealtime, joinDocument } from '../../utils/realtime-client';
import type { TestServer } from '../../utils/test-server';
import { SocketEvent } from '../../../shared/src/protocol';
import { clauseFragment, clauseIdFromKey, clauseOrder } from '../../../shared/src/yjs-layout';
import { anchorFromRange, renderFragment } from '../../../shared/src/comment-anchors';
import type { AnchorInput, CommentThread, CommentThreadChangedEvent } from '../../../shared/src/api/comments';

export { DEMO_EMAILS, signIn } from '../../utils/people';
import type { Person } from '../../utils/people';
export type { Answer, Person } from '../../utils/people';

export interface DemoFacts {
  documentId: string;
  participants: Record<'US' | 'SV' | 'GT' | 'HN', string>;
  clauseIds: string[];
  /** "The Participants intend to build capacity … human trafficking and migrant smuggling organizations …" */
  traffickingClause: string;
}

export async function demoFacts(server: TestServer): Promise<DemoFacts> {
  const documentId = server.concordia.demo!.documentId;
  const { rows } = await server.concordia.db.pool.query<{ id: string; code: string }>('SELECT id, code FROM participants WHERE document_id = $1', [documentId]);
  const doc = await liveDoc(server, documentId);
  return {
    documentId,
    participants: Object.fromEntries(rows.map((r) => [r.code, r.id])) as DemoFacts['participants'],
    clauseIds: clauseOrder(doc),
    traffickingClause: clauseIdFromKey(documentId, 'trafficking-intent'),
  };
}

export async function liveDoc(server: TestServer, documentId: string): Promise<Y.Doc> {
  return (await server.concordia.collab.registry.open(documentId)).doc;
}

/** The anchor of the first occurrence of `words` in a clause text, computed from `doc` as the editor would. */
export function anchorOn(doc: Y.Doc, clauseId: string, lang: string, words: string): AnchorInput {
  const rendered = renderFragment(clauseFragment(doc, clauseId, lang));
  let from = -1;
  rendered.doc.descendants((node, pos) => {
    if (from >= 0 || !node.isText) return from < 0;
    const at = node.text!.indexOf(words);
    if (at >= 0) from = pos + at;
    return false;
  });
  if (from < 0) throw new Error(`"${words}" is not in clause ${clauseId} (${lang})`);
  return anchorFromRange(rendered.fragment, rendered.mapping, from, from + words.length);
}

/** A socket.io connection as the person's browser opens it, joined to the document; it keeps every comment event. */
export type ReceivedEvent = CommentThreadChangedEvent & { receivedAt: number };

export interface Channel {
  socket: Socket;
  events: ReceivedEvent[];
  close(): void;
}

export async function openChannel(server: TestServer, person: Person, documentId: string): Promise<Channel> {
  const socket = await connectRealtime(server.url, person.cookie);
  const events: ReceivedEvent[] = [];
  socket.on(SocketEvent.CommentThreadChanged, (event: CommentThreadChangedEvent) => events.push({ ...event, receivedAt: Date.now() }));
  await joinDocument(socket, documentId, person.email);
  return {
    socket,
    events,
    close: () => {
      socket.close();
    },
  };
}

/** Every thread the person may list, through every page. */
export async function listAll(person: Person, documentId: string, query = ''): Promise<CommentThread[]> {
  const threads: CommentThread[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', '100');
    if (cursor) params.set('cursor', cursor);
    const { status, body } = await person.request('GET', `/api/documents/${documentId}/comments?${params}`);
    if (status !== 200) throw new Error(`Listing comments as ${person.email} answered ${status}: ${JSON.stringify(body)}`);
    threads.push(...body.threads);
    cursor = body.nextCursor;
  } while (cursor);
  return threads;
}
