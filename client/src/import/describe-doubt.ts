/**
 * Why a row's pairing is doubtful, as a sentence in the person's language that says what to do.
 * Rows are named by their position in the preview (1, 2, …), as the table shows them.
 */
import { useTranslation } from 'react-i18next';
import type { PairingDoubt, PreviewRow } from '../../../shared/src/import/types';
import { formatNumber, languageName } from '../app/format';

const list = (languages: readonly string[]) => languages.map((lang) => languageName(lang)).join(', ');

const numbersText = (numbers: Record<string, string | null>) =>
  Object.entries(numbers)
    .map(([lang, n]) => `${lang.toUpperCase()} ${n ?? '–'}`)
    .join(', ');

export function useDescribeDoubt() {
  const { t } = useTranslation('import');

  const describeDoubt = (doubt: PairingDoubt): string => {
    switch (doubt.code) {
      case 'gap':
        return doubt.continues
          ? t('preview.doubt.gapContinues', {
              languages: list(doubt.languages),
              row: doubt.continues.index + 1,
              language: languageName(doubt.continues.language),
            })
          : t('preview.missing', { languages: list(doubt.languages) });
      case 'numbers':
        return t('preview.numberMismatch', { numbers: numbersText(doubt.numbers) });
      case 'lengths':
        return t('preview.doubt.lengths', { language: languageName(doubt.language), ratio: formatNumber(doubt.ratio) });
      case 'tokens':
        return t('preview.doubt.tokens', {
          details: Object.entries(doubt.only)
            .filter(([, tokens]) => tokens.length > 0)
            .map(([lang, tokens]) => t('preview.doubt.onlyIn', { language: languageName(lang), tokens: tokens.join(', ') }))
            .join('; '),
        });
      case 'neighbour':
        return t('preview.doubt.neighbour', { language: languageName(doubt.language), row: doubt.index + 1 });
      default:
        return t('preview.doubt.unknown');
    }
  };

  const describeRenumbered = (row: PreviewRow, languages: readonly string[]): string =>
    t('preview.renumbered', { numbers: numbersText(Object.fromEntries(languages.map((lang) => [lang, row.texts[lang]?.number ?? null]))) });

  return { describeDoubt, describeRenumbered };
}
