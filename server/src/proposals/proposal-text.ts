/**
 * Proposals as they stand in the Yjs text of a clause: reading what each one inserts and deletes, and
 * applying a decision — on the Y types themselves, in the caller's transaction, so that a decision is
 * one Yjs change with the gateway's typed origin like any other server write.
 *
 * Accepting: the proposal's insertions lose their mark (they join the agreed text), its deletions are
 * deleted. Rejecting or withdrawing: its insertions are deleted, its deletions lose their mark. A
 * top-level paragraph that a decision empties entirely is removed (a deletion across paragraphs).
 */
import * as Y from 'yjs';
import { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../../shared/src/schema';
import { proposalRuns, type ProposalMarkType, type ProposalRun } from '../../../shared/src/proposals';
import { getClause, readClauseJSON } from '../../../shared/src/yjs-layout';
import { editRanges, rangesWithMark, type TextRange } from '../text/marked-runs';

/** What each proposal of a clause inserts and deletes, per language (languages where it has no run are absent). */
export function clauseProposals(doc: Y.Doc, clauseId: string, languages: readonly string[]): Map<string, Record<string, ProposalRun[]>> {
  const result = new Map<string, Record<string, ProposalRun[]>>();
  if (!getClause(doc, clauseId)) return result;
  for (const lang of languages) {
    let node: PMNode;
    try {
      node = PMNode.fromJSON(schema, readClauseJSON(doc, clauseId, lang));
    } catch {
      continue; // an invalid text holds no proposal anyone can decide on
    }
    for (const [id, runs] of proposalRuns(node)) {
      const entry = result.get(id) ?? {};
      entry[lang] = runs;
      result.set(id, entry);
    }
  }
  return result;
}

export type DecisionEffect = 'accept' | 'reject';

/**
 * Applies a decision on proposal `id` to every language of the clause. Returns how many runs it found
 * (0: the proposal's text is no longer there). Call inside a transaction.
 */
export function applyDecision(doc: Y.Doc, clauseId: string, id: string, effect: DecisionEffect, languages: readonly string[]): number {
  const clause = getClause(doc, clauseId);
  if (!clause) return 0;
  let runs = 0;
  // What disappears and what merely loses its mark.
  const removed: ProposalMarkType = effect === 'accept' ? 'deletion' : 'insertion';
  const kept: ProposalMarkType = effect === 'accept' ? 'insertion' : 'deletion';
  for (const lang of languages) {
    const fragment = clause.get(lang);
    if (!(fragment instanceof Y.XmlFragment)) continue;
    runs += editRanges(
      fragment,
      (text) => segmentsOf(text, id),
      (text, segment) => {
        if (segment.type === removed) text.delete(segment.offset, segment.length);
        else if (segment.type === kept) text.format(segment.offset, segment.length, { [kept]: null });
      },
    );
  }
  return runs;
}

interface Segment extends TextRange {
  type: ProposalMarkType;
}

/** The ranges of one Y.XmlText carrying proposal `id`, as insertion or deletion (a range may carry both: then two segments). */
function segmentsOf(text: Y.XmlText, id: string): Segment[] {
  const segments = (['insertion', 'deletion'] as const).flatMap((type) => rangesWithMark(text, type, id).map((range) => ({ ...range, type })));
  segments.sort((a, b) => a.offset - b.offset);
  // A range that is both (a counter-deletion on this proposal's own insertion) is removed once, not formatted after.
  return segments.filter((s, i) => !(s.type === 'deletion' && segments.some((o, j) => j !== i && o.offset === s.offset && o.type === 'insertion')));
}
