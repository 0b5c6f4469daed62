/**
 * What the approvals tests share: signing the demo people in, calling the API as them, and editing the
 * live document the way a connected client's edit arrives (attributed to a user).
 */
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { connectRealtime, joinDocument } from '../../utils/realtime-client';
import type { TestServer } from '../../utils/test-server';
import { connectionOrigin } from '../../../server/src/collab/origins';
import { clauseFragment, clauseOrder, readClauseJSON } from '../../../shared/src/yjs-layout';
import { clauseTextState, type ClauseTextState } from '../../../shared/src/approval-status';
import { plainText } from '../../../shared/src/canonical';

export const DEMO_LANGUAGES = ['en', 'es'] as const;

export { signIn } from '../../utils/people';
import type { Person } from '../../utils/people';
export type { Answer, Person } from '../../utils/people';

export interface Demo {
  documentId: string;
  /** Participant ids by code (US, SV, GT, HN). */
  participants: Record<string, string>;
  clauseIds: string[];
}

export async function demo(server: TestServer): Promise<Demo> {
  const documentId = server.concordia.demo!.documentId;
  const { rows } = await server.concordia.db.pool.query<{ id: string; code: string }>('SELECT id, code FROM participants WHERE document_id = $1', [documentId]);
  const doc = await liveDoc(server, documentId);
  return { documentId, participants: Object.fromEntries(rows.map((r) => [r.code, r.id])), clauseIds: clauseOrder(doc) };
}

/** The server's own Y.Doc of the document (the one clients edit). */
export async function liveDoc(server: TestServer, documentId: string): Promise<Y.Doc> {
  return (await server.concordia.collab.registry.open(documentId)).doc;
}

/** The clause as the server holds it now: kind, language hashes, fingerprint. */
export async function currentState(server: TestServer, documentId: string, clauseId: string): Promise<ClauseTextState> {
  return clauseTextState(await liveDoc(server, documentId), clauseId, DEMO_LANGUAGES);
}

export async function currentPlainText(server: TestServer, documentId: string, clauseId: string, lang: string): Promise<string> {
  return plainText(readClauseJSON(await liveDoc(server, documentId), clauseId, lang));
}

let connectionCounter = 0;

/**
 * Changes a clause's text in one language on the server's document, as an update received from
 * `userId`'s connection would (stored with that user id, then relayed); resolves once it is committed.
 * `edit` gets the first paragraph's Y.XmlText.
 */
export async function editAs(
  server: TestServer,
  documentId: string,
  userId: string | null,
  clauseId: string,
  lang: string,
  edit: (text: Y.XmlText) => void,
): Promise<void> {
  const document = await server.concordia.collab.registry.open(documentId);
  const fragment = clauseFragment(document.doc, clauseId, lang);
  const paragraph = fragment.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
  if (!paragraph) throw new Error(`Clause ${clauseId} has no paragraph in ${lang}`);
  let text = paragraph.get(0);
  document.doc.transact(
    () => {
      if (!(text instanceof Y.XmlText)) {
        text = new Y.XmlText();
        paragraph.insert(0, [text]);
      }
      edit(text as Y.XmlText);
    },
    connectionOrigin(`test-${(connectionCounter += 1)}`, userId),
  );
  await document.flushed();
}

/** Replaces the first occurrence of `from` with `to` in the first paragraph of a clause in one language. */
export function replaceWords(from: string, to: string): (text: Y.XmlText) => void {
  return (text) => {
    const plain = textOf(text);
    const at = plain.indexOf(from);
    if (at < 0) throw new Error(`"${from}" is not in "${plain}"`);
    text.delete(at, from.length);
    text.insert(at, to);
  };
}

/** The characters of a Y.XmlText without its formatting. */
export function textOf(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** A socket.io connection as the person's browser opens it, joined to the document's room. */
export async function joinDocumentChannel(server: TestServer, person: Person, documentId: string): Promise<Socket> {
  const socket = await connectRealtime(server.url, person.cookie);
  await joinDocument(socket, documentId, person.email);
  return socket;
}

/** Resolves with the payload of the next `event` on `socket`. */
export function nextEvent<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** `delegate` approves the clause for Participant `code` as it stands now on the server (concordance acknowledged); throws unless 201. */
export async function approveAs(server: TestServer, d: Demo, delegate: Person, code: string, clauseId: string): Promise<void> {
  const { fingerprint } = await currentState(server, d.documentId, clauseId);
  const answer = await delegate.request('POST', `/api/documents/${d.documentId}/clauses/${clauseId}/approvals`, {
    participantId: d.participants[code],
    fingerprint,
    acknowledgeConcordance: true,
  });
  if (answer.status !== 201) throw new Error(`Approving ${clauseId} for ${code} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}
