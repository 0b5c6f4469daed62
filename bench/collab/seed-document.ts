/**
 * The document a load-shape benchmark starts from: one short clause per writer, `b0` … `b<n-1>`, then
 * `filler` clauses of a paragraph (about 420 characters) in each language, so a document can have a realistic size.
 */
import os from 'node:os';
import * as Y from 'yjs';
import { DEFAULT_LANGUAGES, insertClause } from '../../shared/src/index';

const origin = { kind: 'server', reason: 'seed' } as const;

const PARAGRAPH =
  'The Parties shall cooperate in good faith to implement this Agreement and shall notify each other without delay of any measure that may affect its operation. '.repeat(
    3,
  );

export function seedDocument(clauses: number, filler = 0): Uint8Array {
  const doc = new Y.Doc();
  let after: string | null = null;
  for (let i = 0; i < clauses + filler; i += 1) {
    const id = i < clauses ? `b${i}` : `f${i - clauses}`;
    const body = i < clauses ? '' : PARAGRAPH;
    insertClause(
      doc,
      {
        id,
        kind: 'clause',
        content: {
          en: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Article ${i + 1}. ${body}` }] }] },
          es: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Artículo ${i + 1}. ${body}` }] }] },
        },
      },
      DEFAULT_LANGUAGES,
      after,
      origin,
    );
    after = id;
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
