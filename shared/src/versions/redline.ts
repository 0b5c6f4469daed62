/**
 * The redline between two versions of a text (or a version and the text now): clause by clause and
 * language by language, with word-level insertions and deletions (word-diff.ts).
 *
 * Rules (tests cite them):
 *  [R1] Clauses are matched by id, never by position or text: a clause keeps its id when it is moved
 *       or edited, and a deleted clause keeps its entry (docs/document-model.md §4).
 *  [R2] A clause only in the newer version is `added`; only in the older, `removed`; in both with a
 *       different text in any language or a different kind, `changed`; otherwise `unchanged`.
 *  [R3] Among clauses in both, those outside the longest common subsequence of the two orders are
 *       `moved` (a flag: a clause can be moved and changed).
 *  [R4] The list follows the newer order; a removed clause stands after the clause that preceded it
 *       in the older order (first when none of those remains).
 *  [R5] By default each side is its agreed text (open proposals left out, docs/document-model.md §3.1).
 *       "With proposals", each side is its inline text: agreed text and the open proposals it held. A
 *       word is equal on both sides only with the same text and the same proposal part (proposal id and
 *       insertion or deletion); a part that comes from a proposal says so (`proposals`, insertion
 *       first when a counter-proposal deletes another delegation's insertion), a part without
 *       `proposals` is agreed text, so `insert`/`delete` without it is a change of the agreed text. A
 *       proposal tabled since the older text is an `insert` of its parts, one decided since a `delete`
 *       (and, accepted, an agreed `insert` of what it added).
 *  [R6] With proposals, [R2] compares the inline texts: a language is changed when its agreed text
 *       (its hash) or its open proposals differ, so a clause whose only change is a proposal is `changed`.
 * Pure and synchronous: the server answers the compare route with it, the client can recompute it.
 */
import { diffArrays } from 'diff';
import { plainText, type CanonicalNode } from '../canonical';
import { wordDiff } from '../word-diff';
import type { NodeJSON } from '../schema';
import { inlineSegments, markedDiff, sideParts, type MarkedDiffPart } from './proposal-redline';
import type { ClauseKind } from '../yjs-layout';
import type { ClauseNumber } from '../numbering';
import type { LanguageCode } from '../languages';

export interface RedlineInputClause {
  id: string;
  kind: ClauseKind;
  number: ClauseNumber;
  texts: Record<LanguageCode, CanonicalNode | null>;
  languageHashes: Record<LanguageCode, string>;
  /** [R5] The text as stored, with its proposal marks: read only with proposals (absent: the agreed text). */
  inline?: Record<LanguageCode, NodeJSON | null>;
}

export interface RedlineOptions {
  /** [R5] Compare the inline texts, open proposals included. */
  withProposals?: boolean;
}

export type ClauseChangeStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface LanguageRedline {
  changed: boolean;
  /** Agreed text only, unless with proposals [R5]. */
  parts: MarkedDiffPart[];
}

export interface ClauseRedline {
  clauseId: string;
  status: ClauseChangeStatus;
  moved: boolean;
  kind: ClauseKind;
  kindBefore: ClauseKind | null;
  numberBefore: ClauseNumber | null;
  numberAfter: ClauseNumber | null;
  languages: Record<LanguageCode, LanguageRedline>;
}

