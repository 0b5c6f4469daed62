/**
 * The read-only rendering of a clause text, shown until its editor is mounted: the same DOM the
 * editor would render, so the row keeps its height when the editor replaces it.
 */
import type * as Y from 'yjs';
import { DOMSerializer, Node as PMNode } from 'prosemirror-model';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { schema } from '../../../shared/src/schema';

const serializer = DOMSerializer.fromSchema(schema);

/** The fragment as a ProseMirror doc; an empty or broken text becomes one empty paragraph. */
export function fragmentToDoc(fragment: Y.XmlFragment): PMNode {
  try {
    const doc = PMNode.fromJSON(schema, yXmlFragmentToProsemirrorJSON(fragment));
    doc.check();
    return doc;
  } catch {
    return schema.topNodeType.createAndFill() as PMNode;
  }
}

export function renderStaticText(target: HTMLElement, fragment: Y.XmlFragment): void {
  target.replaceChildren(serializer.serializeFragment(fragmentToDoc(fragment).content));
}
