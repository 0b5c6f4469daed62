/** What the scale tests type and read back: `~w<writer>.<n>~` markers appended to clause c0, in either language. */
import * as Y from 'yjs';
import type { CollabClient } from '../../utils/collab-client';
import { clauseFragment, getClause } from '../../../shared/src/index';

/** Every marker in both languages of clause c0. */
export function markers(doc: Y.Doc): Set<string> {
  if (!getClause(doc, 'c0')) return new Set();
  const text = ['en', 'es'].map((lang) => clauseFragment(doc, 'c0', lang).toString()).join('');
  return new Set(text.match(/~w\d+\.\d+~/g) ?? []);
}

/** Appends `marker` to the first paragraph of c0 in `lang`, as one update. */
export function type(client: CollabClient, marker: string, lang: 'en' | 'es'): void {
  client.doc.transact(
    () => {
      const paragraph = clauseFragment(client.doc, 'c0', lang).get(0) as Y.XmlElement;
      const text = paragraph.get(0) as Y.XmlText;
      text.insert(text.length, marker);
    },
    { kind: 'test' },
  );
}

/** The markers of `received` that `stored` lacks. */
export const missingFrom = (stored: Y.Doc, received: Iterable<string>): string[] => {
  const have = markers(stored);
  return [...received].filter((m) => !have.has(m));
};

export const sameState = (a: Y.Doc, b: Y.Doc): boolean => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
