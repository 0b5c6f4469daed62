/**
 * Search across the whole agreement, every language: it reads the texts from the Y.Doc, not from the
 * page, so a clause whose row is far away (not mounted, see workspace/viewport.ts) is searched like any
 * other. Matches are in document order (clause, then language, then position); the current one is
 * kept across edits when it still exists. A clause's doc is converted once and again only after that
 * clause's text changed.
 */
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { clauseFragment, clausesMap, orderArray } from '../../../shared/src/yjs-layout';
import { fragmentToDoc } from '../editor/static-text';
import { readClauseItems } from '../workspace/clause-items';
import { DEFAULT_SEARCH_OPTIONS, findInDoc, type SearchOptions } from './search-text';

export interface SearchMatch {
  clauseId: string;
  language: string;
  from: number;
  to: number;
}

export interface SearchState {
  open: boolean;
  query: string;
  options: SearchOptions;
  matches: readonly SearchMatch[];
  /** Index in `matches` of the current one; -1 when there is none. */
  current: number;
  /** Bumped each time the person moves to a match (the bar scrolls it into view then, not on every edit). */
  moved: number;
}

const RECOMPUTE_DELAY_MS = 150;
const NO_MATCHES: readonly SearchMatch[] = [];

export class SearchStore {
  private state: SearchState = { open: false, query: '', options: DEFAULT_SEARCH_OPTIONS, matches: NO_MATCHES, current: -1, moved: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly docs = new Map<Y.XmlFragment, PMNode>();
  private ydoc: Y.Doc | null = null;
  private languages: readonly string[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private detachDoc: (() => void) | null = null;
  /** The mounted editors, by clause and language: closing the search puts the caret on the current match. */
  private readonly views = new Map<string, EditorView>();

  readonly getSnapshot = (): SearchState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Searches this Y.Doc in these languages (the document's columns) from now on. */
  attach(ydoc: Y.Doc, languages: readonly string[]): () => void {
    this.detachDoc?.();
    this.ydoc = ydoc;
    this.languages = languages;
    this.docs.clear();
    const clauses = clausesMap(ydoc);
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) this.forget(event.target);
      this.schedule();
    };
    const onOrder = () => this.schedule();
    clauses.observeDeep(onChange);
    orderArray(ydoc).observe(onOrder);
    // Called by the next attach and by the caller's cleanup alike (React runs effects twice in development): once only.
    let attached = true;
    const detach = () => {
      if (!attached) return;
      attached = false;
      if (this.detachDoc === detach) this.detachDoc = null;
      clauses.unobserveDeep(onChange);
      orderArray(ydoc).unobserve(onOrder);
      clearTimeout(this.timer);
      if (this.ydoc === ydoc) this.ydoc = null;
      this.docs.clear();
    };
    this.detachDoc = detach;
    this.recompute();
    return detach;
  }

  open(query?: string): void {
    this.update({ open: true, ...(query !== undefined ? { query } : {}) });
    this.recompute(true);
  }

  close(): void {
    this.update({ open: false, matches: NO_MATCHES, current: -1 });
  }

  setQuery(query: string): void {
    this.update({ query });
    this.recompute(true);
  }

  setOptions(change: Partial<SearchOptions>): void {
    this.update({ options: { ...this.state.options, ...change } });
    this.recompute(true);
  }

  /** To the next match (or the previous one with -1), round the end of the document. */
  step(direction: 1 | -1): void {
    const count = this.state.matches.length;
    if (count === 0) return;
    const current = this.state.current < 0 ? (direction > 0 ? 0 : count - 1) : (this.state.current + direction + count) % count;
    this.update({ current, moved: this.state.moved + 1 });
  }

  /** A mounted editor of this text says so (search-highlights.ts); the returned function says it is gone. */
  register(clauseId: string, language: string, view: EditorView): () => void {
    const key = `${clauseId}\u0000${language}`;
    this.views.set(key, view);
    return () => {
      if (this.views.get(key) === view) this.views.delete(key);
    };
  }

  viewOf(clauseId: string, language: string): EditorView | null {
    const view = this.views.get(`${clauseId}\u0000${language}`);
    return view && !view.isDestroyed ? view : null;
  }

  matchesOf(clauseId: string, language: string): { matches: SearchMatch[]; current: SearchMatch | null } {
    const current = this.state.matches[this.state.current] ?? null;
    return {
      matches: this.state.matches.filter((match) => match.clauseId === clauseId && match.language === language),
      current: current && current.clauseId === clauseId && current.language === language ? current : null,
    };
  }

  /** The clause text a changed Yjs type belongs to is converted again at the next search. */
  private forget(target: Y.AbstractType<unknown>): void {
    let type: Y.AbstractType<unknown> | null = target;
    while (type && !(type instanceof Y.XmlFragment && !(type instanceof Y.XmlElement))) type = type.parent as Y.AbstractType<unknown> | null;
    if (type instanceof Y.XmlFragment) this.docs.delete(type);
  }

  private schedule(): void {
    if (!this.state.open || this.state.query === '') return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.recompute(), RECOMPUTE_DELAY_MS);
  }

  private docOf(fragment: Y.XmlFragment): PMNode {
    let doc = this.docs.get(fragment);
    if (!doc) {
      doc = fragmentToDoc(fragment);
      this.docs.set(fragment, doc);
    }
    return doc;
  }

  /** Finds every match again; `fresh` (a new query or options) starts from the first match. */
  private recompute(fresh = false): void {
    const { ydoc } = this;
    const { open, query, options } = this.state;
    if (!ydoc || !open || query.trim() === '') {
      if (this.state.matches.length > 0 || this.state.current !== -1) this.update({ matches: NO_MATCHES, current: -1 });
      return;
    }
    const matches: SearchMatch[] = [];
    for (const { id } of readClauseItems(ydoc)) {
      for (const language of this.languages) {
        let fragment: Y.XmlFragment;
        try {
          fragment = clauseFragment(ydoc, id, language);
        } catch {
          continue;
        }
        for (const range of findInDoc(this.docOf(fragment), query, options)) matches.push({ clauseId: id, language, ...range });
      }
    }
    const previous = this.state.matches[this.state.current];
    let current = matches.length > 0 ? 0 : -1;
    if (!fresh && previous) {
      const kept = matches.findIndex((m) => m.clauseId === previous.clauseId && m.language === previous.language && m.from >= previous.from);
      current = kept >= 0 ? kept : Math.min(this.state.current, matches.length - 1);
    }
    this.update({ matches, current, moved: fresh && matches.length > 0 ? this.state.moved + 1 : this.state.moved });
  }

  private update(change: Partial<SearchState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of [...this.listeners]) listener();
  }
}
