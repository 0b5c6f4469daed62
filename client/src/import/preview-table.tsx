/**
 * The preview of the clause rows: one row per clause, one column per language, why a row's pairing
 * is doubtful beside it with the check that confirms it, and the corrections (pair, separate, split,
 * merge, kind, leave out).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blockCount, plainTextOf } from '../../../shared/src/import';
import { CLAUSE_KINDS, type ClauseKind } from '../../../shared/src/yjs-layout';
import type { PreviewOperation, PreviewRow, RowReview } from '../../../shared/src/import/types';
import { languageName, languageTitle } from '../app/format';
import { useDescribeDoubt } from './describe-doubt';

/** The id of a doubtful row's check, for the report's links to the rows to check. */
export const rowCheckId = (rowId: string) => `import-check-${rowId}`;

export function PreviewTable({
  rows,
  languages,
  reviews,
  isChecked,
  onCheck,
  onCorrect,
  refused = null,
}: {
  rows: PreviewRow[];
  languages: readonly string[];
  /** The rows whose pairing is doubtful or renumbered (review.ts), derived from `rows`. */
  reviews: readonly RowReview[];
  isChecked: (review: RowReview) => boolean;
  onCheck: (review: RowReview, checked: boolean) => void;
  onCorrect: (operation: PreviewOperation) => void;
  /** Why the last correction could not be made, shown beside the tools where it was asked for. */
  refused?: string | null;
}) {
  const { t } = useTranslation('import');
  const { describeDoubt, describeRenumbered } = useDescribeDoubt();
  const reviewOf = new Map(reviews.map((review) => [review.rowId, review]));
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current.slice(-1), id]));
  const pair = () => {
    if (selected.length !== 2) return;
    onCorrect({ op: 'pair', rows: [selected[0], selected[1]] });
    setSelected([]);
  };

  return (
    <div className="import-preview">
      <div className="import-preview-tools">
        <button type="button" className="button" disabled={selected.length !== 2} onClick={pair}>
          {t('preview.pair')}
        </button>
        <span className="hint">{t('preview.pairHint')}</span>
      </div>
      {refused && (
        <p className="form-error" role="alert">
          {refused}
        </p>
      )}
      <table className="import-preview-table">
        <caption>{t('preview.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('preview.row')}</th>
            <th scope="col">{t('preview.kind')}</th>
            {languages.map((lang) => (
              <th scope="col" key={lang}>
                {languageTitle(lang)}
              </th>
            ))}
            <th scope="col">{t('preview.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const review = reviewOf.get(row.id);
            const doubtful = review !== undefined && review.doubts.length > 0;
            const checked = doubtful && isChecked(review);
            const className = doubtful ? (checked ? 'import-row is-checked' : 'import-row has-issue') : 'import-row';
            return (
              <tr key={row.id} className={className} data-row={row.id}>
                <th scope="row">
                  <label>
                    <input
                      type="checkbox"
                      checked={selected.includes(row.id)}
                      onChange={() => toggle(row.id)}
                      aria-label={t('preview.select', { row: index + 1 })}
                    />
                    {index + 1}
                  </label>
                </th>
                <td>
                  <select
                    value={row.kind}
                    aria-label={t('preview.kindOf', { row: index + 1 })}
                    onChange={(event) => onCorrect({ op: 'set_kind', row: row.id, kind: event.target.value as ClauseKind })}
                  >
                    {CLAUSE_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`kinds.${kind}`)}
                      </option>
                    ))}
                  </select>
                  {review?.doubts.map((doubt, i) => (
                    <p key={i} className="import-issue" role="note">
                      {describeDoubt(doubt)}
                    </p>
                  ))}
                  {review?.renumbered && (
                    <p className="import-note" role="note">
                      {describeRenumbered(row, languages)}
                    </p>
                  )}
                  {doubtful && (
                    <label className="import-check">
                      <input id={rowCheckId(row.id)} type="checkbox" checked={checked} onChange={(event) => onCheck(review, event.target.checked)} />
                      {t('preview.pairingRight', { row: index + 1 })}
                    </label>
                  )}
                </td>
                {languages.map((lang) => {
                  const text = row.texts[lang];
                  return (
                    <td key={lang} lang={lang} className={text ? 'import-text' : 'import-text import-text-missing'}>
                      {text ? (
                        <>
                          {text.number && <span className="import-number">{text.number}</span>}
                          {text.title && <strong className="import-title">{plainTextOf(text.title)}</strong>}
                          <span className="import-excerpt">{plainTextOf(text.content)}</span>
                        </>
                      ) : (
                        t('preview.empty')
                      )}
                    </td>
                  );
                })}
                <td>
                  <RowCorrections row={row} isLast={index === rows.length - 1} next={rows[index + 1]} languages={languages} onCorrect={onCorrect} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RowCorrections({
  row,
  next,
  isLast,
  languages,
  onCorrect,
}: {
  row: PreviewRow;
  next: PreviewRow | undefined;
  isLast: boolean;
  languages: readonly string[];
  onCorrect: (operation: PreviewOperation) => void;
}) {
  const { t } = useTranslation('import');
  const present = languages.filter((lang) => row.texts[lang]);
  return (
    <div className="import-corrections">
      {present.length > 1 &&
        present.map((lang) => (
          <button key={`unpair-${lang}`} type="button" className="button button-quiet" onClick={() => onCorrect({ op: 'unpair', row: row.id, language: lang })}>
            {t('preview.unpair', { language: languageName(lang) })}
          </button>
        ))}
      {present
        .filter((lang) => blockCount(row, lang) > 1)
        .map((lang) => (
          <select
            key={`split-${lang}`}
            value=""
            aria-label={t('preview.split', { language: languageName(lang) })}
            onChange={(event) => onCorrect({ op: 'split', row: row.id, language: lang, at: Number(event.target.value) })}
          >
            <option value="">{t('preview.split', { language: languageName(lang) })}</option>
            {Array.from({ length: blockCount(row, lang) - 1 }, (_, i) => (
              <option key={i} value={i + 1}>
                {t('preview.splitAt', { n: i + 2 })}
              </option>
            ))}
          </select>
        ))}
      {!isLast && (
        <button type="button" className="button button-quiet" onClick={() => onCorrect({ op: 'merge', row: row.id })}>
          {t('preview.merge')}
        </button>
      )}
      {!isLast &&
        next &&
        languages
          .filter((lang) => next.texts[lang] && languages.some((other) => next.texts[other] && other !== lang))
          .map((lang) => (
            <button key={`merge-${lang}`} type="button" className="button button-quiet" onClick={() => onCorrect({ op: 'merge', row: row.id, language: lang })}>
              {t('preview.mergeLanguage', { language: languageName(lang) })}
            </button>
          ))}
      <button type="button" className="button button-quiet" onClick={() => onCorrect({ op: 'remove', row: row.id })}>
        {t('preview.remove')}
      </button>
    </div>
  );
}
