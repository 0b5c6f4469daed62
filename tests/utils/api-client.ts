/**
 * One typed client of the REST API for the tests, built from the schemas the server declares
 * (shared/src/api/*): each call is sent as the browser client sends it (people.ts, `requestAs`), and an
 * answer is parsed with the schema of its route — a success with the route's response schema, a
 * refusal with the error schema — so a test fails where the server breaks the contract, with zod
 * naming the field.
 *
 *   const api = apiClient(server, who)                    who: a Person, or any Credentials
 *   const { documents } = ok(await api.documents.list()) a success, or a thrown error naming the refusal
 *   refusalOf(await api.participants.create(id, body))   { status, code } of a refusal
 *
 * A success is returned as the server sent it, once it parsed: zod would drop fields the schema does
 * not name, and a test that checks that nothing leaks (an email the viewer may not see) must see them.
 */
import type { z } from 'zod';
import { requestAs, type Credentials } from './people';
import type { TestServer } from './test-server';
import { errorBodySchema, type ErrorBody } from '../../shared/src/api/common';
import { documentDetailSchema, documentListSchema } from '../../shared/src/api/documents';
import { invitationAnswerSchema, type InvitationBody } from '../../shared/src/api/invitations';
import { memberAnswerSchema, memberListSchema, type MembershipBody, type MembershipChange } from '../../shared/src/api/members';
import { participantAnswerSchema, participantListSchema, type ParticipantBody, type ParticipantChanges } from '../../shared/src/api/participants';

/** An answer of the API: a success with its body, or a refusal with its error. */
export type Reply<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: ErrorBody['error'] };

/** The body of a success; a refusal throws, naming its status and code. */
export function ok<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`Expected a success, got ${reply.status} ${reply.error.code}: ${reply.error.message}`);
  return reply.body;
}

/** The status and error code of an answer (code undefined for a success), for comparing refusals. */
export function refusalOf(reply: Reply<unknown>): { status: number; code: string | undefined } {
  return { status: reply.status, code: reply.ok ? undefined : reply.error.code };
}

/** Sends one request and parses its answer: 2xx with `schema` (null: a body-less answer), anything else with the error schema. */
async function call<S extends z.ZodType>(
  server: Pick<TestServer, 'url'>,
  who: Credentials,
  method: string,
  path: string,
  schema: S | null,
  body?: unknown,
): Promise<Reply<z.infer<S>>> {
  const answer = await requestAs(server, who, method, path, body);
  if (answer.status < 200 || answer.status >= 300) {
    const refusal = errorBodySchema.safeParse(answer.body);
    if (!refusal.success) throw new Error(`${method} ${path} answered ${answer.status} without an error body: ${refusal.error.message}`);
    return { ok: false, status: answer.status, error: (answer.body as ErrorBody).error };
  }
  if (schema) {
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) throw new Error(`${method} ${path} answered ${answer.status} outside its schema: ${parsed.error.message}`);
  }
  return { ok: true, status: answer.status, body: answer.body as z.infer<S> };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** The calls of one person; `who` may be anyone, nobody included. */
export function apiClient(server: Pick<TestServer, 'url'>, who: Credentials) {
  const doc = (documentId: string) => `/api/documents/${documentId}`;
  return {
    documents: {
      list: () => call(server, who, 'GET', '/api/documents', documentListSchema),
      get: (documentId: string) => call(server, who, 'GET', doc(documentId), documentDetailSchema),
    },
    participants: {
      list: (documentId: string) => call(server, who, 'GET', `${doc(documentId)}/participants`, participantListSchema),
      create: (documentId: string, body: ParticipantBody) => call(server, who, 'POST', `${doc(documentId)}/participants`, participantAnswerSchema, body),
      update: (documentId: string, participantId: string, changes: ParticipantChanges) =>
        call(server, who, 'PATCH', `${doc(documentId)}/participants/${participantId}`, participantAnswerSchema, changes),
      remove: (documentId: string, participantId: string) => call(server, who, 'DELETE', `${doc(documentId)}/participants/${participantId}`, null),
    },
    members: {
      list: (documentId: string) => call(server, who, 'GET', `${doc(documentId)}/members`, memberListSchema),
      add: (documentId: string, body: MembershipBody) => call(server, who, 'POST', `${doc(documentId)}/memberships`, memberAnswerSchema, body),
      change: (documentId: string, membershipId: string, change: MembershipChange) =>
        call(server, who, 'PATCH', `${doc(documentId)}/memberships/${membershipId}`, memberAnswerSchema, change),
      remove: (documentId: string, membershipId: string) => call(server, who, 'DELETE', `${doc(documentId)}/memberships/${membershipId}`, null),
    },
    invitations: {
      create: (documentId: string, body: InvitationBody) => call(server, who, 'POST', `${doc(documentId)}/invitations`, invitationAnswerSchema, body),
    },
  };
}
