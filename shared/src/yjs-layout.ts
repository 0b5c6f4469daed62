/**
 * The public Yjs contract of a Concordia document (docs/document-model.md is its prose form).
 *
 *   ydoc.getArray<string>('order')             clause ids in document order
 *   ydoc.getMap<Y.Map<unknown>>('clauses')     clause id → Y.Map {
 *                                                 kind: 'preamble' | 'heading' | 'clause' | 'final',
 *                                                 <language code>: Y.XmlFragment (schema.ts), one per language
 *                                               }
 *
 * Rules every writer keeps and every reader relies on:
 * 1. Deleting a clause removes its id from `order` and keeps its entry in `clauses`, so comments and
 *    approvals keep their clause and undo only has to put the id back.
 * 2. A move is a delete and an insert of the id in one transaction. Concurrent moves of one clause can
 *    leave its id twice in `order`; readers take the first occurrence (`clauseOrder`).
 * 3. Ids in `order` without an entry in `clauses` are skipped by readers.
 * 4. Every mutation is one `ydoc.transact` carrying the caller's origin, never null: that is how the
 *    server tells a client's edit from its own.
 * 5. Readers take what is stored defensively: a peer may have written anything. A clause whose kind is
 *    not one of CLAUSE_KINDS is listed as an article (`UNKNOWN_KIND_READS_AS`) and its text counts as
 *    invalid (no fingerprint); a text nested deeper than MAX_TEXT_DEPTH is not read at all.
 */
import * as Y from 'yjs';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { Node as PMNode } from 'prosemirror-model';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { emptyDocJSON, schema, type NodeJSON } from './schema';
import { assertLanguageList, type LanguageCode } from './languages';

export const ORDER_KEY = 'order';
export const CLAUSES_KEY = 'clauses';
export const KIND_KEY = 'kind';

export const CLAUSE_KINDS = ['preamble', 'heading', 'clause', 'final'] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/** URL-safe, short enough for a path segment; never a language code (those have no '_'). */
export const CLAUSE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** How a reader lists a clause whose stored kind is outside CLAUSE_KINDS: as an article, with invalid text. */
export const UNKNOWN_KIND_READS_AS: ClauseKind = 'clause';

/**
 * The deepest nesting of elements a clause text may have (the fragment's children are at depth 1; a list
 * item inside a list inside a paragraph's sibling is two levels per list). Fifteen levels of lists fit;
 * deeper is refused at receipt and never read, so no reader recurses without bound.
 */
export const MAX_TEXT_DEPTH = 32;

export type ClauseMap = Y.Map<unknown>;

export interface NewClause {
  id: string;
  kind: ClauseKind;
  /** A ProseMirror `doc` per language; a language left out starts as one empty paragraph. */
  content?: Record<LanguageCode, NodeJSON>;
}

export function isClauseKind(value: unknown): value is ClauseKind {
  return typeof value === 'string' && (CLAUSE_KINDS as readonly string[]).includes(value);
}

export function orderArray(ydoc: Y.Doc): Y.Array<string> {
  return ydoc.getArray<string>(ORDER_KEY);
}

export function clausesMap(ydoc: Y.Doc): Y.Map<ClauseMap> {
  return ydoc.getMap<ClauseMap>(CLAUSES_KEY);
}

