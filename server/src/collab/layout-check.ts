/**
 * What in a Y.Doc breaks the layout contract of docs/document-model.md (§2 roots and clause entries,
 * §3 the clause text schema), as sentences for the log. Pure: it reads the document and changes nothing
 * in it, so it can judge a probe copy with an incoming update applied before the real document sees it.
 *
 * What it checks, in the clauses asked about (or every clause with 'all'):
 *  - the entry is a Y.Map under an id matching CLAUSE_ID_PATTERN, and was not deleted (§4.1);
 *  - `kind` is one of CLAUSE_KINDS; every language of the document has a Y.XmlFragment, and there is no
 *    other key;
 *  - each fragment holds something, and only elements of the schema (shared/src/schema.ts, read from
 *    `schema` itself so new nodes and marks need no change here), each where its parent's content may
 *    hold it, with attributes the node defines and accepts; text carries only the schema's marks (by
 *    y-prosemirror's attribute names) with attributes the mark accepts; nothing is nested deeper than
 *    MAX_TEXT_DEPTH.
 * And, unless `{ structure: false }`: the root types are only `order` (a Y.Array of clause ids matching
 * the pattern) and `clauses` (a Y.Map).
 *
 * Sequence rules of the content expressions (a list item starting with a paragraph, a list holding at
 * least one item) are not checked: concurrent edits merged by Yjs can break them without anyone writing
 * anything wrong, and the canonical form then reports that text as invalid (no hash) until it is fixed.
 */
import * as Y from 'yjs';
import type { MarkType, NodeType } from 'prosemirror-model';
import { schema } from '../../../shared/src/schema';
import { CLAUSE_ID_PATTERN, CLAUSE_KINDS, CLAUSES_KEY, KIND_KEY, MAX_TEXT_DEPTH, ORDER_KEY, isClauseKind } from '../../../shared/src/yjs-layout';

/** Enough to say what is wrong; a hostile update could otherwise fill the log with one line per node. */
export const MAX_VIOLATIONS = 20;

export interface LayoutCheckOptions {
  /**
   * Check the root types and every value of `order` (default true). A caller checking the clauses an
   * update touched passes false when the update did not touch `order` or add a root, so that something
   * stored before this check existed does not refuse every later edit.
   */
  structure?: boolean;
}

export function layoutViolations(doc: Y.Doc, languages: readonly string[], clauseIds: ReadonlySet<string> | 'all', options: LayoutCheckOptions = {}): string[] {
  const out = new Violations();
  if (options.structure ?? true) checkStructure(doc, out);
  const clauses = rootOf(doc, CLAUSES_KEY, Y.Map, out);
  if (clauses) {
    const ids = clauseIds === 'all' ? [...clauses.keys()] : [...clauseIds];
    for (const id of ids) {
      if (out.full) break;
      checkClause(id, clauses, languages, out);
    }
  }
  return out.list();
}

/** The sentences found, up to MAX_VIOLATIONS; one more found ends the check (`full`) with a last line saying so. */
class Violations {
  private readonly items: string[] = [];
  private stopped = false;

  add(sentence: string): void {
    if (this.items.length < MAX_VIOLATIONS) this.items.push(sentence);
    else this.stopped = true;
  }

  get full(): boolean {
    return this.stopped;
  }

  list(): string[] {
    return this.stopped ? [...this.items, `… and more (the check stops after ${MAX_VIOLATIONS})`] : [...this.items];
  }
}

type RootConstructor = typeof Y.Array | typeof Y.Map;

/** The root as the contract types it; null (and a violation) when a peer made it something else. */
function rootOf<C extends RootConstructor>(doc: Y.Doc, key: string, type: C, out: Violations): InstanceType<C> | null {
  let root: Y.Array<unknown> | Y.Map<unknown>;
  try {
    root = type === Y.Array ? doc.getArray<unknown>(key) : doc.getMap<unknown>(key);
  } catch {
    out.add(`the root "${key}" is not a ${type === Y.Array ? 'Y.Array' : 'Y.Map'}`);
    return null;
  }
  // A root has no type on the wire: map entries written into the array (or items into the map) are foreign.
  if (type === Y.Array && root._map.size > 0)
    out.add(`the root "${key}" has map entries (${[...root._map.keys()].slice(0, 3).map(quote).join(', ')}); it is a Y.Array`);
  if (type === Y.Map && root._start !== null) out.add(`the root "${key}" has array items; it is a Y.Map`);
  return root as InstanceType<C>;
}

