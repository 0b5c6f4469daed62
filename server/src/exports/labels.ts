/**
 * The words an export prints around the agreement's own text ("Article 3", "Artículo 3", the date of
 * signature), in the language of the text they accompany, from shared/locales/<lang>/versions.json
 * ("export"). A language without its own strings falls back to English. Exports are verified by
 * rendering them again, so changing one of these strings changes the bytes of every later export.
 */
import type { TFunction } from 'i18next';
import { translator, type UiLanguage } from '../i18n';
import type { ClauseNumber } from '../../../shared/src/numbering';
import { numberText } from '../../../shared/src/stable-numbering';
import type { ClauseKind } from '../../../shared/src/yjs-layout';

export interface ExportLabels {
  t: TFunction;
  clause(kind: ClauseKind, number: ClauseNumber): string;
  date(isoDate: string): string;
  languageName(code: string): string;
}

export function exportLabels(lang: string): ExportLabels {
  const t = translator(lang as UiLanguage, 'versions');
  return {
    t,
    clause(kind, number) {
      if (number.deleted)
        return t(kind === 'heading' ? 'export.sectionDeleted' : 'export.articleDeleted', { number: numberText(number.section ?? number.article ?? 0) });
      // "3 bis" under a fixed numbering (issue 15); a plain number prints as before, so older exports keep their bytes.
      if (kind === 'heading' && number.section !== undefined) return t('export.section', { number: numberText(number.section, number.suffix) });
      if ((kind === 'clause' || kind === 'final') && number.article !== undefined)
        return t('export.article', { number: numberText(number.article, number.suffix) });
      return '';
    },
    date(isoDate) {
      const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
      return t('export.date', { day, month: t(`export.month.${month}`), year });
    },
    languageName(code) {
      return t(`export.languageName.${code}`, { defaultValue: code });
    },
  };
}
