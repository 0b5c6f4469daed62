import { can, type PolicySubject } from '../../../shared/src/policy';
import { apiRouters, apiRegistries } from '../../../server/src/routes';
import { denialError } from '../../../server/src/policies/authorize';
import type { RouteSpec } from '../../../server/src/http/api-router';
import type { AppContext } from '../../../server/src/context';
import { startWorld, PEOPLE, type Person, type World } from './support/world';
import { PREPARED, genericPrepare, type Prepared } from './support/route-cases';
import { requestAs } from '../../utils/people';

/** The routes as the server mounts them (the registry is filled while the routers are built). */
const stubContext = {} as AppContext;
apiRouters(stubContext);
const ROUTES: RouteSpec[] = apiRegistries.get(stubContext)!.routes;
const keyOf = (spec: RouteSpec) => `${spec.method.toUpperCase()} /api${spec.path}`;

type Outcome = { allowed: true } | { allowed: false; status: number; code: string };

/**
 * What the policy says a person's request to a route must get: the route's declared action, on the
 * object it declares (read from the request as sent), or on the account and the membership it acts through.
 */
async function expected(spec: RouteSpec, person: Person, subject: PolicySubject | null, request: Prepared): Promise<Outcome> {
  const access = spec.access;
  if (access.kind === 'public') return { allowed: true };
  if (person === 'anonymous') return { allowed: false, status: 401, code: 'unauthenticated' };
  if (person === 'expired') return { allowed: false, status: 401, code: 'session_expired' };
  if (access.kind === 'session') return { allowed: true };
  if (access.kind === 'account') {
    const membership = subject && access.actsAs ? await access.actsAs(world.pool, world.users[person]) : null;
    const decision = can(subject && { ...subject, membership }, access.action);
    return decision.allowed ? { allowed: true } : { allowed: false, status: 403, code: 'forbidden' };
  }
  const url = new URL(request.path, 'http://localhost');
  const object = (await access.object?.({ params: {}, query: Object.fromEntries(url.searchParams), body: request.body }, world.pool, '')) ?? {};
  const decision = can(subject, access.action, { ...object, documentStatus: 'draft' });
  if (decision.allowed) return { allowed: true };
  const error = denialError(decision.reason);
  return { allowed: false, status: error.status, code: error.code };
}

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world.stop();
});

const IDENTITY_TAGS = new Set(['auth', 'me', 'documents', 'members', 'participants', 'invitations', 'users', 'meta']);

it('has a prepared, valid request for every route of the identity API', () => {
  const missing = ROUTES.filter((spec) => IDENTITY_TAGS.has(spec.tag) && !PREPARED[keyOf(spec)]).map(keyOf);
  expect(missing).toEqual([]);
});

describe.each(ROUTES.map((spec) => [keyOf(spec), spec] as const))('%s', (_key, spec) => {
  it.each(PEOPLE)('answers %s as the policy says', async (person) => {
    const who = await world.freshCredentials(person);
    const prepared = await (PREPARED[keyOf(spec)] ?? genericPrepare(spec.method, spec.path))(world, person);
    const answer = await requestAs(world.server, who, spec.method.toUpperCase(), prepared.path, prepared.body);
    const outcome = await expected(spec, person, world.subject(person), prepared);
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
