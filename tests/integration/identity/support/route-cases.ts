import crypto from 'node:crypto';
import { tokenHash } from '../../../../server/src/auth/tokens';
import { insertDocument, insertMembership, insertParticipant, insertUser, PASSWORD, type Person, type World } from './world';
import { SECOND_FACTOR_PREPARED } from './second-factor-cases';

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
  // Packages of clauses (issue 16): every member reads them. Changing one is decided on its owner, looked up from the path,
  // so PATCH and DELETE go through genericPrepare (an unknown package: the policy sees no owner, as the matrix expects).
  'GET /api/documents/:documentId/packages': async (world) => ({ path: `${doc(world)}/packages` }),
  // Stable numbering (issue 15): every member reads it; fixing and renumbering (the secretariat's) go through genericPrepare.
  'GET /api/documents/:documentId/numbering': async (world) => ({ path: `${doc(world)}/numbering` }),
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
  'GET /api/identity-providers': async () => ({ path: '/api/identity-providers' }),
  'POST /api/identity-providers': async () => ({
    path: '/api/identity-providers',
    body: { issuer: 'https://login.minex.example', clientId: 'concordia', domains: [`${unique()}.example`], displayName: { en: 'Ministry', es: 'Ministerio' } },
  }),
  'PATCH /api/identity-providers/:providerId': async (world) => ({ path: `/api/identity-providers/${await insertProvider(world)}`, body: { enabled: false } }),
  'GET /api/auth/sso/providers': async () => ({ path: '/api/auth/sso/providers?email=someone%40minex.example' }),
  'POST /api/auth/sso/logout': async () => ({ path: '/api/auth/sso/logout', body: {} }),
  'GET /api/notifications': async () => ({ path: '/api/notifications' }),
  'POST /api/notifications/:notificationId/read': async (world, person) => ({
    path: `/api/notifications/${await insertNotification(world, person)}/read`,
    body: {},
  }),
  'POST /api/notifications/read-all': async () => ({ path: '/api/notifications/read-all', body: {} }),
  'GET /api/notifications/preferences': async () => ({ path: '/api/notifications/preferences' }),
  'PUT /api/notifications/preferences': async () => ({ path: '/api/notifications/preferences', body: { mail: { version_named: true } } }),
  // Open only on a frozen document (issue 16): on this draft the policy refuses them (409 document_not_frozen for whom the role allows).
  'POST /api/documents/:documentId/signature/initials': async (world) => ({
    path: `${doc(world)}/signature/initials`,
    body: { participantId: world.participantP, fingerprint: 'a'.repeat(64) },
  }),
  'POST /api/documents/:documentId/signature/confirmations': async (world) => ({
    path: `${doc(world)}/signature/confirmations`,
    body: { participantId: world.participantP, date: '2026-03-05' },
  }),
  // Account hygiene (issue 21): the person's own sessions and password, and reset links for throwaway accounts.
  'GET /api/me/sessions': async () => ({ path: '/api/me/sessions' }),
  'GET /api/me/identity-events': async () => ({ path: '/api/me/identity-events' }),
  'DELETE /api/me/sessions/:sessionId': async (world, person) => ({ path: `/api/me/sessions/${await insertOtherSession(world, person)}` }),
  'POST /api/me/sessions/end-others': async () => ({ path: '/api/me/sessions/end-others', body: {} }),
  // The same password again: it follows the rules, and the world's people keep signing in with it.
  'POST /api/me/password': async () => ({ path: '/api/me/password', body: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
  'POST /api/documents/:documentId/password-resets': async (world) => {
    const userId = await insertUser(world.pool, `r-${unique()}@identity.test`);
    await insertMembership(world.pool, world.documentId, userId, 'observer', null);
    return { path: `${doc(world)}/password-resets`, body: { userId } };
  },
  'POST /api/users/:userId/password-reset': async (world) => ({
    path: `/api/users/${await insertUser(world.pool, `r-${unique()}@identity.test`)}/password-reset`,
    body: {},
  }),
  'GET /api/password-resets/:token': async (world) => ({ path: `/api/password-resets/${await insertPasswordReset(world)}` }),
  'POST /api/password-resets/:token': async (world) => ({
    path: `/api/password-resets/${await insertPasswordReset(world)}`,
    body: { password: 'orchard lantern velvet' },
  }),
  // A second factor (issue 21): each cell sets up the factor or pending sign-in it needs (support/second-factor-cases.ts).
  ...SECOND_FACTOR_PREPARED,
};

/** A pending reset link (its token) for a throwaway account, valid or `expired`. */
export async function insertPasswordReset(world: World, options: { userId?: string; expired?: boolean } = {}): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const userId = options.userId ?? (await insertUser(world.pool, `reset-${unique()}@identity.test`));
  await world.pool.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + ($3 || ' hours')::interval)`, [
    userId,
    tokenHash(token),
    options.expired ? '-1' : '24',
  ]);
  return token;
}

/** Another open session of the person (its public id), for ending it; a random id for nobody. */
export async function insertOtherSession(world: World, person: Person): Promise<string> {
  if (person === 'anonymous' || person === 'expired') return crypto.randomUUID();
  const other = await world.signInDirectly(world.users[person].id);
  const { rows } = await world.pool.query<{ public_id: string }>('SELECT public_id FROM sessions WHERE id = $1', [other.sessionId]);
  return rows[0].public_id;
}

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

/** An identity provider (single sign-on) with no secret, for one matrix cell to change. */
export async function insertProvider(world: World): Promise<string> {
  const { rows } = await world.pool.query<{ id: string }>(
    `INSERT INTO identity_providers (issuer, client_id, domains, display_name) VALUES ('https://login.minex.example', 'concordia', $1, $2) RETURNING id`,
    [[`${unique()}.example`], JSON.stringify({ en: 'Ministry', es: 'Ministerio' })],
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
      .replace(':bracketId', `b_${crypto.randomBytes(8).toString('hex')}`) // brackets (issue 15): an unknown bracket, 404 when allowed
      .replace(/:(\w+)/g, () => crypto.randomUUID()),
    body: method === 'get' ? undefined : {},
  });
