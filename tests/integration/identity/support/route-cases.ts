import crypto from 'node:crypto';
import { tokenHash } from '../../../../server/src/auth/tokens';
import { insertDocument, insertMembership, insertParticipant, insertUser, PASSWORD, type Person, type World } from './world';

/** What one matrix cell sends: a path with real ids and a valid body, made fresh for that cell. */
export interface Prepared {
  path: string;
  body?: unknown;
}
export type Prepare = (world: World, person: Person) => Promise<Prepared>;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}${crypto.randomBytes(2).toString('hex')}`;
const code = () => `Z${(counter += 1).toString(36).toUpperCase().padStart(4, '0')}`.slice(0, 8);

export async function insertInvitation(
  world: World,
  options: { email?: string; expired?: boolean } = {},
): Promise<{ id: string; token: string; email: string }> {
  const token = crypto.randomBytes(32).toString('base64url');
  const email = options.email ?? `invitee-${unique()}@identity.test`;
  const { rows } = await world.pool.query<{ id: string }>(
    `INSERT INTO invitations (document_id, email, role, participant_id, token_hash, expires_at)
     VALUES ($1, $2, 'observer', NULL, $3, now() + ($4 || ' hours')::interval) RETURNING id`,
    [world.documentId, email, tokenHash(token), options.expired ? '-1' : '24'],
  );
  return { id: rows[0].id, token, email };
}

const doc = (world: World) => `/api/documents/${world.documentId}`;
const emailOf = (world: World, person: Person) => (person === 'anonymous' || person === 'expired' ? world.users.observer.email : world.users[person].email);

/** A valid request for every route of the identity issue (keyed `METHOD /api/path`). */
export const PREPARED: Record<string, Prepare> = {
  'POST /api/auth/login': async (world, person) => ({ path: '/api/auth/login', body: { email: emailOf(world, person), password: PASSWORD } }),
  'POST /api/auth/logout': async () => ({ path: '/api/auth/logout', body: {} }),
  'GET /api/me': async () => ({ path: '/api/me' }),
  'PATCH /api/me': async () => ({ path: '/api/me', body: { uiLanguage: 'en' } }),
  'GET /api/documents': async () => ({ path: '/api/documents' }),
  'GET /api/documents/:documentId': async (world) => ({ path: doc(world) }),
  'POST /api/documents/:documentId/collab-token': async (world) => ({ path: `${doc(world)}/collab-token`, body: {} }),
  'PUT /api/documents/:documentId/visit': async (world) => ({ path: `${doc(world)}/visit`, body: {} }),
  'GET /api/documents/:documentId/members': async (world) => ({ path: `${doc(world)}/members` }),
  'GET /api/documents/:documentId/participants': async (world) => ({ path: `${doc(world)}/participants` }),
  'POST /api/documents/:documentId/participants': async (world) => ({
    path: `${doc(world)}/participants`,
    body: { code: code(), name: { en: 'Mexico', es: 'México' }, color: '#006847' },
  }),
  'PATCH /api/documents/:documentId/participants/:participantId': async (world) => ({
    path: `${doc(world)}/participants/${await insertParticipant(world.pool, world.documentId, code())}`,
    body: { color: '#112233' },
  }),
  'DELETE /api/documents/:documentId/participants/:participantId': async (world) => ({
    path: `${doc(world)}/participants/${await insertParticipant(world.pool, world.documentId, code())}`,
  }),
  'POST /api/documents/:documentId/memberships': async (world) => ({
    path: `${doc(world)}/memberships`,
    body: { userId: await insertUser(world.pool, `m-${unique()}@identity.test`), role: 'observer' },
  }),
  'PATCH /api/documents/:documentId/memberships/:membershipId': async (world) => {
    const userId = await insertUser(world.pool, `m-${unique()}@identity.test`);
    const membershipId = await insertMembership(world.pool, world.documentId, userId, 'observer', null);
    return { path: `${doc(world)}/memberships/${membershipId}`, body: { role: 'legal_reviewer', participantId: world.participantQ } };
  },
  'DELETE /api/documents/:documentId/memberships/:membershipId': async (world) => {
    const userId = await insertUser(world.pool, `m-${unique()}@identity.test`);
    return { path: `${doc(world)}/memberships/${await insertMembership(world.pool, world.documentId, userId, 'observer', null)}` };
  },
  'GET /api/documents/:documentId/invitations': async (world) => ({ path: `${doc(world)}/invitations` }),
  'POST /api/documents/:documentId/invitations': async (world) => ({
    path: `${doc(world)}/invitations`,
    body: { email: `invitee-${unique()}@identity.test`, role: 'delegate', participantId: world.participantP },
  }),
  'DELETE /api/documents/:documentId/invitations/:invitationId': async (world) => ({ path: `${doc(world)}/invitations/${(await insertInvitation(world)).id}` }),
  'GET /api/invitations/:token': async (world) => ({ path: `/api/invitations/${(await insertInvitation(world)).token}` }),
  'POST /api/invitations/:token/accept': async (world) => ({
    path: `/api/invitations/${(await insertInvitation(world)).token}/accept`,
    body: { displayName: 'New Member', password: 'a long enough password' },
  }),
  'GET /api/users': async () => ({ path: '/api/users' }),
  'PATCH /api/users/:userId': async (world) => ({
    path: `/api/users/${await insertUser(world.pool, `u-${unique()}@identity.test`)}`,
    body: { isAdmin: false },
  }),
  'GET /api/openapi.json': async () => ({ path: '/api/openapi.json' }),
  'GET /api/notifications': async () => ({ path: '/api/notifications' }),
  'POST /api/notifications/:notificationId/read': async (world, person) => ({
    path: `/api/notifications/${await insertNotification(world, person)}/read`,
    body: {},
  }),
  'POST /api/notifications/read-all': async () => ({ path: '/api/notifications/read-all', body: {} }),
  'GET /api/notifications/preferences': async () => ({ path: '/api/notifications/preferences' }),
  'PUT /api/notifications/preferences': async () => ({ path: '/api/notifications/preferences', body: { mail: { version_named: true } } }),
};

/**
 * A notification of the person's own (a freeze, in a negotiation of its own that they observe, so the
 * world's documents stay as they are); for nobody, one of the delegate's, whose session has expired.
 */
export async function insertNotification(world: World, person: Person): Promise<string> {
  const userId = person === 'anonymous' || person === 'expired' ? world.users.delegateP.id : world.users[person].id;
  const documentId = await insertDocument(world.pool, `Notified ${unique()}`);
  await insertMembership(world.pool, documentId, userId, 'observer', null);
  const { rows } = await world.pool.query<{ id: string }>(
    `INSERT INTO notifications (user_id, document_id, kind, source) VALUES ($1, $2, 'document_frozen', 'frozen') RETURNING id`,
    [userId, documentId],
  );
  return rows[0].id;
}

/** Any other route: real document ids, a well-formed id for every other parameter, an empty body. */
/** A comment every member may read (a thread open to all, by the secretariat) in the world's document. */
export async function insertComment(world: World): Promise<string> {
  const thread = await world.pool.query<{ id: string }>(
    `INSERT INTO comment_threads (document_id, clause_id, visibility, created_by) VALUES ($1, 'c1', 'all', $2) RETURNING id`,
    [world.documentId, world.users.secretariat.id],
  );
  const comment = await world.pool.query<{ id: string }>(
    `INSERT INTO comments (id, thread_id, author_id, body) VALUES ($1, $1, $2, 'For every member') RETURNING id`,
    [thread.rows[0].id, world.users.secretariat.id],
  );
  return comment.rows[0].id;
}

/** Routes of other resources: real ids where the route finds its document through them, random ids elsewhere. */
export const genericPrepare =
  (method: string, expressPath: string): Prepare =>
  async (world) => ({
    path: `/api${expressPath}`
      .replace(':documentId', world.documentId)
      .replace(':commentId', expressPath.includes(':commentId') ? await insertComment(world) : ':commentId')
      .replace(':proposalId', `p_${crypto.randomBytes(8).toString('hex')}`)
      .replace(/:(\w+)/g, () => crypto.randomUUID()),
    body: method === 'get' ? undefined : {},
  });
