/**
 * What the import tests share: a demo server, people signed in, multipart uploads as the browser
 * sends them, and counts of everything an import could write (to show that a refusal wrote nothing).
 */
import * as Y from 'yjs';
import { startTestServer, type TestServer } from '../../utils/test-server';
import { docFromDatabase } from '../../utils/factories';
import { clauseItems, readClauseJSON } from '../../../shared/src/yjs-layout';
import { canonicalJSON, type CanonicalNode } from '../../../shared/src/canonical';

export { signIn } from '../../utils/people';
import type { Person } from '../../utils/people';
export type { Answer, Person } from '../../utils/people';

export async function startImportServer(env: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer({ DEMO: '1', COLLAB_DEV_OPEN: '1', ...env });
}

export const demoDocumentId = (server: TestServer): string => server.concordia.demo!.documentId;

/** Everything an import could write, counted. */
export async function writtenCounts(server: TestServer, documentId: string): Promise<Record<string, number>> {
  const pool = server.concordia.db.pool;
  const count = async (sql: string) => Number((await pool.query<{ n: string }>(sql, [documentId])).rows[0].n);
  return {
    updates: await count('SELECT count(*) AS n FROM document_updates WHERE document_id = $1'),
    previews: await count('SELECT count(*) AS n FROM import_previews WHERE document_id = $1'),
    audit: await count(`SELECT count(*) AS n FROM audit_events WHERE document_id = $1 AND action <> 'authorization.denied'`),
  };
}

export interface ClauseShape {
  kind: string;
  text: Record<string, CanonicalNode>;
}

/** The document as PostgreSQL holds it: each visible clause's kind and canonical text per language. */
export async function storedClauses(server: TestServer, documentId: string, languages: readonly string[] = ['en', 'es']): Promise<ClauseShape[]> {
  const doc: Y.Doc = await docFromDatabase(server.concordia.db.pool, documentId);
  try {
    return clauseItems(doc).map(({ id, kind }) => ({
      kind,
      text: Object.fromEntries(languages.map((lang) => [lang, canonicalJSON(readClauseJSON(doc, id, lang))])),
    }));
  } finally {
    doc.destroy();
  }
}

/** Starts a new, empty negotiation as this person; returns its id. */
export async function newNegotiation(person: Person, title = 'Action Plan'): Promise<string> {
  const answer = await person.request('POST', '/api/documents', { title: { en: title, es: `${title} (es)` } });
  if (answer.status !== 201) throw new Error(`Creating a negotiation failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.document.id as string;
}
