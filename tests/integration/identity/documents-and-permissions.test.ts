import { startWorld, type World } from './support/world';
import { apiClient, ok, refusalOf } from '../../utils/api-client';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

const api = (who: keyof World['as']) => apiClient(world.server, world.as[who]);

describe('documents as each person sees them', () => {
  it('lists only the negotiations I am in, with my role; administrators see all', async () => {
    const mine = ok(await api('delegateP').documents.list()).documents;
    expect(mine).toEqual([
      expect.objectContaining({ id: world.documentId, myRole: 'delegate', myParticipantId: world.participantP, languages: ['en', 'es'], status: 'draft' }),
    ]);
    const all = ok(await api('admin').documents.list()).documents;
    expect(all.map((d) => d.id).sort()).toEqual([world.documentId, world.otherDocumentId].sort());
    expect(all.every((d) => d.myRole === null)).toBe(true);
  });

  it('shows a document with its Participants and what I may do there', async () => {
    const permissions = async (who: keyof World['as']) => ok(await api(who).documents.get(world.documentId)).me.permissions;
    const answer = ok(await api('delegateP').documents.get(world.documentId));
    expect(answer.document).toMatchObject({ id: world.documentId, title: { en: 'Memorandum', es: 'Memorandum (es)' }, status: 'draft' });
    expect(answer.participants.map((p) => p.code)).toEqual(['GT', 'HN']);
    expect(answer.me).toMatchObject({ role: 'delegate', participantId: world.participantP });
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
      const { me } = ok(await api('delegateP').documents.get(world.documentId));
      expect(me.permissions).toEqual(['document.read', 'comment.read_internal']);
      // Who reads the signed text can still be managed; its Participants cannot (they are part of the signed record, issue 7).
      const manage = await api('secretariat').invitations.create(world.documentId, { email: 'reader-after-freeze@identity.test', role: 'observer' });
      expect(manage.status).toBe(201);
      const participant = await api('secretariat').participants.create(world.documentId, { code: 'FR', name: { en: 'x', es: 'x' }, color: '#000000' });
      expect(refusalOf(participant)).toEqual({ status: 423, code: 'document_frozen' });
      await world.pool.query(`UPDATE documents SET status = 'archived' WHERE id = $1`, [world.documentId]);
      const archived = await api('secretariat').participants.create(world.documentId, { code: 'AR', name: { en: 'x', es: 'x' }, color: '#000000' });
      expect(refusalOf(archived)).toEqual({ status: 423, code: 'document_frozen' });
    } finally {
      await world.pool.query(`UPDATE documents SET status = 'draft' WHERE id = $1`, [world.documentId]);
    }
  });
});
