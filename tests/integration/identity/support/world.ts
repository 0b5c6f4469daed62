import type pg from 'pg';
import { startTestServer, type TestServer } from '../../../utils/test-server';
import { hashPassword } from '../../../../server/src/auth/passwords';
import { startSessionFor, type Credentials as SessionCredentials } from '../../../utils/people';
import type { PolicySubject, Role } from '../../../../shared/src/policy';

/** The people of the identity tests: one of each role on document A, plus those who are not. */
export const PEOPLE = ['secretariat', 'delegateP', 'delegateQ', 'reviewer', 'observer', 'nonMember', 'admin', 'anonymous', 'expired'] as const;
export type Person = (typeof PEOPLE)[number];

export const PASSWORD = 'correct horse battery staple';

/** A session as the identity tests hold it: whose it is and its id too (all null for nobody). */
export interface Credentials extends SessionCredentials {
  userId: string | null;
  sessionId: string | null;
}

export interface World {
  server: TestServer;
  pool: pg.Pool;
  origin: string;
  documentId: string;
  /** P: Guatemala (the delegate's own), Q: Honduras (another delegation; the legal reviewer's). */
  participantP: string;
  participantQ: string;
  /** Another negotiation none of these people (but nonMember) belongs to, with its own Participant. */
  otherDocumentId: string;
  otherParticipantId: string;
  users: Record<Exclude<Person, 'anonymous' | 'expired'>, { id: string; email: string }>;
  membershipIds: Partial<Record<Person, string>>;
  as: Record<Person, Credentials>;
  subject(person: Person): PolicySubject | null;
  /** Makes a fresh signed-in session for a user (a new cookie and CSRF token). */
  signInDirectly(userId: string): Promise<Credentials>;
  /** A new session of that person, for a test that may end it: nobody's for anonymous, a new expired one for expired. */
  freshCredentials(person: Person): Promise<Credentials>;
  stop(): Promise<void>;
}

const MEMBERSHIPS: Partial<Record<Person, { role: Role; participant: 'P' | 'Q' | null }>> = {
  secretariat: { role: 'secretariat', participant: null },
  delegateP: { role: 'delegate', participant: 'P' },
  delegateQ: { role: 'delegate', participant: 'Q' },
  reviewer: { role: 'legal_reviewer', participant: 'Q' },
  observer: { role: 'observer', participant: null },
};

let sharedHash: Promise<string> | null = null;
/** scrypt costs about half a second: one hash per test file, shared by every user. */
export const passwordHash = () => (sharedHash ??= hashPassword(PASSWORD));

export async function insertUser(pool: pg.Pool, email: string, options: { admin?: boolean; name?: string; lang?: 'en' | 'es' } = {}): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO users (email, display_name, ui_language, password_hash, is_admin) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [email, options.name ?? email.split('@')[0], options.lang ?? 'en', await passwordHash(), options.admin ?? false],
  );
  return rows[0].id;
}

export async function insertDocument(pool: pg.Pool, title: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO documents (title, languages) VALUES ($1, ARRAY['en','es']) RETURNING id`, [
    JSON.stringify({ en: title, es: `${title} (es)` }),
  ]);
  return rows[0].id;
}

export async function insertParticipant(pool: pg.Pool, documentId: string, code: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(`INSERT INTO participants (document_id, code, name, color) VALUES ($1, $2, $3, '#336699') RETURNING id`, [
    documentId,
    code,
    JSON.stringify({ en: `${code} (en)`, es: `${code} (es)` }),
  ]);
  return rows[0].id;
}

export async function insertMembership(pool: pg.Pool, documentId: string, userId: string, role: Role, participantId: string | null): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    'INSERT INTO memberships (document_id, user_id, role, participant_id) VALUES ($1, $2, $3, $4) RETURNING id',
    [documentId, userId, role, participantId],
  );
  return rows[0].id;
}

export async function startWorld(env: Record<string, string> = {}): Promise<World> {
  const server = await startTestServer(env);
  const pool = server.concordia.db.pool;
  const documentId = await insertDocument(pool, 'Memorandum');
  const participantP = await insertParticipant(pool, documentId, 'GT');
  const participantQ = await insertParticipant(pool, documentId, 'HN');
  const otherDocumentId = await insertDocument(pool, 'Other negotiation');
  const otherParticipantId = await insertParticipant(pool, otherDocumentId, 'MX');
  const users = {} as World['users'];
  for (const person of ['secretariat', 'delegateP', 'delegateQ', 'reviewer', 'observer', 'nonMember', 'admin'] as const) {
    const email = `${person.toLowerCase()}@identity.test`;
    users[person] = { id: await insertUser(pool, email, { admin: person === 'admin', name: person }), email };
  }
  const membershipIds: World['membershipIds'] = {};
  for (const [person, m] of Object.entries(MEMBERSHIPS) as Array<[Person, { role: Role; participant: 'P' | 'Q' | null }]>) {
    const participantId = m.participant === 'P' ? participantP : m.participant === 'Q' ? participantQ : null;
    membershipIds[person] = await insertMembership(pool, documentId, users[person as keyof World['users']].id, m.role, participantId);
  }
  await insertMembership(pool, otherDocumentId, users.nonMember.id, 'secretariat', null);

  const signInDirectly = (userId: string): Promise<Credentials> => startSessionFor(server, userId);
  const as = {} as Record<Person, Credentials>;
  for (const person of Object.keys(users) as Array<keyof World['users']>) as[person] = await signInDirectly(users[person].id);
  as.anonymous = { userId: null, cookie: null, csrfToken: null, sessionId: null };
  const expiredSession = async (): Promise<Credentials> => {
    const expired = await signInDirectly(users.delegateP.id);
    await pool.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expired.sessionId]);
    return expired;
  };
  as.expired = await expiredSession();

  return {
    server,
    pool,
    origin: server.url,
    documentId,
    participantP,
    participantQ,
    otherDocumentId,
    otherParticipantId,
    users,
    membershipIds,
    as,
    subject(person) {
      if (person === 'anonymous' || person === 'expired') return null;
      const m = MEMBERSHIPS[person];
      const participantId = m?.participant === 'P' ? participantP : m?.participant === 'Q' ? participantQ : null;
      return { userId: users[person].id, isAdmin: person === 'admin', membership: m ? { role: m.role, participantId } : null };
    },
    signInDirectly,
    async freshCredentials(person) {
      if (person === 'anonymous') return as.anonymous;
      if (person === 'expired') return expiredSession();
      return signInDirectly(users[person].id);
    },
    stop: () => server.stop(),
  };
}
