/**
 * What the live text says about threads: whether their clause is still in the document, whether the
 * anchored words are still there and what they read now. One instance per read, used synchronously
 * inside `readLiveDocument` (each clause text is rendered once however many threads it has).
 */
import type * as Y from 'yjs';
import { clauseFragment, clauseOrder, getClause } from '../../../shared/src/yjs-layout';
import { decodeAnchorPosition, rangeText, renderFragment, resolveAnchor, truncateQuote, type RenderedFragment } from '../../../shared/src/comment-anchors';
import type { AnchorState, CommentAnchor } from '../../../shared/src/api/comments';
import type { ThreadRow } from './comment-store';

export interface LiveThreadFacts {
  clauseDeleted: boolean;
  anchor: CommentAnchor | null;
}

export class LiveAnchors {
  private readonly visible: Set<string>;
  private readonly rendered = new Map<string, RenderedFragment | null>();

  constructor(private readonly doc: Y.Doc | null) {
    this.visible = new Set(doc ? clauseOrder(doc) : []);
  }

  /** Whether the clause exists (deleted or not) in the document. */
  hasClause(clauseId: string): boolean {
    return this.doc !== null && getClause(this.doc, clauseId) !== undefined;
  }

  isDeleted(clauseId: string): boolean {
    return this.doc !== null && !this.visible.has(clauseId);
  }

  fragment(clauseId: string, language: string): RenderedFragment | null {
    const key = `${clauseId}\u0000${language}`;
    if (!this.rendered.has(key)) {
      let value: RenderedFragment | null = null;
      if (this.doc && getClause(this.doc, clauseId)) {
        try {
          value = renderFragment(clauseFragment(this.doc, clauseId, language));
        } catch {
          value = null; // no text in this language
        }
      }
      this.rendered.set(key, value);
    }
    return this.rendered.get(key) ?? null;
  }

  facts(row: ThreadRow): LiveThreadFacts {
    return { clauseDeleted: this.isDeleted(row.clause_id), anchor: this.anchor(row) };
  }

  private anchor(row: ThreadRow): CommentAnchor | null {
    if (!row.anchor_start || !row.anchor_end || row.language === null) return null;
    const start = decodeAnchorPosition(new Uint8Array(row.anchor_start));
    const end = decodeAnchorPosition(new Uint8Array(row.anchor_end));
    const base = { start, end, quote: row.quote ?? '' };
    const rendered = this.doc ? this.fragment(row.clause_id, row.language) : null;
    if (!this.doc || !rendered) return { ...base, state: 'unknown' satisfies AnchorState, text: null };
    const range = resolveAnchor(this.doc, rendered, { start, end });
    const text = range ? rangeText(rendered.doc, range.from, range.to) : '';
    if (text.trim() === '') return { ...base, state: 'removed', text: null };
    return { ...base, state: 'present', text: truncateQuote(text) };
  }
}