function checkStructure(doc: Y.Doc, out: Violations): void {
  for (const key of doc.share.keys()) {
    if (key !== ORDER_KEY && key !== CLAUSES_KEY) out.add(`the root "${key}" is not part of the layout (only "${ORDER_KEY}" and "${CLAUSES_KEY}")`);
  }
  const order = rootOf(doc, ORDER_KEY, Y.Array, out);
  if (!order) return;
  let index = 0;
  for (const value of order.toArray() as unknown[]) {
    if (out.full) return;
    if (typeof value !== 'string') out.add(`order[${index}] is ${describe(value)}, not a clause id`);
    else if (!CLAUSE_ID_PATTERN.test(value)) out.add(`order[${index}] is ${quote(value)}, which is not a clause id (1 to 64 letters, digits, "_" or "-")`);
    index += 1;
  }
}

function checkClause(id: string, clauses: Y.Map<unknown>, languages: readonly string[], out: Violations): void {
  const where = `clause ${quote(id)}`;
  if (!CLAUSE_ID_PATTERN.test(id)) out.add(`${where}: the id is not a clause id (1 to 64 letters, digits, "_" or "-")`);
  if (!clauses.has(id)) {
    out.add(`${where}: its entry was deleted (entries are never deleted; a deleted clause only leaves "${ORDER_KEY}")`);
    return;
  }
  const entry = clauses.get(id);
  if (!(entry instanceof Y.Map)) {
    out.add(`${where}: the entry is ${describe(entry)}, not a Y.Map`);
    return;
  }
  const kind: unknown = entry.get(KIND_KEY);
  if (!isClauseKind(kind)) out.add(`${where}: the kind is ${describe(kind)}, not one of ${CLAUSE_KINDS.join(', ')}`);
  for (const key of entry.keys()) {
    if (key !== KIND_KEY && !languages.includes(key))
      out.add(`${where}: the key ${quote(key)} is neither "${KIND_KEY}" nor a language of the document (${languages.join(', ')})`);
  }
  for (const lang of languages) {
    const fragment = entry.get(lang);
    if (!(fragment instanceof Y.XmlFragment) || fragment instanceof Y.XmlElement) {
      out.add(`${where} in "${lang}": the text is ${fragment === undefined ? 'missing' : describe(fragment)}, not a Y.XmlFragment`);
    } else {
      checkFragment(fragment, `${where} in "${lang}"`, out);
    }
  }
}

/** Walks the text without recursion (a hostile depth must not exhaust the stack), stopping below MAX_TEXT_DEPTH. */
function checkFragment(fragment: Y.XmlFragment, where: string, out: Violations): void {
  // An empty text is not refused: two people each deleting one of two paragraphs at once leave it empty,
  // honestly. Readers treat it as invalid text (no fingerprint, blocks the freeze) until someone writes in it.
  const pending: Array<{ node: Y.XmlFragment; type: NodeType; depth: number; path: string }> = [
    { node: fragment, type: schema.topNodeType, depth: 0, path: schema.topNodeType.name },
  ];
  while (pending.length > 0 && !out.full) {
    const { node, type, depth, path } = pending.pop()!;
    const allowed = allowedChildren(type);
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement) {
        const name = child.nodeName;
        const childType = Object.hasOwn(schema.nodes, name) ? schema.nodes[name] : undefined;
        const childPath = `${path} > ${name}`;
        if (!childType || childType.isText) {
          out.add(`${where}: the element ${quote(name)} (in ${path}) is not in the schema`);
          continue;
        }
        if (!allowed.has(childType)) out.add(`${where}: ${quote(name)} cannot stand in ${quote(type.name)} (${path})`);
        checkAttributes(child, childType, `${where}: ${childPath}`, out);
        if (depth + 1 > MAX_TEXT_DEPTH) {
          out.add(`${where}: the text is nested deeper than ${MAX_TEXT_DEPTH} levels`);
          return;
        }
        if (childType.isLeaf) {
          if (child.length > 0) out.add(`${where}: ${quote(name)} holds content, but it is a leaf (${childPath})`);
        } else {
          pending.push({ node: child, type: childType, depth: depth + 1, path: childPath });
        }
      } else if (child instanceof Y.XmlText) {
        if (!allowed.has(schema.nodes.text)) out.add(`${where}: text cannot stand in ${quote(type.name)} (${path})`);
        checkText(child, `${where}: text in ${path}`, out);
      } else {
        out.add(`${where}: ${describe(child)} (in ${path}) is neither an element nor text`);
      }
    }
  }
}

