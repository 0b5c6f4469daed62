/**
 * What a writer may do to proposals, checked on the text before and after one incoming update (the
 * probe of collab/update-inspection.ts). Pure: two Y.Docs in, a refusal or the new proposals out.
 *
 *  [R1] A proposal id first written by this update becomes the writer's Participant's; a writer with
 *       no Participant (the secretariat, a legal reviewer) cannot table one.
 *  [R2] Another Participant's proposal (or a decided one, whoever sponsored it) can never grow: its marked text after the update is what it was,
 *       or (drafting phase, free editing) that text with characters removed. Sponsorship cannot be
 *       forged by marking text with someone else's id.
 *  [R3] In the negotiation phase a delegate leaves every agreed text and the clause structure as they
 *       were, and every other Participant's proposal exactly as it was: they only propose.
 */
import * as Y from 'yjs';
import { Node as PMNode } from 'prosemirror-model';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { schema } from '../../../shared/src/schema';
import { canonicalString } from '../../../shared/src/canonical';
import { proposalRuns, type ProposalRun } from '../../../shared/src/proposals';
import { withoutBrackets } from '../../../shared/src/brackets';
import { CLAUSES_KEY, KIND_KEY, clauseOrder } from '../../../shared/src/yjs-layout';
import { isLanguageCode } from '../../../shared/src/languages';

export interface ProposalWriter {
  participantId: string | null;
  /** True when the writer may not change the agreed text (a delegate in the negotiation phase). */
  proposeOnly: boolean;
}

/** What one update touched: the clauses whose text or entry changed, and whether the structure did. */
export interface TouchedClauses {
  clauseIds: ReadonlySet<string>;
  /** `order`, the key set of `clauses`, or a root type other than these two changed. */
  structure: boolean;
}

/** What the server recorded of a proposal id: its sponsor (null: unattributed) and the one clause it lives in. */
export interface RecordedProposal {
  sponsor: string | null;
  clauseId: string;
}

export type IntegrityResult = { ok: true; newProposals: { id: string; clauseId: string }[] } | { ok: false; reason: string };

/** `sponsors` maps every recorded proposal id of the document to its sponsor and clause. */
export function checkProposalIntegrity(
  before: Y.Doc,
  after: Y.Doc,
  touched: TouchedClauses,
  writer: ProposalWriter,
  sponsors: ReadonlyMap<string, RecordedProposal>,
  closed: ReadonlySet<string> = new Set(),
): IntegrityResult {
  // A decided proposal is nobody's to extend any more, its sponsor's included.
  const owns = (id: string) => {
    const recorded = sponsors.get(id);
    return recorded !== undefined && recorded.sponsor !== null && recorded.sponsor === writer.participantId && !closed.has(id);
  };
  if (writer.proposeOnly && touched.structure && !sameStructure(before, after)) {
    return { ok: false, reason: 'the negotiation phase: clauses are not added, moved or removed by a delegation' };
  }
  const newProposals: { id: string; clauseId: string }[] = [];
  const seenNew = new Map<string, string>();
  for (const clauseId of touched.clauseIds) {
    const was = readClause(before, clauseId);
    const is = readClause(after, clauseId);
    if (writer.proposeOnly && was?.kind !== is?.kind) return { ok: false, reason: `the negotiation phase: the kind of clause ${clauseId} is agreed text` };
    const languages = new Set([...Object.keys(was?.texts ?? {}), ...Object.keys(is?.texts ?? {})]);
    for (const lang of languages) {
      const old = was?.texts[lang] ?? null;
      const now = is?.texts[lang] ?? null;
      if (now === 'invalid') continue; // the layout check refuses an invalid text; nothing to say about proposals in it
      if (writer.proposeOnly) {
        if (old === 'invalid' || old === null || now === null)
          return { ok: false, reason: `the negotiation phase: the ${lang} text of clause ${clauseId} is agreed text` };
        // Bracket marks left out: bracketing agreed text is the bracket rules' ([B4], bracket-integrity.ts).
        if (canonicalString(withoutBrackets(old).toJSON()) !== canonicalString(withoutBrackets(now).toJSON())) {
          return { ok: false, reason: `the negotiation phase: the agreed ${lang} text of clause ${clauseId} changed; a delegation only proposes` };
        }
      }
      const oldRuns = old && old !== 'invalid' ? proposalRuns(old) : new Map<string, ProposalRun[]>();
      const newRuns = now ? proposalRuns(now) : new Map<string, ProposalRun[]>();
      for (const [id, runs] of newRuns) {
        const recorded = sponsors.get(id);
        if (!recorded) {
          if (!writer.participantId) return { ok: false, reason: `proposal ${id}: only a delegation tables proposals` };
          const seen = seenNew.get(id);
          if (seen !== undefined && seen !== clauseId) return { ok: false, reason: `proposal ${id}: a proposal lives in one clause` };
          if (seen === undefined) {
            seenNew.set(id, clauseId);
            newProposals.push({ id, clauseId });
          }
          continue;
        }
        if (recorded.clauseId !== clauseId) return { ok: false, reason: `proposal ${id} belongs to another clause` };
        if (owns(id)) continue;
        const previous = oldRuns.get(id) ?? [];
        if (writer.proposeOnly ? !sameRuns(previous, runs) : !shrunkFrom(previous, runs)) {
          return { ok: false, reason: `proposal ${id} belongs to another delegation: its text cannot be changed or claimed` };
        }
      }
      if (writer.proposeOnly) {
        for (const [id, runs] of oldRuns) {
          if (owns(id)) continue;
          if (!sameRuns(runs, newRuns.get(id) ?? [])) return { ok: false, reason: `proposal ${id} belongs to another delegation: it cannot be removed` };
        }
      }
    }
  }
  return { ok: true, newProposals };
}

