/**
 * Brackets as they stand in the Yjs text of a clause: reading each one's runs, and clearing one — on
 * the Y types themselves, in the caller's transaction, so that a clear is one Yjs change with the
 * gateway's typed origin like any other server write (the secretariat's clear command).
 *
 * Keeping the text: the bracket's runs lose the mark. Deleting the text: its runs are deleted. A
 * top-level paragraph a delete empties entirely is removed. Clearing is idempotent: run again after a
 * concurrent edit made inside the bracket before the clear arrived (that text still carries the id),
 * it clears that text the same way, and every replica converges on a text without the bracket.
 */
import * as Y from 'yjs';
import { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/src/schema';
import { bracketRuns, isBracketId, UNREGISTERED_BRACKET } from '../../../shared/src/brackets';
import type { BlockerBrackets } from '../../../shared/src/versions/freeze-blockers';
import { getClause, readClauseJSON } from '../../../shared/src/yjs-layout';
import { editRanges, rangesWithMark } from '../text/marked-runs';

/** The runs of each registered bracket of a clause, per language (languages where it has no run are absent). */
export function clauseBrackets(doc: Y.Doc, clauseId: string, languages: readonly string[]): Map<string, Record<string, string[]>> {
  const result = new Map<string, Record<string, string[]>>();
  if (!getClause(doc, clauseId)) return result;
  for (const lang of languages) {
    let node: PMNode;
    try {
      node = PMNode.fromJSON(schema, readClauseJSON(doc, clauseId, lang));
    } catch {
      continue; // an invalid text holds no bracket anyone can clear
    }
    for (const [id, runs] of bracketRuns(node)) {
      if (!isBracketId(id)) continue;
      const entry = result.get(id) ?? {};
      entry[lang] = runs;
      result.set(id, entry);
    }
  }
  return result;
}

/** [F2] The brackets of a clause for its freeze blockers: each registered one with its languages, and the languages with unregistered ones; null: none. */
export function textBrackets(doc: Y.Doc, clauseId: string, languages: readonly string[]): BlockerBrackets | null {
  const registered = [...clauseBrackets(doc, clauseId, languages)].map(([bracketId, runs]) => ({ bracketId, languages: Object.keys(runs).sort() }));
  const unregisteredLanguages = languages.filter((lang) => {
    try {
      return bracketRuns(PMNode.fromJSON(schema, readClauseJSON(doc, clauseId, lang))).has(UNREGISTERED_BRACKET);
    } catch {
      return false;
    }
  });
  return registered.length > 0 || unregisteredLanguages.length > 0 ? { registered, unregisteredLanguages: [...unregisteredLanguages].sort() } : null;
}

export type ClearEffect = 'text' | 'delete';

/** Clears bracket `id` in every language of the clause; returns how many runs it found (0: none left). Call inside a transaction. */
export function clearBracket(doc: Y.Doc, clauseId: string, id: string, keep: ClearEffect, languages: readonly string[]): number {
  const clause = getClause(doc, clauseId);
  if (!clause) return 0;
  let runs = 0;
  for (const lang of languages) {
    const fragment = clause.get(lang);
    if (!(fragment instanceof Y.XmlFragment)) continue;
    runs += editRanges(
      fragment,
      (text) => rangesWithMark(text, 'bracket', id),
      (text, range) => (keep === 'delete' ? text.delete(range.offset, range.length) : text.format(range.offset, range.length, { bracket: null })),
    );
  }
  return runs;
}
