/**
 * What the notification tests share: the demo negotiation with its people signed in, each person's
 * notifications as the API lists them, waiting for the background work to settle, and mail as the
 * fake SMTP server received it, decoded.
 */
import { startTestServer, type TestServer } from '../../utils/test-server';
import { DEMO_EMAILS, signIn, type Person } from '../../utils/people';
import { clauseOrder } from '../../../shared/src/yjs-layout';
import type { NotificationJSON, NotificationList } from '../../../shared/src/api/notifications';

export { DEMO_EMAILS, signIn, type Person };

export type Who = keyof typeof DEMO_EMAILS | 'gtLegal';

export interface Negotiation {
  server: TestServer;
  documentId: string;
  participants: Record<'US' | 'SV' | 'GT' | 'HN', string>;
  clauseIds: string[];
  people: Record<Who, Person>;
}

/** The demo negotiation, plus a legal reviewer for Guatemala (a second member of the GT delegation). */
export async function startNegotiation(env: Record<string, string> = {}): Promise<Negotiation> {
  const server = await startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1', ...env });
  const pool = server.concordia.db.pool;
  const documentId = server.concordia.demo!.documentId;
  const { rows } = await pool.query<{ id: string; code: string }>('SELECT id, code FROM participants WHERE document_id = $1', [documentId]);
  const participants = Object.fromEntries(rows.map((r) => [r.code, r.id])) as Negotiation['participants'];
  const { rows: legal } = await pool.query<{ id: string }>(
    `INSERT INTO users (email, display_name, password_hash) SELECT 'gt.legal@demo.test', 'Lucía Gt Legal', password_hash FROM users WHERE email = $1 RETURNING id`,
    [DEMO_EMAILS.gt],
  );
  await pool.query(`INSERT INTO memberships (document_id, user_id, role, participant_id) VALUES ($1, $2, 'legal_reviewer', $3)`, [
    documentId,
    legal[0].id,
    participants.GT,
  ]);
  const people = {} as Record<Who, Person>;
  for (const [who, email] of Object.entries({ ...DEMO_EMAILS, gtLegal: 'gt.legal@demo.test' })) people[who as Who] = await signIn(server, email);
  const clauseIds = clauseOrder((await server.concordia.collab.registry.open(documentId)).doc);
  return { server, documentId, participants, clauseIds, people };
}

/** Waits until every notification in progress is written and pushed, and the mail queued so far tried. */
export const settle = (n: Negotiation) => n.server.concordia.notifications.settle();

/** The person's notifications as the API lists them (all of one page of 100). */
export async function listOf(person: Person, query = ''): Promise<NotificationList> {
  const answer = await person.request<NotificationList>('GET', `/api/notifications?limit=100${query ? `&${query}` : ''}`);
  if (answer.status !== 200) throw new Error(`GET /api/notifications as ${person.email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** How many notifications of `kind` each person has (optionally only those matching `where`). */
export async function countsOf(
  n: Negotiation,
  kind: NotificationJSON['kind'],
  where: (notification: NotificationJSON) => boolean = () => true,
): Promise<Record<Who, number>> {
  const counts = {} as Record<Who, number>;
  for (const [who, person] of Object.entries(n.people) as Array<[Who, Person]>) {
    counts[who] = (await listOf(person)).notifications.filter((x) => x.kind === kind && where(x)).length;
  }
  return counts;
}

/** Everyone at 0 but the people named. */
export const only = (named: Partial<Record<Who, number>>): Record<Who, number> => ({
  secretariat: 0,
  us: 0,
  sv: 0,
  gt: 0,
  hn: 0,
  hnLegal: 0,
  observer: 0,
  gtLegal: 0,
  ...named,
});

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

/** A message as the fake SMTP server kept it, its headers unfolded and its words and body decoded. */
export function readMail(raw: string): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1] ?? '';
  const words = (value: string) =>
    value
      .replace(/\?=\s+=\?/g, '?==?')
      .replace(/=\?utf-8\?([qb])\?(.*?)\?=/gi, (_, encoding: string, text: string) =>
        encoding.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : quotedPrintable(text.replace(/_/g, ' ')),
      );
  const body = raw.slice(split + 4);
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? quotedPrintable(body) : body;
  return { to: header('To'), subject: words(header('Subject')), text: text.replace(/\r\n/g, '\n') };
}

function quotedPrintable(text: string): string {
  const bytes: number[] = [];
  const source = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < source.length; i += 1) {
    if (source[i] === '=' && /^[0-9A-F]{2}$/i.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(source[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
