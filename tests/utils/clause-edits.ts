/**
 * Building and editing bilingual clause text the way an editor does (the shared Yjs layout:
 * paragraphs of Y.XmlText inside each language's Y.XmlFragment), and reading a whole document back
 * as JSON so replicas can be compared.
 */
import * as Y from 'yjs';
import {
  DEFAULT_LANGUAGES,
  clauseFragment,
  clauseKind,
  clauseOrder,
  clausesMap,
  deleteClause,
  insertClause,
  moveClause,
  readClauseJSON,
  restoreClause,
  type NodeJSON,
} from '../../shared/src/index';
import type { Random } from './prng';
import { waitFor } from './wait';

/** What a client-side writer passes as origin: anything but null (layout rule 4). */
export const clientOrigin = { kind: 'server', reason: 'seed' } as const;

const paragraph = (text: string): NodeJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** Adds `count` clauses, each with one paragraph per language; returns their ids in order. */
export function seedClauses(doc: Y.Doc, count: number, prefix = 'c'): string[] {
  const ids: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < count; i += 1) {
    const id = `${prefix}${i}`;
    insertClause(
      doc,
      {
        id,
        kind: 'clause',
        content: {
          en: { type: 'doc', content: [paragraph(`Article ${i + 1}. The Parties shall cooperate.`)] },
          es: { type: 'doc', content: [paragraph(`Artículo ${i + 1}. Las Partes cooperarán.`)] },
        },
      },
      DEFAULT_LANGUAGES,
      after,
      clientOrigin,
    );
    ids.push(id);
    after = id;
  }
  return ids;
}

export interface DocumentJSON {
  order: string[];
  clauses: Record<string, { kind: string; text: Record<string, NodeJSON> }>;
}

/** Everything a reader sees: the order and every clause's text in every language, deleted clauses included. */
export function documentJSON(doc: Y.Doc, languages: readonly string[] = DEFAULT_LANGUAGES): DocumentJSON {
  const clauses: DocumentJSON['clauses'] = {};
  for (const id of [...clausesMap(doc).keys()].sort()) {
    const text: Record<string, NodeJSON> = {};
    for (const lang of languages) text[lang] = readClauseJSON(doc, id, lang);
    clauses[id] = { kind: clauseKind(doc, id), text };
  }
  return { order: clauseOrder(doc), clauses };
}

/** The Y.XmlText of a paragraph, created when the paragraph is still empty. */
function paragraphText(element: Y.XmlElement): Y.XmlText {
  const first = element.get(0);
  if (first instanceof Y.XmlText) return first;
  const text = new Y.XmlText();
  element.insert(0, [text]);
  return text;
}

function paragraphsOf(fragment: Y.XmlFragment): Y.XmlElement[] {
  return fragment.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph');
}

/** Appends `text` to the first paragraph of a clause in one language: what typing at the end does. */
export function typeInto(doc: Y.Doc, clauseId: string, lang: string, text: string): void {
  doc.transact(() => {
    const [first] = paragraphsOf(clauseFragment(doc, clauseId, lang));
    const target = paragraphText(first);
    target.insert(target.length, text);
  }, clientOrigin);
}

const MARKS = ['strong', 'em', 'bracket'] as const;
const ops = [
  'insertText',
  'insertText',
  'insertText',
  'insertText',
  'deleteText',
  'deleteText',
  'format',
  'insertParagraph',
  'deleteParagraph',
  'insertClause',
  'moveClause',
  'deleteClause',
  'restoreClause',
] as const;
export type EditKind = (typeof ops)[number];

/**
 * One random edit a delegate could make: type, delete, format, add or remove a paragraph, or add,
 * move, delete or restore a clause. Half of the text edits go to one "hot" clause so that clients
 * really contend. Returns what it did (for the failure message); `null` when the op did not apply.
 */