/** The clause ids a reader shows, in order: first occurrence wins, ids without a clause entry are skipped. */
export function clauseOrder(ydoc: Y.Doc): string[] {
  const clauses = clausesMap(ydoc);
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const id of orderArray(ydoc).toArray()) {
    if (typeof id !== 'string' || seen.has(id) || !(clauses.get(id) instanceof Y.Map)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

/** The clause entry, deleted or not; undefined when the document never had this clause. */
export function getClause(ydoc: Y.Doc, id: string): ClauseMap | undefined {
  const clause = clausesMap(ydoc).get(id);
  return clause instanceof Y.Map ? clause : undefined;
}

/** The clause's kind; throws a RangeError naming it when the stored kind is not one of CLAUSE_KINDS. */
export function clauseKind(ydoc: Y.Doc, id: string): ClauseKind {
  const kind = requireClause(ydoc, id).get(KIND_KEY);
  if (!isClauseKind(kind)) {
    throw new RangeError(`Clause ${id} has the kind ${describe(kind)}, which is not one of ${CLAUSE_KINDS.join(', ')}`);
  }
  return kind;
}

/** The clause's stored kind, or null when a peer stored anything else; throws when there is no such clause. */
export function storedClauseKind(ydoc: Y.Doc, id: string): ClauseKind | null {
  const kind = requireClause(ydoc, id).get(KIND_KEY);
  return isClauseKind(kind) ? kind : null;
}

/**
 * The visible clauses with their kinds, in order: the input of `numberClauses`. Never throws on what is
 * stored: a clause with an unknown kind is listed as `UNKNOWN_KIND_READS_AS` (rule 5); readers that
 * decide on its text (approvals, versions) check `storedClauseKind` and count it as invalid.
 */
export function clauseItems(ydoc: Y.Doc): { id: string; kind: ClauseKind }[] {
  return clauseOrder(ydoc).map((id) => ({ id, kind: storedClauseKind(ydoc, id) ?? UNKNOWN_KIND_READS_AS }));
}

export function clauseFragment(ydoc: Y.Doc, id: string, lang: LanguageCode): Y.XmlFragment {
  const fragment = requireClause(ydoc, id).get(lang);
  if (!(fragment instanceof Y.XmlFragment)) throw new RangeError(`Clause ${id} has no text in the language "${lang}"`);
  return fragment;
}

/**
 * The clause text in one language as ProseMirror JSON (a `doc` node). Throws a RangeError when there is
 * no fragment for the language or its nesting goes deeper than MAX_TEXT_DEPTH (read without recursion,
 * so a hostile depth never exhausts the stack). The JSON may still be outside the schema: the canonical
 * form (canonical.ts) is what refuses it.
 */
export function readClauseJSON(ydoc: Y.Doc, id: string, lang: LanguageCode): NodeJSON {
  const fragment = clauseFragment(ydoc, id, lang);
  const depth = textDepth(fragment, MAX_TEXT_DEPTH + 1);
  if (depth > MAX_TEXT_DEPTH) throw new RangeError(`The text of clause ${id} in "${lang}" is nested deeper than ${MAX_TEXT_DEPTH} levels`);
  return yXmlFragmentToProsemirrorJSON(fragment) as NodeJSON;
}

/** The deepest nesting of elements under `fragment` (its children are at depth 1), counted up to `stopAt`. */
export function textDepth(fragment: Y.XmlFragment, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const pending: Array<[Y.XmlFragment, number]> = [[fragment, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const childDepth = depth + 1;
      if (childDepth > deepest) deepest = childDepth;
      if (deepest >= stopAt) return deepest;
      pending.push([child, childDepth]);
    }
  }
  return deepest;
}

/** Adds a clause with a fragment for every language, placed after `afterId` (or first when null). */
export function insertClause(ydoc: Y.Doc, clause: NewClause, languages: readonly LanguageCode[], afterId: string | null, origin: unknown): void {
  const { id, kind, content = {} } = clause;
  assertOrigin(origin, 'insert a clause');
  assertClauseId(id);
  if (!isClauseKind(kind)) {
    throw new RangeError(`Cannot insert clause ${id}: its kind ${JSON.stringify(kind)} is not one of ${CLAUSE_KINDS.join(', ')}`);
  }
  assertLanguageList(languages);
  for (const lang of Object.keys(content)) {
    if (!languages.includes(lang)) {
      throw new RangeError(`Cannot insert clause ${id}: it has text in "${lang}", which is not one of the document's languages (${languages.join(', ')})`);
    }
  }
  if (clausesMap(ydoc).has(id)) throw new RangeError(`Cannot insert clause ${id}: a clause with this id already exists`);
  const docs = languages.map((lang) => [lang, parseDoc(content[lang] ?? emptyDocJSON(), `clause ${id} in "${lang}"`)] as const);
  const index = indexAfter(ydoc, afterId, `insert clause ${id}`);

  ydoc.transact(() => {
    const entry = new Y.Map<unknown>();
    clausesMap(ydoc).set(id, entry);
    entry.set(KIND_KEY, kind);
    for (const [lang, doc] of docs) {
      const fragment = new Y.XmlFragment();
      entry.set(lang, fragment);
      prosemirrorJSONToYXmlFragment(schema, doc.toJSON(), fragment);
    }
    orderArray(ydoc).insert(index, [id]);
  }, origin);
}

/** Moves a visible clause after `afterId` (or first when null): a delete and an insert in one transaction. */
export function moveClause(ydoc: Y.Doc, id: string, afterId: string | null, origin: unknown): void {
  assertOrigin(origin, 'move a clause');
  requireVisible(ydoc, id, 'move');
  if (afterId === id) throw new RangeError(`Cannot move clause ${id} after itself`);
  indexAfter(ydoc, afterId, `move clause ${id}`);
  ydoc.transact(() => {
    removeFromOrder(ydoc, id);
    orderArray(ydoc).insert(indexAfter(ydoc, afterId, `move clause ${id}`), [id]);
  }, origin);
}

/** Takes a clause out of the order; its entry, texts, comments and approvals stay. */
export function deleteClause(ydoc: Y.Doc, id: string, origin: unknown): void {
  assertOrigin(origin, 'delete a clause');
  requireVisible(ydoc, id, 'delete');
  ydoc.transact(() => removeFromOrder(ydoc, id), origin);
}

/** Puts a deleted clause back into the order, after `afterId` (or first when null). */
export function restoreClause(ydoc: Y.Doc, id: string, afterId: string | null, origin: unknown): void {
  assertOrigin(origin, 'restore a clause');
  requireClause(ydoc, id);
  if (clauseOrder(ydoc).includes(id)) throw new RangeError(`Cannot restore clause ${id}: it is not deleted`);
  const index = indexAfter(ydoc, afterId, `restore clause ${id}`);
  ydoc.transact(() => orderArray(ydoc).insert(index, [id]), origin);
}

/** A fresh random clause id: "c_" and 16 hex digits (64 bits), from the platform's CSPRNG. */
export function newClauseId(): string {
  return `c_${bytesToHex(randomBytes(8))}`;
}

/**
 * The same clause id every time for one document and one key, so seeding twice creates nothing twice:
 * "c_" and the first 16 hex digits of SHA-256(UTF-8(JSON.stringify(["concordia.clause-id", documentId, key]))).
 */
export function clauseIdFromKey(documentId: string, key: string): string {
  const input = JSON.stringify(['concordia.clause-id', documentId, key]);
  return `c_${bytesToHex(sha256(new TextEncoder().encode(input))).slice(0, 16)}`;
}

/** A stored value for a message: JSON when it has a JSON form, else its type. */
function describe(value: unknown): string {
  if (value instanceof Y.AbstractType) return `a ${value.constructor.name}`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function assertOrigin(origin: unknown, action: string): void {
  if (origin === null || origin === undefined) {
    throw new RangeError(`Cannot ${action} without a transaction origin: pass the origin of this change`);
  }
}

function assertClauseId(id: unknown): void {
  if (typeof id !== 'string' || !CLAUSE_ID_PATTERN.test(id)) {
    throw new RangeError(`${JSON.stringify(id)} is not a clause id (1 to 64 letters, digits, "_" or "-")`);
  }
}

function requireClause(ydoc: Y.Doc, id: string): ClauseMap {
  const clause = getClause(ydoc, id);
  if (!clause) throw new RangeError(`There is no clause ${id} in this document`);
  return clause;
}

function requireVisible(ydoc: Y.Doc, id: string, verb: string): void {
  requireClause(ydoc, id);
  if (!clauseOrder(ydoc).includes(id)) throw new RangeError(`Cannot ${verb} clause ${id}: it is deleted`);
}

/** The index in `order` right after the first occurrence of `afterId`; 0 when null. */
function indexAfter(ydoc: Y.Doc, afterId: string | null, action: string): number {
  if (afterId === null) return 0;
  if (!clauseOrder(ydoc).includes(afterId)) {
    throw new RangeError(`Cannot ${action} after clause ${afterId}: it is not in the document order`);
  }
  return orderArray(ydoc).toArray().indexOf(afterId) + 1;
}

function removeFromOrder(ydoc: Y.Doc, id: string): void {
  const order = orderArray(ydoc);
  const ids = order.toArray();
  for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === id) order.delete(i, 1);
}

function parseDoc(json: NodeJSON, what: string): PMNode {
  let doc: PMNode;
  try {
    doc = PMNode.fromJSON(schema, json);
    doc.check();
  } catch (error) {
    throw new RangeError(`The text of ${what} is not a valid clause text: ${(error as Error).message}`, { cause: error });
  }
  if (doc.type !== schema.topNodeType) {
    throw new RangeError(`The text of ${what} must be a doc node, got ${doc.type.name}`);
  }
  return doc;
}
