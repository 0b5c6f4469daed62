import type { Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../../utils/test-server';
import { connectClient, type CollabClient } from '../../utils/collab-client';
import { waitFor } from '../../utils/wait';
import { demo, joinDocumentChannel, nextEvent, signIn, textOf, type Demo, type Person } from './approvals-helpers';
import { SocketEvent } from '../../../shared/src/protocol';
import { applyApprovalEvent, deriveMatrixClauses, recordsOfMatrix, type MatrixRecords } from '../../../shared/src/approval-matrix';
import { documentTextState, type ApprovalStatus } from '../../../shared/src/approval-status';
import { clauseFragment } from '../../../shared/src/yjs-layout';
import type { ApprovalMatrix, ApprovalRecordedEvent, ApprovalRevokedEvent, ConcordanceConfirmedEvent } from '../../../shared/src/api/approvals';
import * as Y from 'yjs';

let server: TestServer;
let d: Demo;
let hn: Person;
let gt: Person;
let gtSocket: Socket;
let alice: CollabClient;
let bob: CollabClient;
let records: MatrixRecords;
let clauseId: string;
const languages = ['en', 'es'];

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demo(server);
  clauseId = d.clauseIds[10];
  hn = await signIn(server, 'hn.delegate@demo.test');
  gt = await signIn(server, 'gt.delegate@demo.test');
  gtSocket = await joinDocumentChannel(server, gt, d.documentId);
  alice = connectClient(server.wsUrl, d.documentId);
  bob = connectClient(server.wsUrl, d.documentId);
  await Promise.all([alice.synced(), bob.synced()]);
  const { body } = await gt.request<ApprovalMatrix>('GET', `/api/documents/${d.documentId}/approvals`);
  records = recordsOfMatrix(body.clauses);
});
afterAll(async () => {
  gtSocket.close();
  alice.destroy();
  bob.destroy();
  await server.stop();
});

/** What a client shows for (clause, Participant): derived from its own Y.Doc and the records it holds. */
function statusIn(client: CollabClient, code: string): ApprovalStatus {
  const clauses = deriveMatrixClauses(documentTextState(client.doc, languages), Object.values(d.participants), records);
  return clauses.find((c) => c.clauseId === clauseId)!.statuses[d.participants[code]];
}

function typeAtEnd(client: CollabClient, lang: string, text: string): void {
  client.doc.transact(
    () => {
      const paragraph = clauseFragment(client.doc, clauseId, lang).get(0) as Y.XmlElement;
      const target = paragraph.get(0) as Y.XmlText;
      target.insert(textOf(target).length, text);
    },
    { kind: 'test' },
  );
}

describe('approvals seen live by every client', () => {
  it('pushes a new approval to the document room, and every client shows it approved', async () => {
    const fingerprint = documentTextState(alice.doc, languages).find((c) => c.clauseId === clauseId)!.fingerprint;
    const pushed = nextEvent<ApprovalRecordedEvent>(gtSocket, SocketEvent.ApprovalRecorded);
    expect(
      (
        await hn.request('POST', `/api/documents/${d.documentId}/clauses/${clauseId}/approvals`, {
          participantId: d.participants.HN,
          fingerprint,
          acknowledgeConcordance: true,
        })
      ).status,
    ).toBe(201);
    const event = await pushed;
    expect(event).toMatchObject({
      documentId: d.documentId,
      approval: { clauseId, participantId: d.participants.HN, fingerprint, approvedBy: { id: hn.userId } },
    });
    records = applyApprovalEvent(records, { type: 'recorded', payload: event });
    expect(statusIn(alice, 'HN')).toBe('approved');
    expect(statusIn(bob, 'HN')).toBe('approved');
  });

  it('turns outdated in the editing client at once, and in the other the moment the change arrives', async () => {
    let seenOutdatedAt: number | null = null;
    const onUpdate = () => {
      if (seenOutdatedAt === null && statusIn(alice, 'HN') === 'outdated') seenOutdatedAt = Date.now();
    };
    alice.doc.on('update', onUpdate);
    typeAtEnd(bob, 'es', ' ');
    expect(statusIn(bob, 'HN')).toBe('outdated');
    await waitFor(() => seenOutdatedAt !== null, 'the edit to reach the other client');
    alice.doc.off('update', onUpdate);
    expect(statusIn(alice, 'HN')).toBe('outdated');
  });

  it('turns approved again in every client when the edit is undone', async () => {
    const undo = () =>
      bob.doc.transact(
        () => {
          const target = (clauseFragment(bob.doc, clauseId, 'es').get(0) as Y.XmlElement).get(0) as Y.XmlText;
          target.delete(textOf(target).length - 1, 1);
        },
        { kind: 'test' },
      );
    undo();
    expect(statusIn(bob, 'HN')).toBe('approved');
    await waitFor(() => statusIn(alice, 'HN') === 'approved', 'the undo to reach the other client');
  });

  it('pushes a revocation, and every client shows the clause not approved', async () => {
    const pushed = nextEvent<ApprovalRevokedEvent>(gtSocket, SocketEvent.ApprovalRevoked);
    expect((await hn.request('DELETE', `/api/documents/${d.documentId}/clauses/${clauseId}/approvals?participantId=${d.participants.HN}`)).status).toBe(200);
    records = applyApprovalEvent(records, { type: 'revoked', payload: await pushed });
    expect(statusIn(alice, 'HN')).toBe('not_approved');
  });

  it('pushes a concordance confirmation, which goes stale in a client the moment either language changes', async () => {
    const { languageHashes } = documentTextState(alice.doc, languages).find((c) => c.clauseId === clauseId)!;
    const pushed = nextEvent<ConcordanceConfirmedEvent>(gtSocket, SocketEvent.ConcordanceConfirmed);
    expect((await gt.request('POST', `/api/documents/${d.documentId}/clauses/${clauseId}/concordance`, { languageHashes })).status).toBe(201);
    records = applyApprovalEvent(records, { type: 'confirmed', payload: await pushed });
    const concordance = (client: CollabClient) =>
      deriveMatrixClauses(documentTextState(client.doc, languages), [], records).find((c) => c.clauseId === clauseId)!.concordance;
    expect(concordance(alice)).toMatchObject({ status: 'concordant' });
    typeAtEnd(alice, 'en', '.');
    expect(concordance(alice)).toMatchObject({ status: 'stale', changedLanguages: ['en'] });
    await waitFor(() => concordance(bob).status === 'stale', 'the edit to reach the other client');
  });
});
