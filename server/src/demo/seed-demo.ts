import * as Y from 'yjs';
import type pg from 'pg';
import type { Logger } from '../logger';
import { withTransaction } from '../db/database';
import { hashPassword } from '../auth/passwords';
import { recordAuditEvent } from '../audit/record-event';
import { demoClauses, demoTitle, type DemoBlock } from './memorandum';
import { demoParticipants } from './participants';
import { demoUsers, type DemoUser } from './demo-users';
import { clauseIdFromKey, insertClause } from '../../../shared/src/yjs-layout';
import { DEFAULT_LANGUAGES } from '../../../shared/src/languages';
import { serverOrigin } from '../collab/origins';

export const DEMO_SLUG = 'regional-compact';

export interface DemoSeedResult {
  documentId: string;
  title: string;
  created: boolean;
  users: DemoUser[];
}

type PmNode = { type: string; attrs?: Record<string, unknown>; content?: PmNode[]; text?: string };

const textParagraph = (text: string): PmNode => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });

/** A demo block → ProseMirror JSON of the shared schema. */
export function blocksToDoc(blocks: DemoBlock[]): PmNode {
  return {
    type: 'doc',
    content: blocks.map((block) =>
      block.type === 'paragraph'
        ? textParagraph(block.text)
        : { type: block.type, content: block.items.map((item) => ({ type: 'list_item', content: [textParagraph(item)] })) },
    ),
  };
}

/** The demo Memorandum as one Yjs update (the whole initial state). */
export function buildDemoState(documentId: string): Uint8Array {
  const ydoc = new Y.Doc();
  let after: string | null = null;
  for (const clause of demoClauses) {
    const id = clauseIdFromKey(documentId, clause.key);
    insertClause(
      ydoc,
      { id, kind: clause.kind, content: { en: blocksToDoc(clause.en), es: blocksToDoc(clause.es) } },
      DEFAULT_LANGUAGES,
      after,
      serverOrigin('seed'),
    );
    after = id;
  }
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

/**
 * Seeds the demo negotiation once. Idempotent and safe against two servers starting together:
 * the check and the inserts share one transaction under an advisory lock; existing users and an
 * existing demo document are never overwritten.
 */
export async function seedDemo(pool: pg.Pool, options: { password: string; log: Logger }): Promise<DemoSeedResult> {
  const existing = await pool.query<{ id: string }>('SELECT id FROM documents WHERE slug = $1', [DEMO_SLUG]);
  if (existing.rows[0]) return { documentId: existing.rows[0].id, title: demoTitle.en, created: false, users: demoUsers };
  const hashes = await Promise.all(demoUsers.map(() => hashPassword(options.password)));
  return withTransaction(pool, async (client) => {
    await client.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':concordia:demo'))`);
    const again = await client.query<{ id: string }>('SELECT id FROM documents WHERE slug = $1', [DEMO_SLUG]);
    if (again.rows[0]) return { documentId: again.rows[0].id, title: demoTitle.en, created: false, users: demoUsers };

    const userIds = new Map<string, string>();
    for (const [i, user] of demoUsers.entries()) {
      const row = await client.query<{ id: string }>(
        `INSERT INTO users (email, display_name, ui_language, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
        [user.email, user.displayName, user.uiLanguage, hashes[i]],
      );
      userIds.set(user.email, row.rows[0].id);
    }
    const secretariatId = userIds.get('secretariat@demo.test') ?? null;
    const doc = await client.query<{ id: string }>(`INSERT INTO documents (slug, title, languages, created_by) VALUES ($1, $2, $3, $4) RETURNING id`, [
      DEMO_SLUG,
      JSON.stringify(demoTitle),
      DEFAULT_LANGUAGES,
      secretariatId,
    ]);
    const documentId = doc.rows[0].id;
    const participantIds = new Map<string, string>();
    for (const [position, participant] of demoParticipants.entries()) {
      const row = await client.query<{ id: string }>(
        `INSERT INTO participants (document_id, code, name, color, position) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [documentId, participant.code, JSON.stringify(participant.name), participant.color, position],
      );
      participantIds.set(participant.code, row.rows[0].id);
    }
    for (const user of demoUsers) {
      await client.query(`INSERT INTO memberships (document_id, user_id, role, participant_id) VALUES ($1, $2, $3, $4)`, [
        documentId,
        userIds.get(user.email),
        user.role,
        user.participant ? participantIds.get(user.participant) : null,
      ]);
    }
    await client.query(`INSERT INTO document_updates (document_id, update, user_id, origin) VALUES ($1, $2, NULL, 'seed')`, [
      documentId,
      Buffer.from(buildDemoState(documentId)),
    ]);
    await recordAuditEvent(client, { documentId, actorUserId: null, action: 'document.seeded', subject: { slug: DEMO_SLUG, clauses: demoClauses.length } });
    options.log.info({ documentId, clauses: demoClauses.length }, 'demo negotiation seeded');
    return { documentId, title: demoTitle.en, created: true, users: demoUsers };
  });
}
