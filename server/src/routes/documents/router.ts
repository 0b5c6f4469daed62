import type { AppContext } from '../../context';
import { ApiRouter, type RouteRegistry } from '../../http/api-router';
import { issueCollabToken } from '../../auth/collab-tokens';
import { listMembers } from '../../commands/memberships';
import { can, permissionsOn } from '../../../../shared/src/policy';
import { StoredFingerprints } from '../../approvals/stored-fingerprints';
import { listDocuments } from './list-documents';
import { presentDocument, presentDocumentSummary } from '../../presenters/document';
import { presentParticipant } from '../../presenters/participant';
import { collabTicketSchema, documentDetailSchema, documentListSchema, visitAnswerSchema } from '../../../../shared/src/api/documents';
import { recordVisit } from './since-last-visit';
import { memberListSchema } from '../../../../shared/src/api/members';
import { emptyBody } from '../../../../shared/src/api/common';
import { listParticipants } from '../../commands/participants';
import { presentMember } from '../../presenters/member';
import { documentParams } from '../schemas';

export function documentsRouter(ctx: AppContext, registry: RouteRegistry): ApiRouter {
  const fingerprints = new StoredFingerprints(ctx.documents);
  return new ApiRouter(ctx, registry)
    .add({
      method: 'get',
      path: '/documents',
      tag: 'documents',
      summary: 'The negotiations I am a member of (administrators: all)',
      description:
        'Each with my role and its progress: clauses approved by every Participant as they stand now, out of all clauses, ' +
        'and the open comment threads I may read.',
      access: { kind: 'session' },
      response: documentListSchema,
      handler: async ({ session }) => {
        const listed = await listDocuments(ctx, fingerprints, session.user);
        return {
          documents: listed.map(({ document, membership, progress, sinceLastVisit }) => presentDocumentSummary(document, membership, progress, sinceLastVisit)),
        };
      },
    })
    .add({
      method: 'get',
      path: '/documents/:documentId',
      tag: 'documents',
      summary: 'A negotiation, its Participants, and my role and permissions in it',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: documentDetailSchema,
      handler: async ({ access }) => {
        const { document, membership, subject } = access!;
        return {
          document: presentDocument(document),
          participants: (await listParticipants(ctx, document.id)).map(presentParticipant),
          me: {
            role: membership?.role ?? null,
            participantId: membership?.participant_id ?? null,
            permissions: permissionsOn(subject, document.status, document.phase),
          },
        };
      },
    })
    .add({
      method: 'put',
      path: '/documents/:documentId/visit',
      tag: 'documents',
      summary: 'Records that I have the negotiation open now ("since my last visit" in the list counts from here)',
      description: 'The workspace sends it as it opens and as it closes. Not audited: it changes nothing anyone else sees.',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      body: emptyBody,
      response: visitAnswerSchema,
      handler: async ({ access, session }) => {
        const { visitedAt } = await recordVisit(ctx.pool, access.document.id, session.user.id);
        return { visitedAt: visitedAt.toISOString() };
      },
    })
    .add({
      method: 'post',
      path: '/documents/:documentId/collab-token',
      tag: 'documents',
      summary: 'A ticket for opening the collab websocket',
      description:
        'Single use, valid for COLLAB_TOKEN_SECONDS (60 s), bound to this session, user and document. Pass it as `?token=` on `/collab/<documentId>`.',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      body: emptyBody,
      response: collabTicketSchema,
      handler: async ({ access, session }) => {
        const grant = await issueCollabToken(ctx.pool, {
          sessionId: session.id,
          userId: session.user.id,
          documentId: access.document.id,
          seconds: ctx.env.COLLAB_TOKEN_SECONDS,
        });
        return { token: grant.token, expiresAt: grant.expiresAt.toISOString() };
      },
    })
    .add({
      method: 'get',
      path: '/documents/:documentId/members',
      tag: 'members',
      summary: 'Who is who in the negotiation',
      description: 'Any member may list names and roles; email addresses only for those allowed `member.read_contact` (the secretariat).',
      access: { kind: 'document', action: 'document.read' },
      params: documentParams,
      response: memberListSchema,
      handler: async ({ access }) => {
        const showContact = can(access.subject, 'member.read_contact', { documentStatus: access.document.status }).allowed;
        return { members: (await listMembers(ctx, access.document.id)).map((m) => presentMember(m, showContact)) };
      },
    });
}
