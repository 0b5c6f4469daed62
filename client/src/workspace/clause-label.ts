/** "Article 3", "Section 2", "Preamble": how a derived clause number reads in the interface language. */
import type { TFunction } from 'i18next';
import type { ClauseNumber } from '../../../shared/src/numbering';
import type { ClauseKind } from '../../../shared/src/yjs-layout';

export function clauseLabel(t: TFunction, kind: ClauseKind, number: ClauseNumber | undefined): string {
  if (kind === 'heading' && number?.section !== undefined) return t('workspace:label.section', { number: number.section });
  if ((kind === 'clause' || kind === 'final') && number?.article !== undefined) return t('workspace:label.article', { number: number.article });
  return t('workspace:label.preamble');
}

export function kindName(t: TFunction, kind: ClauseKind): string {
  return t(`workspace:kind.${kind}`);
}
