/**
 * Issue 16, "Approval states": an approval is final or ad referendum — accepted subject to
 * confirmation by the Participant's capital. A delegate the secretariat marks as one who may confirm
 * for the capital (the head of delegation) confirms it, which makes it final, bound to the same
 * fingerprint: after a change of the text the confirmation is refused with the languages that changed.
 * The freeze needs every approval final [F6]; revocation and outdating work as for a final approval.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import type { Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../../utils/test-server';
import {
  currentState,
  demo,
  editAs,
  joinDocumentChannel,
  nextEvent,
  replaceWords,
  signIn,
  currentPlainText,
  type Demo,
  type Person,
} from './approvals-helpers';
import { SocketEvent } from '../../../shared/src/protocol';
import type { ApprovalMatrix, ApprovalRecordedEvent, ClauseApprovals } from '../../../shared/src/api/approvals';
import type { FreezeBlocker } from '../../../shared/src/versions/freeze-blockers';

let server: TestServer;
let d: Demo;
let gt: Person;
let head: Person;
let headMembership: string;
let secretariat: Person;
let hn: Person;
let hnChannel: Socket;

beforeAll(async () => {
  server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1' });
  d = await demo(server);
  const pool = server.concordia.db.pool;
  // Guatemala's head of delegation: a second Guatemalan delegate, with the demo password.
  const { rows: users } = await pool.query<{ id: string }>(
    `INSERT INTO users (email, display_name, password_hash, ui_language) SELECT 'gt.head@demo.test', 'Gabriela Jefa', password_hash, 'es' FROM users WHERE email = 'gt.delegate@demo.test' RETURNING id`,
  );
  const { rows: memberships } = await pool.query<{ id: string }>(
    `INSERT INTO memberships (document_id, user_id, role, participant_id) VALUES ($1, $2, 'delegate', $3) RETURNING id`,
    [d.documentId, users[0].id, d.participants.GT],
  );
  headMembership = memberships[0].id;
  [gt, head, secretariat, hn] = await Promise.all([
    signIn(server, 'gt.delegate@demo.test'),
    signIn(server, 'gt.head@demo.test', { lang: 'es' }),
    signIn(server, 'secretariat@demo.test'),
    signIn(server, 'hn.delegate@demo.test'),
  ]);
  hnChannel = await joinDocumentChannel(server, hn, d.documentId);
});
afterAll(async () => {
  hnChannel?.close();
  await server.stop();
});

const approvals = (clauseId: string) => `/api/documents/${d.documentId}/clauses/${clauseId}/approvals`;

async function approveAdReferendum(clauseId: string) {
  const { fingerprint } = await currentState(server, d.documentId, clauseId);
  const answer = await gt.request<{ approval: ApprovalRecordedEvent['approval'] }>('POST', approvals(clauseId), {
    participantId: d.participants.GT,
    fingerprint,
    acknowledgeConcordance: true,
    adReferendum: true,
  });
  expect(answer.status).toBe(201);
  return answer.body.approval;
}

const confirm = (who: Person, clauseId: string, fingerprint: string) =>
  who.request<{ approval?: ApprovalRecordedEvent['approval']; error?: { code: string; message: string; details?: { changedLanguages: string[] } } }>(
    'POST',
    `${approvals(clauseId)}/confirm`,
    { participantId: d.participants.GT, fingerprint },
  );

const markHead = (mayConfirmForCapital: boolean, role = 'delegate') =>
  secretariat.request<{ member?: { mayConfirmForCapital: boolean }; error?: { code: string } }>(
    'PATCH',
    `/api/documents/${d.documentId}/memberships/${headMembership}`,
    { role, participantId: role === 'observer' ? null : d.participants.GT, mayConfirmForCapital },
  );

async function blockers(): Promise<FreezeBlocker[]> {
  const answer = await secretariat.request<{ blockers: FreezeBlocker[] }>('GET', `/api/documents/${d.documentId}/freeze`);
  return answer.body.blockers;
}

describe('approving ad referendum', () => {
  it('records the approval as ad referendum, shown so in the matrix, counted as approved but not final for the freeze', async () => {
    const clauseId = d.clauseIds[3];
    const approval = await approveAdReferendum(clauseId);
    expect(approval).toMatchObject({ adReferendum: true, confirmedBy: null, confirmedAt: null, approvedBy: { id: gt.userId } });
    const matrix = (await hn.request<ApprovalMatrix>('GET', `/api/documents/${d.documentId}/approvals`)).body;
    const row = matrix.clauses.find((c) => c.clauseId === clauseId)!;
    expect(row.statuses[d.participants.GT]).toBe('approved');
    expect(row.approvals[d.participants.GT]).toMatchObject({ adReferendum: true });
    expect(await blockers()).toContainEqual({ reason: 'approval_ad_referendum', clauseId, participantId: d.participants.GT, languages: [] });
  });

  it('lets only a delegate the secretariat marked confirm it for the capital', async () => {
    const clauseId = d.clauseIds[4];
    const approval = await approveAdReferendum(clauseId);
    expect((await confirm(gt, clauseId, approval.fingerprint)).status).toBe(403);
    expect((await confirm(head, clauseId, approval.fingerprint)).status).toBe(403);
    expect((await confirm(secretariat, clauseId, approval.fingerprint)).status).toBe(403);

    const marked = await markHead(true);
    expect(marked.status).toBe(200);
    expect(marked.body.member!.mayConfirmForCapital).toBe(true);
    const detail = await head.request<{ me: { permissions: string[] } }>('GET', `/api/documents/${d.documentId}`);
    expect(detail.body.me.permissions).toContain('approval.confirm_for_capital');
    const members = await hn.request<{ members: Array<{ membershipId: string; mayConfirmForCapital: boolean }> }>(
      'GET',
      `/api/documents/${d.documentId}/members`,
    );
    expect(members.body.members.find((m) => m.membershipId === headMembership)!.mayConfirmForCapital).toBe(true);
    // Another delegation's head could not confirm Guatemala's approval: the route is for one's own Participant.
    expect((await hn.request('POST', `${approvals(clauseId)}/confirm`, { participantId: d.participants.GT, fingerprint: approval.fingerprint })).status).toBe(
      403,
    );
  });

  it('makes the approval final, bound to its fingerprint, tells every member live and keeps it in the history', async () => {
    const clauseId = d.clauseIds[4];
    const { fingerprint } = await currentState(server, d.documentId, clauseId);
    const told = nextEvent<ApprovalRecordedEvent>(hnChannel, SocketEvent.ApprovalRecorded);
    const answer = await confirm(head, clauseId, fingerprint!);
    expect(answer.status).toBe(200);
    expect(answer.body.approval).toMatchObject({ adReferendum: false, confirmedBy: { id: head.userId }, fingerprint });
    expect((await told).approval).toMatchObject({ clauseId, adReferendum: false, confirmedBy: { id: head.userId } });
    expect(await blockers()).not.toContainEqual(expect.objectContaining({ reason: 'approval_ad_referendum', clauseId }));

    const again = await confirm(head, clauseId, fingerprint!);
    expect(again.status).toBe(409);
    expect(again.body.error!.code).toBe('approval_not_ad_referendum');
    const history = (await hn.request<ClauseApprovals>('GET', approvals(clauseId))).body.history;
    expect(history.map((entry) => entry.type)).toEqual(expect.arrayContaining(['approval', 'confirmation']));
    expect(history.find((entry) => entry.type === 'approval')).toMatchObject({ adReferendum: true });
    expect(history.find((entry) => entry.type === 'confirmation')).toMatchObject({ participantId: d.participants.GT, user: { id: head.userId } });
    const audit = await server.concordia.db.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM audit_events WHERE document_id = $1 AND action = 'clause.approval_confirmed' AND subject->>'clauseId' = $2`,
      [d.documentId, clauseId],
    );
    expect(Number(audit.rows[0].n)).toBe(1);
  });

  it('refuses to confirm a text that changed since the approval, in the person’s language, saying which languages changed', async () => {
    const clauseId = d.clauseIds[5];
    const approval = await approveAdReferendum(clauseId);
    const words = (await currentPlainText(server, d.documentId, clauseId, 'es')).split(' ')[1];
    await editAs(server, d.documentId, hn.userId, clauseId, 'es', replaceWords(words, `${words} (modificado)`));
    const refused = await confirm(head, clauseId, approval.fingerprint);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'approval_text_changed', details: { changedLanguages: ['es'] } });
    expect(refused.body.error!.message).toMatch(/El texto cambió/);
    // Outdated like any approval: the freeze asks for it again, not for its confirmation.
    expect(await blockers()).toContainEqual({ reason: 'approval_outdated', clauseId, participantId: d.participants.GT, languages: [] });
    // The current fingerprint is no way around it: the approval covers the old text.
    const current = await currentState(server, d.documentId, clauseId);
    expect((await confirm(head, clauseId, current.fingerprint!)).body.error!.code).toBe('approval_text_changed');
  });

  it('revokes an ad referendum approval like any other, and has nothing to confirm after', async () => {
    const clauseId = d.clauseIds[6];
    const approval = await approveAdReferendum(clauseId);
    const revoked = await gt.request('DELETE', `${approvals(clauseId)}?participantId=${d.participants.GT}`);
    expect(revoked.status).toBe(200);
    expect((await confirm(head, clauseId, approval.fingerprint)).body.error!.code).toBe('approval_not_found');
  });

  it('gives the flag to delegates only, and a change of role takes it away', async () => {
    const observer = await markHead(true, 'observer');
    expect(observer.status).toBe(400);
    const back = await markHead(false);
    expect(back.body.member!.mayConfirmForCapital).toBe(false);
    await markHead(true);
    const demoted = await secretariat.request<{ member: { mayConfirmForCapital: boolean } }>(
      'PATCH',
      `/api/documents/${d.documentId}/memberships/${headMembership}`,
      { role: 'legal_reviewer', participantId: d.participants.GT },
    );
    expect(demoted.status).toBe(200);
    expect(demoted.body.member.mayConfirmForCapital).toBe(false);
  });
});

describe('the exports of drafts', () => {
  async function draft(format: 'pdf' | 'docx'): Promise<Buffer> {
    const response = await fetch(`${server.url}/api/documents/${d.documentId}/draft-export?format=${format}`, {
      headers: { cookie: hn.cookie, origin: server.url },
    });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  it('list each approval as it stands, an ad referendum one as such, in both languages (PDF and DOCX)', async () => {
    // By now (the tests above): Guatemala approved clause 3 ad referendum, clause 4 confirmed, clause 5 outdated.
    const pdf = pdfText(await draft('pdf')).join('\n');
    const docx = await (await JSZip.loadAsync(await draft('docx'))).file('word/document.xml')!.async('string');
    for (const text of [pdf, docx]) {
      expect(text).toContain('Approvals as the text stood');
      expect(text).toContain('Aprobaciones según el texto en ese momento');
      expect(text).toContain('approved ad referendum (subject to confirmation by the capital)');
      expect(text).toContain('aprobado ad referéndum (sujeto a confirmación por la capital)');
      expect(text.match(/GT ✓ a\.r\./g)).toHaveLength(1);
      expect(text.match(/GT ○/g)?.length).toBeGreaterThanOrEqual(1);
      expect(text.match(/GT ✓(?! a\.r\.)/g)?.length).toBeGreaterThanOrEqual(1);
    }
  });
});

/** The text of each page of a PDF, extracted with pdf-parse in a child process (tests/integration/versions/pdf-text.cjs). */
function pdfText(bytes: Buffer): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concordia-pdf-'));
  const file = path.join(dir, 'draft.pdf');
  fs.writeFileSync(file, bytes);
  const run = spawnSync(process.execPath, [path.join(__dirname, '../versions/pdf-text.cjs'), file], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 32 * 1024 * 1024,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(`pdf-text.cjs failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { pages: string[] }).pages;
}
