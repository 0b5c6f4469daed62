/**
 * The canonical form of a clause text: what approvals hash and exports render.
 *
 * The canonical form is that of the agreed text: open proposals (shared/src/proposals.ts) are left out
 * first, so tabling a proposal changes no fingerprint and accepting one changes it like an edit.
 *
 * Two texts that read the same must hash the same, whichever editor, peer or import produced them, so
 * the canonical form erases every difference ProseMirror JSON can carry without changing the text:
 *   - the JSON is read through the schema (unknown attributes dropped, defaults filled in, invalid
 *     structure rejected with a RangeError);
 *   - adjacent text nodes with the same marks are merged, then their text is put in Unicode NFC;
 *   - marks are sorted by name; attrs that are empty are left out; so are empty `content` and `marks`;
 *   - object keys are in sorted order.
 * The string form is the RFC 8785 (JCS) serialisation of that value. Everything here is pure and
 * synchronous and gives the same bytes in the browser and in Node. docs/document-model.md specifies it
 * for third parties; tests/unit/shared/fingerprint-vectors.json pins it.
 */
import { Node as PMNode, type Mark } from 'prosemirror-model';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { schema, type NodeJSON } from './schema';
import { agreedNode } from './proposals';
import { withoutBracketIds } from './brackets';
import { assertLanguageList, type LanguageCode } from './languages';
import { CLAUSE_KINDS, isClauseKind, type ClauseKind } from './yjs-layout';

/** A canonical node: the keys that are present appear in this (sorted) order. */
export interface CanonicalNode {
  attrs?: Record<string, unknown>;
  content?: CanonicalNode[];
  marks?: CanonicalMark[];
  text?: string;
  type: string;
}

export interface CanonicalMark {
  attrs?: Record<string, unknown>;
  type: string;
}

/** The first line of every fingerprint envelope; a new canonical form gets a new version. */
export const FINGERPRINT_VERSION = 'concordia.clause.v1';

const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** The canonical form of the agreed text: open proposals are left out (insertions absent, deletions present). */
export function canonicalJSON(pmJson: NodeJSON): CanonicalNode {
  // A bracket's id is bookkeeping, not text: the mark is hashed, its id left out (docs/document-model.md).
  return canonicalNode(withoutBracketIds(agreedNode(parseClauseText(pmJson))));
}

export function canonicalString(pmJson: NodeJSON): string {
  return serialize(canonicalJSON(pmJson));
}

/** Hex SHA-256 of the UTF-8 bytes of `canonicalString`: what a Participant's approval of one language covers. */
export function languageHash(pmJson: NodeJSON): string {
  return sha256Hex(canonicalString(pmJson));
}

/**
 * The bytes a clause fingerprint hashes, as a string of ASCII lines each ending in "\n":
 *   concordia.clause.v1
 *   kind=<kind>
 *   <language>=<languageHash>     one line per language, in ascending order of the code
 */
