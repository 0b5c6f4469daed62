import { startWorld, type World } from './support/world';
import { requestAs } from '../../utils/people';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

describe('documents as each person sees them', () => {
  it('lists only the negotiations I am in, with my role; administrators see all', async () => {
    const mine = (await requestAs(world.server, world.as.delegateP, 'GET', '/api/documents')).body.documents;
    expect(mine).toEqual([
      expect.objectContaining({ id: world.documentId, myRole: 'delegate', myParticipantId: world.participantP, languages: ['en', 'es'], status: 'draft' }),
    ]);
    const all = (await requestAs(world.server, world.as.admin, 'GET', '/api/documents')).body.documents;
    expect(all.map((d: { id: string }) => d.id).sort()).toEqual([world.documentId, world.otherDocumentId].sort());
    expect(all.every((d: { myRole: unknown }) => d.myRole === null)).toBe(true);
  });

  it('shows a document with its Participants and what I may do there', async () => {
    const permissions = async (who: keyof World['as']) =>
      (await requestAs(world.server, world.as[who], 'GET', `/api/documents/${world.documentId}`)).body.me.permissions;
    const answer = await requestAs(world.server, world.as.delegateP, 'GET', `/api/documents/${world.documentId}`);
    expect(answer.body.document).toMatchObject({ id: world.documentId, title: { en: 'Memorandum', es: 'Memorandum (es)' }, status: 'draft' });
    expect(answer.body.participants.map((p: { code: string }) => p.code)).toEqual(['GT', 'HN']);
    expect(answer.body.me).toMatchObject({ role: 'delegate', participantId: world.participantP });
    // A Guatemalan delegate edits and approves (for Guatemala); a Honduran legal reviewer comments only; an observer only reads.
    expect(await permissions('delegateP')).toEqual(expect.arrayContaining(['document.read', 'document.edit_text', 'clause.approve', 'comment.create']));
    expect(await permissions('reviewer')).toEqual(['document.read', 'comment.create', 'comment.create_internal', 'comment.read_internal']);
    expect(await permissions('observer')).toEqual(['document.read']);
    expect(await permissions('secretariat')).toEqual(expect.arrayContaining(['document.manage', 'member.read_contact', 'document.freeze']));
    expect(await permissions('secretariat')).not.toContain('clause.approve');
  });

  it('hides what a frozen text no longer allows', async () => {
    await world.pool.query(`UPDATE documents SET status = 'frozen' WHERE id = $1`, [world.documentId]);
    try {
      const me = (await requestAs(world.server, world.as.delegateP, 'GET', `/api/documents/${world.documentId}`)).body.me;
      expect(me.permissions).toEqual(['document.read', 'comment.read_internal']);
      // Who reads the signed text can still be managed; its Participants cannot (they are part of the signed record, issue 7).
      const manage = await requestAs(world.server, world.as.secretariat, 'POST', `/api/documents/${world.documentId}/invitations`, {
        email: 'reader-after-freeze@identity.test',
        role: 'observer',
      });
      expect(manage.status).toBe(201);
      const participant = await requestAs(world.server, world.as.secretariat, 'POST', `/api/documents/${world.documentId}/participants`, {
        code: 'FR',
        name: { en: 'x', es: 'x' },
        color: '#000000',
      });
      expect({ status: participant.status, code: participant.body.error.code }).toEqual({ status: 423, code: 'document_frozen' });
      await world.pool.query(`UPDATE documents SET status = 'archived' WHERE id = $1`, [world.documentId]);
      const archived = await requestAs(world.server, world.as.secretariat, 'POST', `/api/documents/${world.documentId}/participants`, {
        code: 'AR',
        name: { en: 'x', es: 'x' },
        color: '#000000',
      });
      expect({ status: archived.status, code: archived.body.error.code }).toEqual({ status: 423, code: 'document_frozen' });
    } finally {
      await world.pool.query(`UPDATE documents SET status = 'draft' WHERE id = $1`, [world.documentId]);
    }
  });
});
