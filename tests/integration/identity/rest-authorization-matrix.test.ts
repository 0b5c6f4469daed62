import { can, type PolicySubject } from '../../../shared/src/policy';
import { apiRouters, apiRegistries } from '../../../server/src/routes';
import { denialError } from '../../../server/src/policies/authorize';
import type { RouteSpec } from '../../../server/src/http/api-router';
import type { AppContext } from '../../../server/src/context';
import { startWorld, PEOPLE, type Credentials, type Person, type World } from './support/world';
import { PREPARED, genericPrepare } from './support/route-cases';
import { call } from './support/http';

/** The routes as the server mounts them (the registry is filled while the routers are built). */
const stubContext = {} as AppContext;
apiRouters(stubContext);
const ROUTES: RouteSpec[] = apiRegistries.get(stubContext)!.routes;
const keyOf = (spec: RouteSpec) => `${spec.method.toUpperCase()} /api${spec.path}`;

type Outcome = { allowed: true } | { allowed: false; status: number; code: string };

/** What the policy says a person's request to a route must get. */
function expected(spec: RouteSpec, person: Person, subject: PolicySubject | null): Outcome {
  if (spec.access.kind === 'public') return { allowed: true };
  if (person === 'anonymous') return { allowed: false, status: 401, code: 'unauthenticated' };
  if (person === 'expired') return { allowed: false, status: 401, code: 'session_expired' };
  if (spec.access.kind === 'session') return { allowed: true };
  // Account-level routes ask the policy about the account alone, without any document membership.
  const asked = spec.access.kind === 'admin' && subject ? { ...subject, membership: null } : subject;
  const decision = can(asked, spec.access.action, { documentStatus: 'draft' });
  if (decision.allowed) return { allowed: true };
  const error = denialError(decision.reason);
  return { allowed: false, status: error.status, code: error.code };
}

let world: World;
beforeAll(async () => { world = await startWorld(); });
afterAll(async () => { await world.stop(); });

/** Fresh credentials of that person for every cell: sign-in and sign-out cells end the session they use. */
async function credentials(person: Person): Promise<Credentials> {
  if (person === 'anonymous') return world.as.anonymous;
  if (person === 'expired') {
    const fresh = await world.signInDirectly(world.users.delegateP.id);
    await world.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE id = $1`, [fresh.sessionId]);
    return fresh;
  }
  return world.signInDirectly(world.users[person].id);
}

const IDENTITY_TAGS = new Set(['auth', 'me', 'documents', 'members', 'participants', 'invitations', 'users', 'meta']);

it('has a prepared, valid request for every route of the identity API', () => {
  const missing = ROUTES.filter((spec) => IDENTITY_TAGS.has(spec.tag) && !PREPARED[keyOf(spec)]).map(keyOf);
  expect(missing).toEqual([]);
});

describe.each(ROUTES.map((spec) => [keyOf(spec), spec] as const))('%s', (_key, spec) => {
  it.each(PEOPLE)('answers %s as the policy says', async (person) => {
    const who = await credentials(person);
    const prepared = await (PREPARED[keyOf(spec)] ?? genericPrepare(spec.method, spec.path))(world, person);
    const answer = await call(world, who, spec.method.toUpperCase(), prepared.path, prepared.body);
    const outcome = expected(spec, person, world.subject(person));
    if (!outcome.allowed) {
      expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status: outcome.status, code: outcome.code });
    } else if (PREPARED[keyOf(spec)]) {
      expect({ status: answer.status, error: answer.body?.error }).toEqual({ status: spec.status ?? 200, error: undefined });
    } else {
      // Routes of other resources get no valid body here: being allowed shows as anything but a refusal.
      expect(['unauthenticated', 'session_expired', 'forbidden', 'csrf_failed']).not.toContain(answer.body?.error?.code);
    }
  });
});
