/**
 * What the single sign-on suites share: a Concordia with an IDENTITY_SECRET_KEY, a real OpenID
 * Provider with a client registered for its callback, an administrator, and the Ministry of Foreign
 * Affairs of Guatemala registered as a provider for `minex.gob.gt`.
 */
import type pg from 'pg';
import { startTestServer, type TestServer } from '../../../utils/test-server';
import { requestAs, startSessionFor, type Answer, type Credentials } from '../../../utils/people';
import { startTestProvider, type TestProvider } from '../../../utils/oidc-test-provider';
import { insertUser } from './world';
import { translator } from '../../../../server/src/i18n';

export const SECRET_KEY = 'a3'.repeat(32);
export const CLIENT_ID = 'concordia';
export const CLIENT_SECRET = 'the-client-secret-of-concordia-at-minex';
export const DOMAIN = 'minex.gob.gt';

export interface SsoWorld {
  server: TestServer;
  pool: pg.Pool;
  idp: TestProvider;
  admin: Credentials;
  adminId: string;
  providerId: string;
  asAdmin(method: string, path: string, body?: unknown): Promise<Answer>;
  /** Registers another provider for this issuer (same client), with these settings. */
  registerProvider(overrides?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

export async function startSsoWorld(env: Record<string, string> = {}): Promise<SsoWorld> {
  const server = await startTestServer({ IDENTITY_SECRET_KEY: SECRET_KEY, ...env });
  const pool = server.concordia.db.pool;
  const idp = await startTestProvider([
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [`${server.url}/api/auth/sso/callback`],
      post_logout_redirect_uris: [`${server.url}/signin`],
    },
  ]);
  const adminId = await insertUser(pool, 'admin@concordia.test', { admin: true, name: 'Administrator' });
  const admin = await startSessionFor(server, adminId);
  const asAdmin = (method: string, path: string, body?: unknown) => requestAs(server, admin, method, path, body);
  const registerProvider = async (overrides: Record<string, unknown> = {}) => {
    const answer = await asAdmin('POST', '/api/identity-providers', {
      issuer: idp.issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      domains: [DOMAIN],
      participantCode: 'GT',
      displayName: { en: 'Ministry of Foreign Affairs of Guatemala', es: 'Ministerio de Relaciones Exteriores de Guatemala' },
      ...overrides,
    });
    if (answer.status !== 201) throw new Error(`provider not registered: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.provider.id as string;
  };
  const providerId = await registerProvider();
  return {
    server,
    pool,
    idp,
    admin,
    adminId,
    providerId,
    asAdmin,
    registerProvider,
    async stop() {
      await idp.stop();
      await server.stop();
    },
  };
}

/** The message the sign-in page shows for a code, in both languages (and it is a sentence, not the code). */
export function messagesOf(code: string): { en: string; es: string } {
  const en = translator('en')(code);
  const es = translator('es')(code);
  expect(en).not.toBe(code);
  expect(es).not.toBe(en);
  return { en, es };
}

export async function sessionsOf(pool: pg.Pool, email: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 AND s.ended_at IS NULL',
    [email],
  );
  return rows[0].n;
}

export async function auditActions(pool: pg.Pool, action: string): Promise<Array<Record<string, unknown>>> {
  const { rows } = await pool.query<{ subject: Record<string, unknown> }>('SELECT subject FROM audit_events WHERE action = $1 ORDER BY id', [action]);
  return rows.map((r) => r.subject);
}
