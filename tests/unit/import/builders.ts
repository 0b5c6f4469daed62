/** Small builders for import tests: source blocks and one-language clause rows. */
import type { ImportedClause, Inline, InlineMark, SourceBlock } from '../../../shared/src/import';
import type { ClauseKind } from '../../../shared/src/yjs-layout';

export const t = (text: string, ...marks: InlineMark[]): Inline => ({ type: 'text', text, marks });
export const para = (...inlines: Array<Inline | string>): SourceBlock => ({
  type: 'paragraph',
  inlines: inlines.map((i) => (typeof i === 'string' ? t(i) : i)),
});
export const heading = (text: string, level = 1): SourceBlock => ({ type: 'heading', level, inlines: [t(text)] });

export const clause = (kind: ClauseKind, number: string | null, text: string): ImportedClause => ({
  kind,
  number,
  marker: kind === 'heading' ? 'heading' : kind === 'preamble' ? 'preamble' : 'article',
  content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
});
