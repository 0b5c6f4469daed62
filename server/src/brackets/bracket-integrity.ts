/**
 * What a writer may do to brackets, checked on the text before and after one incoming client update
 * (the probe of collab/update-inspection.ts), next to the proposal rules (proposal-integrity.ts). Pure:
 * two Y.Docs in, a refusal or the new brackets out. Only registered brackets (with an id) are guarded;
 * an unregistered (attribute-less) bracket is formatting of the agreed text, as it was before brackets
 * had ids, and still blocks the freeze [F2].
 *
 *  [B1] A bracket id first written by this update is created by the writer; a writer with no
 *       Participant (the secretariat, a legal reviewer) cannot create one. A new bracket lives in one
 *       clause, in one or several of its languages (one id in English and Spanish: one linked bracket).
 *  [B2] No client update removes a bracket from a language it is in: only the secretariat's clear
 *       command (a server transaction with its own origin, never a client update) does. Deleting the
 *       whole clause (where the writer may) takes its brackets along.
 *  [B3] An existing bracket never spreads: not into another clause, not into a language it was not in,
 *       not over more runs of text than it had.
 *  [B4] In the negotiation phase an existing bracket stays exactly as it was (text and extent). A
 *       delegation may bracket agreed text: [R3] compares the agreed text with bracket marks left out.
 *  [B5] In the drafting phase the text inside a bracket may be edited (characters typed or removed),
 *       within [B2] and [B3].
 */
import * as Y from 'yjs';
import { Node as PMNode } from 'prosemirror-model';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { schema } from '../../../shared/src/schema';
import { bracketRuns, isBracketId } from '../../../shared/src/brackets';
import { CLAUSES_KEY } from '../../../shared/src/yjs-layout';
import { isLanguageCode } from '../../../shared/src/languages';
import type { ProposalWriter, TouchedClauses } from '../proposals/proposal-integrity';

export interface NewBracket {
  id: string;
  clauseId: string;
  languages: string[];
}

export type BracketIntegrityResult = { ok: true; newBrackets: NewBracket[] } | { ok: false; reason: string };

type Runs = Map<string, string[]>;

export function checkBracketIntegrity(before: Y.Doc, after: Y.Doc, touched: TouchedClauses, writer: ProposalWriter): BracketIntegrityResult {
  // Where every bracket id of the document was before: read only when an id new to a clause shows up.
  let homes: Map<string, string> | null = null;
  const homeBefore = (id: string): string | undefined => {
    if (!homes) {
      homes = new Map();
      for (const clauseId of before.getMap(CLAUSES_KEY).keys())
        for (const runs of Object.values(clauseRuns(before, clauseId))) for (const key of runs.keys()) if (isBracketId(key)) homes.set(key, clauseId);
    }
    return homes.get(id);
  };
  const created = new Map<string, NewBracket>();
  for (const clauseId of touched.clauseIds) {
    // A deleted clause takes its brackets along (the structure rules and the restore govern that).
    if (!(after.getMap(CLAUSES_KEY).get(clauseId) instanceof Y.Map)) continue;
    const was = clauseRuns(before, clauseId);
    const is = clauseRuns(after, clauseId);
    for (const [lang, oldRuns] of Object.entries(was)) {
      const newRuns = is[lang] ?? new Map<string, string[]>();
      for (const [id, runs] of oldRuns) {
        if (!isBracketId(id)) continue;
        const now = newRuns.get(id);
        if (!now) return { ok: false, reason: `bracket ${id}: only the secretariat clears a bracket` }; // [B2]
        if (now.length > runs.length) return { ok: false, reason: `bracket ${id}: a bracket cannot be spread over more text` }; // [B3]
        if (writer.proposeOnly && (now.length !== runs.length || now.some((text, i) => text !== runs[i])))
          return { ok: false, reason: `the negotiation phase: bracket ${id} stays as it was` }; // [B4]
      }
    }
    for (const [lang, newRuns] of Object.entries(is)) {
      for (const id of newRuns.keys()) {
        if (!isBracketId(id)) continue;
        if (was[lang]?.has(id)) continue;
        const inClause = Object.values(was).some((runs) => runs.has(id));
        const home = inClause ? clauseId : homeBefore(id);
        if (home !== undefined) {
          if (home !== clauseId) return { ok: false, reason: `bracket ${id} belongs to another clause` }; // [B3]
          return { ok: false, reason: `bracket ${id}: a bracket cannot be spread into another language` };
        }
        // [B1]
        if (!writer.participantId) return { ok: false, reason: `bracket ${id}: only a delegation brackets text` };
        const seen = created.get(id);
        if (seen && seen.clauseId !== clauseId) return { ok: false, reason: `bracket ${id}: a bracket lives in one clause` };
        if (seen) {
          if (!seen.languages.includes(lang)) seen.languages.push(lang);
        } else created.set(id, { id, clauseId, languages: [lang] });
      }
    }
  }
  return { ok: true, newBrackets: [...created.values()].map((b) => ({ ...b, languages: [...b.languages].sort() })) };
}

/** The brackets of each readable text of a clause, by language (an invalid text is the layout check's). */
function clauseRuns(doc: Y.Doc, clauseId: string): Record<string, Runs> {
  const entry = doc.getMap(CLAUSES_KEY).get(clauseId);
  const texts: Record<string, Runs> = {};
  if (!(entry instanceof Y.Map)) return texts;
  for (const [key, value] of entry.entries()) {
    if (!isLanguageCode(key) || !(value instanceof Y.XmlFragment)) continue;
    try {
      const node = PMNode.fromJSON(schema, yXmlFragmentToProsemirrorJSON(value));
      node.check();
      texts[key] = bracketRuns(node);
    } catch {
      // refused by the layout check
    }
  }
  return texts;
}