export function randomEdit(doc: Y.Doc, random: Random, author: string, hotClause: string): string | null {
  const kind = random.pick(ops);
  const visible = clauseOrder(doc);
  const all = [...clausesMap(doc).keys()];
  if (all.length === 0) return null; // this replica has not received the seeded clauses yet
  const clauseId = random.chance(0.5) && all.includes(hotClause) ? hotClause : random.pick(all);
  const lang = random.pick(DEFAULT_LANGUAGES);
  const fragment = clauseFragment(doc, clauseId, lang);
  const paragraphs = paragraphsOf(fragment);
  const described = (what: string) => `${author} ${kind} ${clauseId}/${lang}: ${what}`;
  switch (kind) {
    case 'insertText': {
      if (paragraphs.length === 0) return null;
      const text = random.text(12);
      const mark = random.chance(0.25) ? { [random.pick(MARKS)]: {} } : undefined;
      let at = 0;
      doc.transact(() => {
        const target = paragraphText(random.pick(paragraphs));
        at = random.int(target.length + 1);
        target.insert(at, text, mark);
      }, clientOrigin);
      return described(`${JSON.stringify(text)} at ${at}${mark ? ` ${Object.keys(mark)[0]}` : ''}`);
    }
    case 'deleteText':
    case 'format': {
      const texts = paragraphs.map((p) => p.get(0)).filter((t): t is Y.XmlText => t instanceof Y.XmlText && t.length > 0);
      if (texts.length === 0) return null;
      const target = random.pick(texts);
      const at = random.int(target.length);
      const length = 1 + random.int(Math.min(8, target.length - at));
      if (kind === 'deleteText') {
        doc.transact(() => target.delete(at, length), clientOrigin);
        return described(`${length} at ${at}`);
      }
      const mark = random.pick(MARKS);
      const on = random.chance(0.7);
      doc.transact(() => target.format(at, length, { [mark]: on ? {} : null }), clientOrigin);
      return described(`${on ? '+' : '-'}${mark} ${length} at ${at}`);
    }
    case 'insertParagraph': {
      const at = random.int(fragment.length + 1);
      const text = random.text(10);
      doc.transact(() => {
        const element = new Y.XmlElement('paragraph');
        element.insert(0, [new Y.XmlText(text)]);
        fragment.insert(at, [element]);
      }, clientOrigin);
      return described(`${JSON.stringify(text)} at ${at}`);
    }
    case 'deleteParagraph': {
      if (fragment.length < 2) return null;
      const at = random.int(fragment.length);
      doc.transact(() => fragment.delete(at, 1), clientOrigin);
      return described(`at ${at}`);
    }
    case 'insertClause': {
      const id = `${author}_${all.length}_${random.int(1e6)}`;
      const after = random.chance(0.2) || visible.length === 0 ? null : random.pick(visible);
      insertClause(
        doc,
        { id, kind: 'clause', content: { en: { type: 'doc', content: [paragraph(random.text(10))] } } },
        DEFAULT_LANGUAGES,
        after,
        clientOrigin,
      );
      return `${author} insertClause ${id} after ${after}`;
    }
    case 'moveClause': {
      if (visible.length < 2) return null;
      const id = random.pick(visible);
      const others = visible.filter((v) => v !== id);
      const after = random.chance(0.2) ? null : random.pick(others);
      moveClause(doc, id, after, clientOrigin);
      return `${author} moveClause ${id} after ${after}`;
    }
    case 'deleteClause': {
      if (visible.length < 2) return null;
      const id = random.pick(visible);
      deleteClause(doc, id, clientOrigin);
      return `${author} deleteClause ${id}`;
    }
    case 'restoreClause': {
      const deleted = all.filter((id) => !visible.includes(id));
      if (deleted.length === 0) return null;
      const id = random.pick(deleted);
      const after = visible.length === 0 || random.chance(0.2) ? null : random.pick(visible);
      restoreClause(doc, id, after, clientOrigin);
      return `${author} restoreClause ${id} after ${after}`;
    }
  }
}

/** JSON with object keys sorted, so equal documents give equal strings whatever the attribute order. */
export function canonicalJSON(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Whether two replicas hold the same state: equal state vectors, equal delete sets, equal text. */
export function sameState(a: Y.Doc, b: Y.Doc): boolean {
  if (!Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b))) return false;
  return canonicalJSON(documentJSON(a)) === canonicalJSON(documentJSON(b));
}

/**
 * Waits until every replica holds the same state as the first; on timeout, throws naming the
 * replicas that differ and their state vectors.
 */
export async function waitForConvergence(replicas: { name: string; doc: Y.Doc }[], timeoutMs = 10_000): Promise<void> {
  const [first, ...rest] = replicas;
  const differing = () => rest.filter((r) => !sameState(first.doc, r.doc));
  const sv = (doc: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))]);
  await waitFor(
    () => differing().length === 0,
    () =>
      `the replicas to converge: ${differing()
        .map((r) => r.name)
        .join(', ')} differ from ${first.name}.\n` + replicas.map((r) => `  ${r.name}: state vector ${sv(r.doc)}`).join('\n'),
    timeoutMs,
  );
}
