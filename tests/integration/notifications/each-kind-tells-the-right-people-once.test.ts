/**
 * Each kind of notification reaches exactly the people it concerns, exactly once [N1], never the one
 * who acted [N2], and never reveals what its reader may not read [N3] (shared/src/api/notifications.ts).
 */
import { connectClient } from '../../utils/collab-client';
import { typeInto } from '../../utils/clause-edits';
import { poll, sleep } from '../../utils/wait';
import { approveAs } from '../approvals/approvals-helpers';
import { DEBOUNCE_MS } from '../../../server/src/notifications/outdated-approvals';
import { countsOf, listOf, only, settle, startNegotiation, type Negotiation, type Who } from './support';
import type { NotificationJSON } from '../../../shared/src/api/notifications';

let n: Negotiation;
let clauseId: string;
beforeAll(async () => {
  n = await startNegotiation();
  clauseId = n.clauseIds[3];
});
afterAll(() => n.server.stop());

const at = (who: Who) => `@${n.people[who].displayName}`;

async function comment(who: Who, body: string, visibility: 'all' | 'delegation' = 'all', onClause = clauseId) {
  const answer = await n.people[who].request('POST', `/api/documents/${n.documentId}/comments`, { clauseId: onClause, body, visibility });
  if (answer.status !== 201) throw new Error(`Commenting as ${who} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  await settle(n);
  return answer.body.thread as { id: string; comments: Array<{ id: string }> };
}

describe('being mentioned', () => {
  let first: NotificationJSON;

  it('tells the member mentioned in a public comment, once, and nobody else', async () => {
    const thread = await comment('gt', `${at('hn')} could Honduras look at this wording?`);
    expect(await countsOf(n, 'mention')).toEqual(only({ hn: 1 }));
    [first] = (await listOf(n.people.hn)).notifications;
    expect(first).toMatchObject({
      kind: 'mention',
      documentId: n.documentId,
      clause: { id: clauseId },
      actor: { id: n.people.gt.userId },
      details: { kind: 'mention', threadId: thread.id, commentId: thread.comments[0].id, excerpt: `${at('hn')} could Honduras look at this wording?` },
      readAt: null,
    });
    expect(first.documentTitle.en).toBeTruthy();
  });

  it('tells nobody again when the comment is edited with the same mention, and tells a newly mentioned member', async () => {
    const commentId = (first.details as { commentId: string }).commentId;
    const edited = await n.people.gt.request('PATCH', `/api/comments/${commentId}`, { body: `${at('hn')} and ${at('us')}: could you look at this wording?` });
    expect(edited.status).toBe(200);
    await settle(n);
    expect(await countsOf(n, 'mention')).toEqual(only({ hn: 1, us: 1 }));
    // The excerpt is the comment as it is now.
    expect((await listOf(n.people.hn)).notifications[0].details).toMatchObject({ excerpt: `${at('hn')} and ${at('us')}: could you look at this wording?` });
  });

  it('never tells the author who mentions themselves', async () => {
    await comment('sv', `Note to self, ${at('sv')}: check the Spanish.`);
    expect(await countsOf(n, 'mention')).toEqual(only({ hn: 1, us: 1 }));
  });

  it("never tells another delegation of a mention in an internal note, and the note's own delegation is told", async () => {
    await comment('gt', `${at('gtLegal')} ${at('hn')} ${at('secretariat')} internal: our fallback position`, 'delegation');
    expect(await countsOf(n, 'mention')).toEqual(only({ hn: 1, us: 1, gtLegal: 1 }));
  });

  it('stops showing a mention in an internal note to someone moved to another delegation', async () => {
    const pool = n.server.concordia.db.pool;
    await pool.query(`UPDATE memberships SET participant_id = $1 WHERE user_id = $2 AND document_id = $3`, [
      n.participants.HN,
      n.people.gtLegal.userId,
      n.documentId,
    ]);
    try {
      expect((await listOf(n.people.gtLegal)).notifications.filter((x) => x.kind === 'mention')).toEqual([]);
      expect((await listOf(n.people.gtLegal)).unreadCount).toBe(0);
    } finally {
      await pool.query(`UPDATE memberships SET participant_id = $1 WHERE user_id = $2 AND document_id = $3`, [
        n.participants.GT,
        n.people.gtLegal.userId,
        n.documentId,
      ]);
    }
    expect((await listOf(n.people.gtLegal)).notifications.filter((x) => x.kind === 'mention')).toHaveLength(1);
  });

  it('shows a deleted comment’s mention without its words', async () => {
    const thread = await comment('us', `${at('sv')} a first thought`);
    expect(await countsOf(n, 'mention')).toEqual(only({ hn: 1, us: 1, gtLegal: 1, sv: 1 }));
    expect((await n.people.us.request('DELETE', `/api/comments/${thread.comments[0].id}`)).status).toBe(200);
    const [mention] = (await listOf(n.people.sv)).notifications;
    expect(mention.details).toMatchObject({ kind: 'mention', excerpt: null });
  });
});

describe('an approval of my delegation turning outdated', () => {
  it('tells the approving delegation once the edits pause, and nobody else', async () => {
    await approveAs(n.server, n, n.people.hn, 'HN', clauseId);
    await approveAs(n.server, n, n.people.us, 'US', clauseId);
    const editor = connectClient(n.server.wsUrl, n.documentId, { headers: { Cookie: n.people.gt.cookie } });
    await editor.synced();
    typeInto(editor.doc, clauseId, 'en', ' (as Guatemala proposes)');
    await poll(
      () => countsOf(n, 'approval_outdated'),
      (counts) => counts.hn + counts.hnLegal + counts.us === 3,
      'the HN and US delegations to be told',
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    await settle(n);
    expect(await countsOf(n, 'approval_outdated')).toEqual(only({ hn: 1, hnLegal: 1, us: 1 }));
    const [told] = (await listOf(n.people.hn)).notifications.filter((x) => x.kind === 'approval_outdated');
    expect(told).toMatchObject({ clause: { id: clauseId }, actor: { id: n.people.gt.userId }, details: { kind: 'approval_outdated', participantCode: 'HN' } });

    // More edits of the same clause, and another: the approval was told already.
    typeInto(editor.doc, clauseId, 'en', ' again');
    typeInto(editor.doc, n.clauseIds[4], 'en', ' elsewhere');
    await sleep(DEBOUNCE_MS * 2);
    await settle(n);
    editor.destroy();
    expect(await countsOf(n, 'approval_outdated')).toEqual(only({ hn: 1, hnLegal: 1, us: 1 }));
  });
});

describe('a proposal of my delegation', () => {
  const proposalId = 'p_00000000000a0b1c';

  it('tells the sponsoring delegation of another delegation’s position, once per statement', async () => {
    await n.server.concordia.db.pool.query('INSERT INTO proposals (id, document_id, clause_id, sponsor_participant_id) VALUES ($1, $2, $3, $4)', [
      proposalId,
      n.documentId,
      n.clauseIds[5],
      n.participants.US,
    ]);
    const stated = await n.people.sv.request('PUT', `/api/documents/${n.documentId}/proposals/${proposalId}/positions/${n.participants.SV}`, {
      position: 'opposes',
    });
    expect(stated.status).toBe(200);
    await settle(n);
    expect(await countsOf(n, 'proposal')).toEqual(only({ us: 1 }));
    expect((await listOf(n.people.us)).notifications[0]).toMatchObject({
      kind: 'proposal',
      actor: { id: n.people.sv.userId },
      clause: { id: n.clauseIds[5] },
      details: { kind: 'proposal', proposalId, event: 'position', participantCode: 'SV', position: 'opposes', decision: null },
    });
    // Its own delegation's position is not news to it.
    const own = await n.people.us.request('PUT', `/api/documents/${n.documentId}/proposals/${proposalId}/positions/${n.participants.US}`, {
      position: 'supports',
    });
    expect(own.status).toBe(200);
    await settle(n);
    expect(await countsOf(n, 'proposal')).toEqual(only({ us: 1 }));
  });

  it('tells the sponsoring delegation of the decision, once', async () => {
    const rejected = await n.people.secretariat.request('POST', `/api/documents/${n.documentId}/proposals/${proposalId}/reject`, {});
    expect(rejected.status).toBe(200);
    await settle(n);
    expect(await countsOf(n, 'proposal')).toEqual(only({ us: 2 }));
    expect(await countsOf(n, 'proposal', (x) => x.details.kind === 'proposal' && x.details.event === 'decision')).toEqual(only({ us: 1 }));
    expect((await listOf(n.people.us)).notifications[0]).toMatchObject({
      actor: { id: n.people.secretariat.userId },
      details: { event: 'decision', decision: 'reject' },
    });
  });
});

describe('a named version', () => {
  it('tells every member but the one who named it, and not a member removed before', async () => {
    const pool = n.server.concordia.db.pool;
    // The observer, mentioned before, is removed: their notifications go with their access.
    await pool.query(`INSERT INTO notifications (user_id, document_id, kind, source) VALUES ($1, $2, 'document_frozen', 'test:observer')`, [
      n.people.observer.userId,
      n.documentId,
    ]);
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM memberships WHERE user_id = $1 AND document_id = $2', [
      n.people.observer.userId,
      n.documentId,
    ]);
    expect((await n.people.secretariat.request('DELETE', `/api/documents/${n.documentId}/memberships/${rows[0].id}`)).status).toBe(204);
    expect(await listOf(n.people.observer)).toMatchObject({ notifications: [], unreadCount: 0 });

    const named = await n.people.secretariat.request('POST', `/api/documents/${n.documentId}/versions`, { name: 'Before the second round' });
    expect(named.status).toBe(201);
    await settle(n);
    expect(await countsOf(n, 'version_named')).toEqual(only({ us: 1, sv: 1, gt: 1, hn: 1, hnLegal: 1, gtLegal: 1 }));
    expect((await listOf(n.people.gt)).notifications[0]).toMatchObject({
      actor: { id: n.people.secretariat.userId },
      clause: null,
      details: { kind: 'version_named', name: 'Before the second round' },
    });
  });
});