export function redline(
  before: readonly RedlineInputClause[],
  after: readonly RedlineInputClause[],
  languages: readonly LanguageCode[],
  options: RedlineOptions = {},
): ClauseRedline[] {
  const inline = options.withProposals === true;
  const older = new Map(before.map((c) => [c.id, c]));
  const newer = new Map(after.map((c) => [c.id, c]));
  const common = (list: readonly RedlineInputClause[], other: Map<string, RedlineInputClause>) => list.filter((c) => other.has(c.id)).map((c) => c.id);
  const stay = longestCommonSubsequence(common(before, newer), common(after, older)); // [R3]

  const compared = new Map<string, ClauseRedline>();
  for (const clause of after) {
    const previous = older.get(clause.id);
    compared.set(clause.id, previous ? compareClause(previous, clause, languages, !stay.has(clause.id), inline) : sideOnly(clause, 'added', languages, inline));
  }
  // [R4] Removed clauses go after their older predecessor that remains, in older order.
  const result: ClauseRedline[] = [];
  const removedAfter = new Map<string | null, ClauseRedline[]>();
  let anchor: string | null = null;
  for (const clause of before) {
    if (newer.has(clause.id)) {
      anchor = clause.id;
      continue;
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push(sideOnly(clause, 'removed', languages, inline));
    removedAfter.set(anchor, list);
  }
  result.push(...(removedAfter.get(null) ?? []));
  for (const clause of after) {
    result.push(compared.get(clause.id)!);
    result.push(...(removedAfter.get(clause.id) ?? []));
  }
  return result;
}

/** The number of clauses by status, and how many moved. */
export function redlineSummary(clauses: readonly ClauseRedline[]): Record<ClauseChangeStatus | 'moved', number> {
  const summary = { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0 };
  for (const clause of clauses) {
    summary[clause.status] += 1;
    if (clause.moved) summary.moved += 1;
  }
  return summary;
}

function compareClause(a: RedlineInputClause, b: RedlineInputClause, languages: readonly LanguageCode[], moved: boolean, inline: boolean): ClauseRedline {
  const redlines: Record<LanguageCode, LanguageRedline> = {};
  let changed = a.kind !== b.kind; // [R2]
  for (const lang of languages) {
    const sameAgreed = a.languageHashes[lang] !== undefined && a.languageHashes[lang] === b.languageHashes[lang];
    if (inline) {
      // [R5][R6]
      const parts = markedDiff(inlineSegments(inlineOf(a, lang)), inlineSegments(inlineOf(b, lang)));
      const same = sameAgreed && parts.every((part) => part.op === 'equal');
      redlines[lang] = { changed: !same, parts };
      if (!same) changed = true;
      continue;
    }
    const textA = textOf(a.texts[lang]);
    const textB = textOf(b.texts[lang]);
    redlines[lang] = sameAgreed ? { changed: false, parts: textA ? [{ op: 'equal', text: textA }] : [] } : { changed: true, parts: wordDiff(textA, textB) };
    if (!sameAgreed) changed = true;
  }
  return {
    clauseId: b.id,
    status: changed ? 'changed' : 'unchanged',
    moved,
    kind: b.kind,
    kindBefore: a.kind,
    numberBefore: a.number,
    numberAfter: b.number,
    languages: redlines,
  };
}

function sideOnly(clause: RedlineInputClause, status: 'added' | 'removed', languages: readonly LanguageCode[], inline: boolean): ClauseRedline {
  const redlines: Record<LanguageCode, LanguageRedline> = {};
  const op = status === 'added' ? 'insert' : 'delete';
  for (const lang of languages) {
    if (inline) {
      const parts = sideParts(inlineSegments(inlineOf(clause, lang)), op);
      redlines[lang] = { changed: parts.length > 0, parts };
      continue;
    }
    const text = textOf(clause.texts[lang]);
    redlines[lang] = { changed: text !== '', parts: text ? [{ op, text }] : [] };
  }
  return {
    clauseId: clause.id,
    status,
    moved: false,
    kind: clause.kind,
    kindBefore: status === 'removed' ? clause.kind : null,
    numberBefore: status === 'removed' ? clause.number : null,
    numberAfter: status === 'added' ? clause.number : null,
    languages: redlines,
  };
}

/** [R5] The inline text of one language; without it, the agreed (canonical) text, which holds no proposal. */
function inlineOf(clause: RedlineInputClause, lang: LanguageCode): NodeJSON | null {
  const stored = clause.inline?.[lang];
  if (stored !== undefined) return stored;
  return (clause.texts[lang] as NodeJSON | null | undefined) ?? null;
}

function textOf(node: CanonicalNode | null | undefined): string {
  if (!node) return '';
  try {
    return plainText(node as never);
  } catch {
    return '';
  }
}

/** The ids of one longest common subsequence of two id lists (each id at most once in each), by Myers' algorithm. */
function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Set<string> {
  const kept = new Set<string>();
  for (const change of diffArrays([...a], [...b])) if (!change.added && !change.removed) for (const id of change.value) kept.add(id);
  return kept;
}
