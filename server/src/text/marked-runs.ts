/**
 * Editing the runs of one marked object (a proposal, a bracket) in a clause's Yjs text, for the server
 * commands that decide or clear it: on the Y types themselves, inside the caller's transaction.
 */
import * as Y from 'yjs';

/** A range of one Y.XmlText: `offset` and `length` in its delta. */
export interface TextRange {
  offset: number;
  length: number;
}

/** The ranges of a Y.XmlText whose formatting attribute `mark` has `id` (one per delta op). */
export function rangesWithMark(text: Y.XmlText, mark: string, id: string): TextRange[] {
  const ranges: TextRange[] = [];
  let offset = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    const attr = op.attributes?.[mark] as { id?: unknown } | undefined;
    if (attr?.id === id) ranges.push({ offset, length });
    offset += length;
  }
  return ranges;
}

/**
 * Calls `edit` on every range `rangesOf` finds in every text of `fragment`, from the end of each text
 * so that earlier offsets stay valid; then removes each top-level paragraph the edits emptied entirely
 * (never the fragment's last one). Returns how many ranges it edited.
 */
export function editRanges<R extends TextRange>(
  fragment: Y.XmlFragment,
  rangesOf: (text: Y.XmlText) => R[],
  edit: (text: Y.XmlText, range: R) => void,
): number {
  let edited = 0;
  const emptied = new Set<Y.XmlElement>();
  for (const text of xmlTexts(fragment)) {
    const ranges = rangesOf(text);
    for (const range of ranges.reverse()) {
      edited += 1;
      edit(text, range);
    }
    if (ranges.length > 0 && text.length === 0 && text.parent instanceof Y.XmlElement) emptied.add(text.parent);
  }
  for (const paragraph of emptied) {
    const isEmpty = paragraph.toArray().every((child) => child instanceof Y.XmlText && child.length === 0);
    if (isEmpty && paragraph.parent === fragment && fragment.length > 1) {
      const index = fragment.toArray().indexOf(paragraph);
      if (index >= 0) fragment.delete(index, 1);
    }
  }
  return edited;
}

function* xmlTexts(type: Y.XmlFragment | Y.XmlElement): Generator<Y.XmlText> {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText) yield child;
    else if (child instanceof Y.XmlElement) yield* xmlTexts(child);
  }
}
