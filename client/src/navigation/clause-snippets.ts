/**
 * The first words of each clause in one language, for the outline ("Article 5 — The Participants
 * intend to…"), kept current while people type but read at most a few times a second.
 */
import { useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import { clauseFragment, clausesMap } from '../../../shared/src/yjs-layout';
import type { ClauseItem } from '../workspace/clause-items';

const SNIPPET_CHARS = 90;
const REFRESH_MS = 500;

/** The plain text at the start of a fragment: text runs joined, one space between blocks. */
export function snippetOf(fragment: Y.XmlFragment, limit = SNIPPET_CHARS): string {
  let out = '';
  const stack: (Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook)[] = [fragment];
  while (stack.length > 0 && out.length < limit) {
    const node = stack.pop()!;
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') out += op.insert;
      continue;
    }
    if (node instanceof Y.XmlHook) continue;
    if (node instanceof Y.XmlElement && out && !out.endsWith(' ')) out += ' ';
    const children = node.toArray();
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
  }
  const text = out.replace(/\s+/g, ' ').trim();
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}

function readSnippets(ydoc: Y.Doc, items: readonly ClauseItem[], language: string): Map<string, string> {
  const snippets = new Map<string, string>();
  for (const item of items) {
    try {
      snippets.set(item.id, snippetOf(clauseFragment(ydoc, item.id, language)));
    } catch {
      snippets.set(item.id, '');
    }
  }
  return snippets;
}

export function useClauseSnippets(ydoc: Y.Doc, items: readonly ClauseItem[], language: string): ReadonlyMap<string, string> {
  // Bumped (a few times a second at most) while the texts change; the snippets are read again then.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const changed = () => {
      timer ??= setTimeout(() => {
        timer = null;
        setVersion((current) => current + 1);
      }, REFRESH_MS);
    };
    const clauses = clausesMap(ydoc);
    clauses.observeDeep(changed);
    return () => {
      clauses.unobserveDeep(changed);
      if (timer) clearTimeout(timer);
    };
  }, [ydoc]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when the Y.Doc's texts changed
  return useMemo(() => readSnippets(ydoc, items, language), [ydoc, items, language, version]);
}