export function fingerprintEnvelope(kind: ClauseKind, hashes: Record<LanguageCode, string>): string {
  if (!isClauseKind(kind)) {
    throw new RangeError(`Cannot fingerprint a clause of kind ${JSON.stringify(kind)}: the kinds are ${CLAUSE_KINDS.join(', ')}`);
  }
  const languages = Object.keys(hashes).sort();
  assertLanguageList(languages);
  const lines = [FINGERPRINT_VERSION, `kind=${kind}`];
  for (const lang of languages) {
    const hash = hashes[lang];
    if (typeof hash !== 'string' || !HASH_PATTERN.test(hash)) {
      throw new RangeError(`The hash of "${lang}" must be 64 lower-case hex digits, got ${JSON.stringify(hash)}`);
    }
    lines.push(`${lang}=${hash}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** Hex SHA-256 of the envelope, for when the language hashes are already known (e.g. stored). */
export function clauseFingerprintFromHashes(clause: { kind: ClauseKind; hashes: Record<LanguageCode, string> }): string {
  return sha256Hex(fingerprintEnvelope(clause.kind, clause.hashes));
}

/** What an approval of the whole clause covers: its kind and its text in every language. */
export function clauseFingerprint(clause: { kind: ClauseKind; texts: Record<LanguageCode, NodeJSON> }): string {
  const hashes: Record<LanguageCode, string> = {};
  for (const [lang, text] of Object.entries(clause.texts)) hashes[lang] = languageHash(text);
  return clauseFingerprintFromHashes({ kind: clause.kind, hashes });
}

/**
 * The text for plain-text exports and diffs, from the canonical form: blocks of the doc separated by a
 * blank line ("\n\n"), list items by "\n", each item prefixed with "<n>. " (ordered, counting from the
 * list's `order`) or "• " (bullets) and its further lines indented by the prefix's width; hard_break is "\n".
 */
export function plainText(pmJson: NodeJSON): string {
  return (canonicalJSON(pmJson).content ?? []).map(blockText).join('\n\n');
}

function parseClauseText(pmJson: NodeJSON): PMNode {
  const doc = PMNode.fromJSON(schema, pmJson);
  if (doc.type !== schema.topNodeType) throw new RangeError(`A clause text must be a doc node, got ${doc.type.name}`);
  doc.check();
  return doc;
}

function canonicalNode(node: PMNode): CanonicalNode {
  const result: CanonicalNode = { type: node.type.name };
  const attrs = canonicalAttrs(node.attrs);
  if (attrs) result.attrs = attrs;
  const content = canonicalContent(node);
  if (content.length > 0) result.content = content;
  const marks = canonicalMarks(node.marks);
  if (marks.length > 0) result.marks = marks;
  if (node.isText) result.text = (node.text ?? '').normalize('NFC');
  return sortKeys(result) as CanonicalNode;
}

function canonicalContent(node: PMNode): CanonicalNode[] {
  const merged: PMNode[] = [];
  node.forEach((child) => {
    const last = merged[merged.length - 1];
    if (last?.isText && child.isText && child.sameMarkup(last)) {
      merged[merged.length - 1] = schema.text((last.text ?? '') + (child.text ?? ''), last.marks);
    } else {
      merged.push(child);
    }
  });
  return merged.map(canonicalNode);
}

function canonicalMarks(marks: readonly Mark[]): CanonicalMark[] {
  return marks
    .map((mark): CanonicalMark => {
      // A bracket's id is not hashed (docs/document-model.md): the mark is, as before brackets had ids.
      if (mark.type === schema.marks.bracket) return { type: mark.type.name };
      const attrs = canonicalAttrs(mark.attrs);
      return attrs ? { attrs, type: mark.type.name } : { type: mark.type.name };
    })
    .sort((a, b) => compareCodeUnits(a.type, b.type));
}

function canonicalAttrs(attrs: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = Object.keys(attrs).filter((key) => attrs[key] !== undefined);
  return keys.length > 0 ? (sortKeys(Object.fromEntries(keys.map((key) => [key, attrs[key]]))) as Record<string, unknown>) : undefined;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareCodeUnits)) {
    const entry = (value as Record<string, unknown>)[key];
    if (entry !== undefined) sorted[key] = sortKeys(entry);
  }
  return sorted;
}

/**
 * RFC 8785: keys sorted by UTF-16 code units, ECMAScript number and string serialisation, no whitespace;
 * keys whose value is undefined are left out. The one canonical JSON of Concordia: clause texts, version
 * records and export envelopes, and the audit chain's rows (server/src/audit/record-event.ts) hash it.
 */
export function serialize(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`A canonical text cannot hold the number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(compareCodeUnits);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${serialize(record[key])}`).join(',')}}`;
  }
  throw new RangeError(`A canonical text cannot hold a value of type ${typeof value}`);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sha256Hex(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}

function blockText(node: CanonicalNode): string {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      return children.map((child) => (child.type === 'hard_break' ? '\n' : (child.text ?? ''))).join('');
    case 'ordered_list': {
      const start = typeof node.attrs?.order === 'number' ? node.attrs.order : 1;
      return children.map((item, i) => prefixLines(`${start + i}. `, itemText(item))).join('\n');
    }
    case 'bullet_list':
      return children.map((item) => prefixLines('• ', itemText(item))).join('\n');
    default:
      throw new RangeError(`Cannot render a ${node.type} node as a block of plain text`);
  }
}

function itemText(item: CanonicalNode): string {
  return (item.content ?? []).map(blockText).join('\n');
}

function prefixLines(prefix: string, text: string): string {
  const indent = ' '.repeat(prefix.length);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? prefix + line : line === '' ? '' : indent + line))
    .join('\n');
}