function checkAttributes(element: Y.XmlElement, type: NodeType, where: string, out: Violations): void {
  const attrs = element.getAttributes() as Record<string, unknown>;
  for (const key of Object.keys(attrs)) {
    if (!Object.hasOwn(type.spec.attrs ?? {}, key)) out.add(`${where}: the attribute ${quote(key)} is not defined by ${quote(type.name)}`);
  }
  try {
    type.create(attrs);
  } catch (error) {
    out.add(`${where}: ${(error as Error).message}`);
  }
}

/** Formatting attributes of Y.XmlText are marks, named as y-prosemirror names them (`name` or `name--hash`). */
function checkText(text: Y.XmlText, where: string, out: Violations): void {
  const seen = new Set<string>();
  for (const op of text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>) {
    if (typeof op.insert !== 'string') out.add(`${where}: holds an embedded ${describe(op.insert)}, not text`);
    for (const [attribute, value] of Object.entries(op.attributes ?? {})) {
      if (seen.has(attribute)) continue;
      seen.add(attribute);
      const name = markName(attribute);
      const type: MarkType | undefined = Object.hasOwn(schema.marks, name) ? schema.marks[name] : undefined;
      if (!type) {
        out.add(`${where}: the mark ${quote(name)} is not in the schema`);
        continue;
      }
      if (value !== null && value !== undefined && (typeof value !== 'object' || Array.isArray(value))) {
        out.add(`${where}: the mark ${quote(name)} has attributes ${describe(value)}, not an object`);
        continue;
      }
      try {
        type.create((value as Record<string, unknown> | null) ?? undefined);
      } catch (error) {
        out.add(`${where}: the mark ${quote(name)}: ${(error as Error).message}`);
      }
      for (const key of Object.keys((value as object | null) ?? {})) {
        if (!Object.hasOwn(type.spec.attrs ?? {}, key)) out.add(`${where}: the attribute ${quote(key)} is not defined by the mark ${quote(name)}`);
      }
    }
  }
}

const HASHED_MARK_NAME = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

function markName(attribute: string): string {
  return HASHED_MARK_NAME.exec(attribute)?.[1] ?? attribute;
}

const childrenOf = new Map<NodeType, Set<NodeType>>();

/** Every node type that may appear anywhere in `type`'s content expression. */
function allowedChildren(type: NodeType): Set<NodeType> {
  let allowed = childrenOf.get(type);
  if (allowed) return allowed;
  allowed = new Set();
  const seen = new Set([type.contentMatch]);
  const pending = [type.contentMatch];
  while (pending.length > 0) {
    const match = pending.pop()!;
    for (let i = 0; i < match.edgeCount; i += 1) {
      const edge = match.edge(i);
      allowed.add(edge.type);
      if (!seen.has(edge.next)) {
        seen.add(edge.next);
        pending.push(edge.next);
      }
    }
  }
  childrenOf.set(type, allowed);
  return allowed;
}

function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof Y.Doc) return 'a Y.Doc';
  if (value instanceof Y.XmlElement) return `a Y.XmlElement ${quote(value.nodeName)}`;
  if (value instanceof Y.XmlText) return 'a Y.XmlText';
  if (value instanceof Y.XmlFragment) return 'a Y.XmlFragment';
  if (value instanceof Y.Text) return 'a Y.Text';
  if (value instanceof Y.Array) return 'a Y.Array';
  if (value instanceof Y.Map) return 'a Y.Map';
  if (value instanceof Y.AbstractType) return 'a Yjs type';
  if (value instanceof Uint8Array) return `${value.length} bytes`;
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  return `the ${typeof value} ${String(value)}`;
}
