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

function readSnippet(ydoc: Y.Doc, id: string, language: string): string {
  try {
    return snippetOf(clauseFragment(ydoc, id, language));
  } catch {
    return '';
  }
}

/** The snippets last read, and which clauses changed since (null: something that touches them all). */
export class SnippetCache {
  private snippets = new Map<string, string>();
  private language: string | null = null;
  private changed: Set<string> | null = null;
  private watching = false;

  constructor(private readonly ydoc: Y.Doc) {}

  /** From now on every change is noted; what changed before is not known, so the next read reads all. */
  watch(watching: boolean): void {
    this.watching = watching;
    this.changed = null;
  }

  note(events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    if (!this.changed) return;
    const clauses = clausesMap(this.ydoc);
    for (const event of events) {
      const id = event.path[0];
      if (event.target === clauses || typeof id !== 'string') {
        this.changed = null;
        return;
      }
      this.changed.add(id);
    }
  }

  read(items: readonly ClauseItem[], language: string): Map<string, string> {
    const reuse = this.language === language ? this.changed : null;
    const snippets = new Map<string, string>();
    for (const item of items) {
      const previous = reuse && !reuse.has(item.id) ? this.snippets.get(item.id) : undefined;
      snippets.set(item.id, previous ?? readSnippet(this.ydoc, item.id, language));
    }
    this.snippets = snippets;
    this.language = language;
    this.changed = this.watching ? new Set() : null;
    return snippets;
  }
}

export function useClauseSnippets(ydoc: Y.Doc, items: readonly ClauseItem[], language: string): ReadonlyMap<string, string> {
  // Bumped (a few times a second at most) while the texts change; only the clauses that changed are
  // read again then (issue 18: all 300 were read every half second while someone typed in one).
  const [version, setVersion] = useState(0);
  const cache = useMemo(() => new SnippetCache(ydoc), [ydoc]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const changed = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      cache.note(events);
      timer ??= setTimeout(() => {
        timer = null;
        setVersion((current) => current + 1);
      }, REFRESH_MS);
    };
    const clauses = clausesMap(ydoc);
    clauses.observeDeep(changed);
    cache.watch(true);
    return () => {
      cache.watch(false);
      clauses.unobserveDeep(changed);
      if (timer) clearTimeout(timer);
    };
  }, [ydoc, cache]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when the Y.Doc's texts changed
  return useMemo(() => cache.read(items, language), [cache, items, language, version]);
}
