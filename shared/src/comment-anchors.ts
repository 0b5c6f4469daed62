/**
 * Comment anchors: a range of a clause text held as two Yjs relative positions, so it follows its
 * words through everybody's edits. The client makes them from a ProseMirror selection; the server
 * and every client resolve them back to ProseMirror positions of the same fragment.
 *
 * The start sticks to the first character of the range and the end to the last one (`assoc` -1), so
 * text typed just before or just after the range stays outside it, and text typed inside it is in.
 * When every character of the range is deleted, both ends meet: the range is empty and the thread
 * says its text was removed.
 */
import * as Y from 'yjs';
import { absolutePositionToRelativePosition, initProseMirrorDoc, relativePositionToAbsolutePosition } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from './schema';
import { COMMENT_QUOTE_MAX, type AnchorInput, type RelativePositionJSON } from './api/comments';

/** y-prosemirror's map from Yjs types to the ProseMirror nodes rendered from them. */
export type ProsemirrorMapping = Map<Y.AbstractType<unknown>, PMNode | PMNode[]>;

/** A fragment rendered as ProseMirror, with the mapping the position helpers need. */
export interface RenderedFragment {
  fragment: Y.XmlFragment;
  doc: PMNode;
  mapping: ProsemirrorMapping;
}

export function renderFragment(fragment: Y.XmlFragment): RenderedFragment {
  const { doc, mapping } = initProseMirrorDoc(fragment, schema) as unknown as { doc: PMNode; mapping: ProsemirrorMapping };
  return { fragment, doc, mapping };
}

/** The anchor of the ProseMirror range [from, to) of a fragment. */
export function anchorFromRange(fragment: Y.XmlFragment, mapping: ProsemirrorMapping, from: number, to: number): AnchorInput {
  if (!(from < to)) throw new RangeError(`An anchor needs a non-empty range, got ${from}..${to}`);
  const start = absolutePositionToRelativePosition(from, fragment, mapping as never) as Y.RelativePosition;
  let end = absolutePositionToRelativePosition(to, fragment, mapping as never) as Y.RelativePosition;
  const doc = fragment.doc;
  const absolute = doc ? Y.createAbsolutePositionFromRelativePosition(end, doc) : null;
  // Stick the end to the character before it, so that typing right after the range stays outside.
  if (absolute && absolute.type instanceof Y.XmlText && absolute.index > 0) {
    end = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1);
  }
  return { start: toJSON(start), end: toJSON(end) };
}

/** Where an anchor is now, in ProseMirror positions of `rendered.doc`; null when it is not in this fragment. */
export function resolveAnchor(ydoc: Y.Doc, rendered: RenderedFragment, anchor: AnchorInput): { from: number; to: number } | null {
  const from = resolvePosition(ydoc, rendered, anchor.start);
  const to = resolvePosition(ydoc, rendered, anchor.end);
  if (from === null || to === null) return null;
  return { from, to: Math.max(from, to) };
}

/** Whether every Yjs item the anchor refers to is known to this document yet. */
export function anchorItemsKnown(ydoc: Y.Doc, anchor: AnchorInput): boolean {
  const known = (id: RelativePositionJSON['item']) => !id || Y.getState(ydoc.store, id.client) > id.clock;
  return [anchor.start, anchor.end].every((p) => known(p.item) && known(p.type));
}

/** The text of a range as the quote and the list show it: blocks separated by line breaks. */
export function rangeText(doc: PMNode, from: number, to: number): string {
  if (!(from < to)) return '';
  return doc.textBetween(from, to, '\n', '\n');
}

export function truncateQuote(text: string): string {
  const chars = [...text];
  return chars.length <= COMMENT_QUOTE_MAX ? text : `${chars.slice(0, COMMENT_QUOTE_MAX - 1).join('')}…`;
}

export function encodeAnchorPosition(position: RelativePositionJSON): Uint8Array {
  return Y.encodeRelativePosition(Y.createRelativePositionFromJSON(position));
}

export function decodeAnchorPosition(bytes: Uint8Array): RelativePositionJSON {
  return toJSON(Y.decodeRelativePosition(bytes));
}

function toJSON(position: Y.RelativePosition): RelativePositionJSON {
  const json = Y.relativePositionToJSON(position) as RelativePositionJSON & { tname?: string | null; type?: unknown; item?: unknown };
  const out: RelativePositionJSON = {};
  if (json.type) out.type = { client: json.type.client, clock: json.type.clock };
  if (typeof json.tname === 'string') out.tname = json.tname;
  if (json.item) out.item = { client: json.item.client, clock: json.item.clock };
  if (typeof json.assoc === 'number') out.assoc = json.assoc;
  return out;
}

function resolvePosition(ydoc: Y.Doc, rendered: RenderedFragment, position: RelativePositionJSON): number | null {
  try {
    const relative = Y.createRelativePositionFromJSON(position);
    const pos = relativePositionToAbsolutePosition(ydoc, rendered.fragment, relative, rendered.mapping as never);
    if (pos === null || pos < 0) return null;
    return Math.min(pos, rendered.doc.content.size);
  } catch {
    // A position into a node the schema could not render (mapping has no entry for it).
    return null;
  }
}
