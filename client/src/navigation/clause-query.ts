/**
 * What a person types to go somewhere in the agreement — "5", "Article 5", "Artículo 5", "art. 5",
 * "Section 2", "Sección 2", "preamble", "Preámbulo, párrafo 2" (in either language, accents optional;
 * numbers are Arabic, as everywhere in the interface) — and which clause it names in the document as it is now.
 * Numbers are derived from order and kind (shared/src/numbering.ts), so they are resolved here, never stored.
 */
import { numberClauses } from '../../../shared/src/numbering';
import type { ClauseKind } from '../../../shared/src/yjs-layout';

export type ClauseQuery = { kind: 'article'; number: number } | { kind: 'section'; number: number } | { kind: 'preamble'; paragraph: number | null };

export type Resolved =
  | { ok: true; clauseId: string }
  | { ok: false; reason: 'empty' | 'unreadable' }
  | { ok: false; reason: 'noArticle' | 'noSection' | 'noPreambleParagraph'; number: number; last: number }
  | { ok: false; reason: 'noPreamble' };

/** Lower case, accents and extra spaces gone: "Artículo  5" and "articulo 5" read the same. */
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

const ARTICLE = /^(?:(?:article|articulo|art)\.?\s*)?(?:no\.?\s*|n\.?o\.?\s*|num\.?\s*|#\s*)?(\d{1,5})\.?$/;
const SECTION = /^(?:section|seccion|sec|§)\.?\s*(\d{1,5})\.?$/;
const PREAMBLE = /^(?:preamble|preambulo)(?:[\s,]+(?:paragraph|parrafo|para|par|p)?\.?\s*(\d{1,5}))?\.?$/;

export function parseClauseQuery(text: string): ClauseQuery | null {
  const query = normalize(text);
  let m: RegExpExecArray | null;
  if ((m = PREAMBLE.exec(query))) return { kind: 'preamble', paragraph: m[1] ? Number(m[1]) : null };
  if ((m = SECTION.exec(query))) return { kind: 'section', number: Number(m[1]) };
  if ((m = ARTICLE.exec(query))) return { kind: 'article', number: Number(m[1]) };
  return null;
}

/** The clause `text` names among `items` (the document's clauses in order), or why there is none. */
export function resolveClauseQuery(text: string, items: readonly { id: string; kind: ClauseKind }[]): Resolved {
  if (normalize(text) === '') return { ok: false, reason: 'empty' };
  const query = parseClauseQuery(text);
  if (!query) return { ok: false, reason: 'unreadable' };
  if (query.kind === 'preamble') {
    const preamble = items.filter((item) => item.kind === 'preamble');
    if (preamble.length === 0) return { ok: false, reason: 'noPreamble' };
    const index = (query.paragraph ?? 1) - 1;
    if (index < 0 || index >= preamble.length) return { ok: false, reason: 'noPreambleParagraph', number: query.paragraph ?? 1, last: preamble.length };
    return { ok: true, clauseId: preamble[index].id };
  }
  const numbers = numberClauses(items);
  let last = 0;
  for (const item of items) {
    const number = numbers.get(item.id);
    const value = query.kind === 'article' ? number?.article : number?.section;
    if (value === undefined) continue;
    if (value === query.number) return { ok: true, clauseId: item.id };
    last = Math.max(last, value);
  }
  return { ok: false, reason: query.kind === 'article' ? 'noArticle' : 'noSection', number: query.number, last };
}
