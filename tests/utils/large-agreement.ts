/**
 * The large agreement of the browser test and the browser benchmark: 300 items, a heading every 15,
 * clause texts of one to four sentences (longer in Spanish, as real texts are), English and Spanish.
 *
 *   const documentId = await seedLargeAgreement(pool, 'us.delegate@demo.test')   needs the DEMO users
 */
import type pg from 'pg';
import * as Y from 'yjs';
import { DEFAULT_LANGUAGES, insertClause, type ClauseKind, type NodeJSON } from '../../shared/src/index';
import { createDocument } from './factories';

export const LARGE_AGREEMENT_CLAUSES = 300;
const HEADING_EVERY = 15;
const clauseId = (index: number) => `big_${index}`;
/** Items that are not headings are numbered as articles: the last row is "Article 280". */
export const LAST_ARTICLE = `Article ${LARGE_AGREEMENT_CLAUSES - Math.ceil(LARGE_AGREEMENT_CLAUSES / HEADING_EVERY)}`;
/** The id of that last row's clause. */
export const LAST_CLAUSE_ID = clauseId(LARGE_AGREEMENT_CLAUSES - 1);

const seedOrigin = { origin: 'test-seed' };

const paragraph = (text: string): NodeJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const sentence = (lang: string, n: number) =>
  lang === 'en'
    ? `The Participants intend to cooperate on matter ${n} within their respective legal frameworks and available resources.`
    : `Los Participantes tienen la intención de cooperar en el asunto ${n} dentro de sus respectivos marcos jurídicos y recursos disponibles.`;

/** The agreement as one Yjs update. */
export function largeAgreement(clauses = LARGE_AGREEMENT_CLAUSES): Uint8Array {
  const doc = new Y.Doc();
  let after: string | null = null;
  for (let i = 0; i < clauses; i += 1) {
    const id = clauseId(i);
    const kind: ClauseKind = i % HEADING_EVERY === 0 ? 'heading' : 'clause';
    const part = i / HEADING_EVERY + 1;
    const content = Object.fromEntries(
      DEFAULT_LANGUAGES.map((lang) => [
        lang,
        {
          type: 'doc',
          content:
            kind === 'heading'
              ? [paragraph(lang === 'en' ? `Part ${part}` : `Parte ${part}`)]
              : [paragraph(Array.from({ length: 1 + (i % 4) + (lang === 'es' && i % 3 === 0 ? 1 : 0) }, (_, k) => sentence(lang, i * 10 + k)).join(' '))],
        } satisfies NodeJSON,
      ]),
    );
    insertClause(doc, { id, kind, content }, DEFAULT_LANGUAGES, after, seedOrigin);
    after = id;
  }
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Stores the agreement as a new document and makes `delegateEmail` (an existing user, e.g. a DEMO
 * one) its United States delegate. Returns the document id.
 */
export async function seedLargeAgreement(pool: pg.Pool, delegateEmail: string): Promise<string> {
  const documentId = await createDocument(pool, { initialState: largeAgreement(), title: 'Large agreement' });
  const participant = await pool.query<{ id: string }>(
    `INSERT INTO participants (document_id, code, name, color) VALUES ($1, 'US', $2, '#1D4E89') RETURNING id`,
    [documentId, JSON.stringify({ en: 'United States', es: 'Estados Unidos' })],
  );
  const membership = await pool.query(
    `INSERT INTO memberships (document_id, user_id, role, participant_id)
     SELECT $1, id, 'delegate', $2 FROM users WHERE email = $3`,
    [documentId, participant.rows[0].id, delegateEmail],
  );
  if (membership.rowCount !== 1) throw new Error(`No user ${delegateEmail} to make delegate of the large agreement`);
  return documentId;
}
