/**
 * What the versions tests share: the demo negotiation with its people signed in, and bringing it to
 * the point where it can be frozen (concordance confirmed and every clause approved by every
 * Participant, through the API as people do it).
 */
import { startTestServer, type TestServer } from '../../utils/test-server';
import { DEMO_EMAILS } from '../../utils/people';
import { currentState, demo, signIn, type Demo, type Person } from '../approvals/approvals-helpers';

export {
  currentPlainText,
  currentState,
  demo,
  editAs,
  liveDoc,
  replaceWords,
  signIn,
  textOf,
  joinDocumentChannel,
  nextEvent,
} from '../approvals/approvals-helpers';
export type { Answer, Demo, Person } from '../approvals/approvals-helpers';

/** The delegate of each Participant, by its code. */
export const DELEGATES: Record<string, string> = { US: DEMO_EMAILS.us, SV: DEMO_EMAILS.sv, GT: DEMO_EMAILS.gt, HN: DEMO_EMAILS.hn };

export interface World {
  server: TestServer;
  d: Demo;
  secretariat: Person;
  delegates: Record<string, Person>;
  legal: Person;
  observer: Person;
}

/** The demo negotiation on a running server, with its people signed in through the API. */
export async function demoWorld(server: TestServer): Promise<World> {
  const d = await demo(server);
  const delegates: Record<string, Person> = {};
  for (const [code, email] of Object.entries(DELEGATES)) delegates[code] = await signIn(server, email);
  const [secretariat, legal, observer] = await Promise.all(
    [DEMO_EMAILS.secretariat, DEMO_EMAILS.hnLegal, DEMO_EMAILS.observer].map((email) => signIn(server, email)),
  );
  return { server, d, secretariat, delegates, legal, observer };
}

export async function startWorld(env: Record<string, string> = {}): Promise<World> {
  return demoWorld(await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1', ...env }));
}

/** Confirms concordance of a clause as it stands (the secretariat). */
export async function confirm(world: World, clauseId: string): Promise<void> {
  const state = await currentState(world.server, world.d.documentId, clauseId);
  const answer = await world.secretariat.request('POST', `/api/documents/${world.d.documentId}/clauses/${clauseId}/concordance`, {
    languageHashes: state.languageHashes,
  });
  if (answer.status !== 201) throw new Error(`Confirming ${clauseId} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Approves a clause as it stands for one Participant (its delegate). */
export async function approve(world: World, code: string, clauseId: string): Promise<void> {
  const { fingerprint } = await currentState(world.server, world.d.documentId, clauseId);
  const answer = await world.delegates[code].request('POST', `/api/documents/${world.d.documentId}/clauses/${clauseId}/approvals`, {
    participantId: world.d.participants[code],
    fingerprint,
    acknowledgeConcordance: true,
  });
  if (answer.status !== 201) throw new Error(`Approving ${clauseId} for ${code} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Every clause confirmed and approved by every Participant, except the cells listed in `skip` ("<clauseId>:<code>"). */
export async function approveEverything(world: World, skip: ReadonlySet<string> = new Set()): Promise<void> {
  for (const clauseId of world.d.clauseIds) {
    if (!skip.has(`${clauseId}:concordance`)) await confirm(world, clauseId);
    for (const code of Object.keys(DELEGATES)) if (!skip.has(`${clauseId}:${code}`)) await approve(world, code, clauseId);
  }
}

export async function freeze(world: World, person: Person = world.secretariat) {
  return person.request<{ version: { id: string; fingerprint: string; kind: string }; error?: { code: string; message: string; details?: unknown } }>(
    'POST',
    `/api/documents/${world.d.documentId}/freeze`,
    { confirm: true },
  );
}

/** A binary download with the person's session (exports). */
export async function download(world: World, person: Person, path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const response = await fetch(`${world.server.url}${path}`, { headers: { Cookie: person.cookie, Origin: world.server.url } });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}