interface ClauseRead {
  kind: unknown;
  texts: Record<string, PMNode | 'invalid'>;
}

function readClause(doc: Y.Doc, clauseId: string): ClauseRead | null {
  const entry = doc.getMap(CLAUSES_KEY).get(clauseId);
  if (!(entry instanceof Y.Map)) return null;
  const texts: Record<string, PMNode | 'invalid'> = {};
  for (const [key, value] of entry.entries()) {
    if (!isLanguageCode(key) || !(value instanceof Y.XmlFragment)) continue;
    try {
      const node = PMNode.fromJSON(schema, yXmlFragmentToProsemirrorJSON(value));
      node.check();
      texts[key] = node;
    } catch {
      texts[key] = 'invalid';
    }
  }
  return { kind: entry.get(KIND_KEY), texts };
}

function sameStructure(before: Y.Doc, after: Y.Doc): boolean {
  const a = clauseOrder(before);
  const b = clauseOrder(after);
  if (a.length !== b.length || a.some((id, i) => id !== b[i])) return false;
  const keysBefore = [...before.getMap(CLAUSES_KEY).keys()].sort();
  const keysAfter = [...after.getMap(CLAUSES_KEY).keys()].sort();
  if (keysBefore.length !== keysAfter.length || keysBefore.some((k, i) => k !== keysAfter[i])) return false;
  // A root type other than `order` and `clauses` is outside the layout (the layout check names it).
  return true;
}

function sameRuns(a: readonly ProposalRun[], b: readonly ProposalRun[]): boolean {
  return a.length === b.length && a.every((run, i) => run.type === b[i].type && run.text === b[i].text);
}

/** Whether `now` is `before` with characters removed (per type: insertions stay insertions, deletions deletions). */
function shrunkFrom(before: readonly ProposalRun[], now: readonly ProposalRun[]): boolean {
  for (const type of ['insertion', 'deletion'] as const) {
    const was = before
      .filter((r) => r.type === type)
      .map((r) => r.text)
      .join('');
    const is = now
      .filter((r) => r.type === type)
      .map((r) => r.text)
      .join('');
    if (!isSubsequence(is, was)) return false;
  }
  return true;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j += 1) if (haystack[j] === needle[i]) i += 1;
  return i === needle.length;
}
