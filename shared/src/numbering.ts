/**
 * Clause numbers are derived from the order and the kinds, never stored: moving or deleting a clause
 * renumbers the rest without a write, and two peers can never disagree about a number.
 *
 * Headings are numbered as sections 1..n; 'clause' and 'final' items as articles 1..n, continuous
 * through the whole document (a new section does not restart them); preamble items have no number.
 * How a number is shown ("Article 3", "Artículo 3", "Section II") is the UI's business.
 */
import type { ClauseKind } from './yjs-layout';

export interface ClauseNumber {
  section?: number;
  article?: number;
  /** Stable numbering (issue 15, stable-numbering.ts): 1 = "bis", 2 = "ter" …; absent for a plain number. */
  suffix?: number;
  /** A placeholder for a fixed number whose clause was deleted ("Article 5 [deleted]"), never a clause's own number. */
  deleted?: true;
}

/** Numbers for every item, by id; an id listed twice keeps the number of its first occurrence. */
export function numberClauses(items: readonly { id: string; kind: ClauseKind }[]): Map<string, ClauseNumber> {
  const numbers = new Map<string, ClauseNumber>();
  let section = 0;
  let article = 0;
  for (const { id, kind } of items) {
    if (numbers.has(id)) continue;
    switch (kind) {
      case 'heading':
        numbers.set(id, { section: ++section });
        break;
      case 'clause':
      case 'final':
        numbers.set(id, { article: ++article });
        break;
      case 'preamble':
        numbers.set(id, {});
        break;
      default:
        throw new RangeError(`Cannot number clause ${id}: its kind ${JSON.stringify(kind)} is unknown`);
    }
  }
  return numbers;
}
