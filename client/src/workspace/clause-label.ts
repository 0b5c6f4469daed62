/** "Article 3", "Section 2", "Preamble": how a derived clause number reads in the interface language. */
import type { TFunction } from 'i18next';
import { numberClauses, type ClauseNumber } from '../../../shared/src/numbering';
import type { ClauseKind } from '../../../shared/src/yjs-layout';
import { deriveNumbering, numberText, type FixedNumbers } from '../../../shared/src/stable-numbering';

export function clauseLabel(t: TFunction, kind: ClauseKind, number: ClauseNumber | undefined): string {
  // "Article 3 bis" under a fixed numbering (issue 15, shared/src/stable-numbering.ts).
  if (kind === 'heading' && number?.section !== undefined) return t('workspace:label.section', { number: numberText(number.section, number.suffix) });
  if ((kind === 'clause' || kind === 'final') && number?.article !== undefined)
    return t('workspace:label.article', { number: numberText(number.article, number.suffix) });
  return t('workspace:label.preamble');
}

/**
 * Labels for a whole document's items, in order. When the preamble has several paragraphs each is told
 * apart by its place ("Preamble, paragraph 2"), for wherever a label stands alone: the approval matrix,
 * the activity feed, comment lists. Only the interface counts them; the stored numbering (and so every
 * version's fingerprint) leaves the preamble unnumbered.
 */
export function clauseLabels(t: TFunction, items: readonly { id: string; kind: ClauseKind }[], fixed: FixedNumbers | null = null): Map<string, string> {
  const numbers = fixed ? deriveNumbering(items, fixed).numbers : numberClauses(items);
  const preambles = new Set(items.filter((item) => item.kind === 'preamble').map((item) => item.id)).size;
  const labels = new Map<string, string>();
  let paragraph = 0;
  for (const item of items) {
    if (labels.has(item.id)) continue;
    labels.set(
      item.id,
      item.kind === 'preamble' && preambles > 1
        ? t('workspace:label.preambleParagraph', { number: ++paragraph })
        : clauseLabel(t, item.kind, numbers.get(item.id)),
    );
  }
  return labels;
}

export function kindName(t: TFunction, kind: ClauseKind): string {
  return t(`workspace:kind.${kind}`);
}
