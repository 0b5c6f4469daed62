/** Guatemala's head of delegation: a second Guatemalan delegate, marked by the secretariat as one who may confirm for the capital. */
import { createAccountWithOldPassword } from '../../utils/factories';
import type { World } from '../../integration/versions/support';

export const HEAD_EMAIL = 'gt.head@demo.test';
export const HEAD_NAME = 'Carmen Morales';

export async function addGuatemalasHeadOfDelegation(world: World): Promise<void> {
  const pool = world.server.concordia.db.pool;
  const userId = await createAccountWithOldPassword(pool, { email: HEAD_EMAIL, displayName: HEAD_NAME, password: 'demo', uiLanguage: 'es' });
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO memberships (document_id, user_id, role, participant_id) VALUES ($1, $2, 'delegate', $3) RETURNING id`,
    [world.d.documentId, userId, world.d.participants.GT],
  );
  const marked = await world.secretariat.request('PATCH', `/api/documents/${world.d.documentId}/memberships/${rows[0].id}`, {
    role: 'delegate',
    participantId: world.d.participants.GT,
    mayConfirmForCapital: true,
  });
  if (marked.status !== 200) throw new Error(`Marking the head of delegation answered ${marked.status}`);
}
