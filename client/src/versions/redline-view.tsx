/**
 * The redline of a comparison: clause by clause in the newer order, each language side by side, words
 * inserted underlined and words deleted struck through, clauses added, removed and moved marked as
 * such, and who made the changes where the server knows.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageTitle } from '../app/format';
import { clauseLabel, kindName } from '../workspace/clause-label';
import { DiffView } from '../approvals/diff-view';
import type { Comparison } from '../../../shared/src/api/versions';

type ComparedClause = Comparison['clauses'][number];
type Author = ComparedClause['structureAuthors'][number];

export function RedlineView({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation(['versions', 'workspace']);
  const [onlyChanged, setOnlyChanged] = useState(true);
  const shown = comparison.clauses.filter((c) => !onlyChanged || c.status !== 'unchanged' || c.moved);
  const names = (authors: readonly Author[]) => authors.map((a) => a.displayName ?? t('versions:compare.server')).join(', ');
  return (
    <div className="redline">
      <p className="redline-summary" role="status">
        {t('versions:compare.summary', comparison.summary)}
      </p>
      <label className="redline-filter">
        <input type="checkbox" checked={onlyChanged} onChange={(event) => setOnlyChanged(event.target.checked)} /> {t('versions:compare.onlyChanged')}
      </label>
      {shown.length === 0 && <p>{t('versions:compare.noChanges')}</p>}
      <ol className="redline-clauses">
        {shown.map((clause) => {
          const number = clause.numberAfter ?? clause.numberBefore ?? undefined;
          const label = clauseLabel(t, clause.kind, number);
          const before = clause.numberBefore && clause.numberAfter && clause.kindBefore ? clauseLabel(t, clause.kindBefore, clause.numberBefore) : null;
          return (
            <li key={clause.clauseId} className={`redline-clause redline-${clause.status}${clause.moved ? ' redline-moved' : ''}`}>
              <h3>
                {label}
                {clause.status !== 'unchanged' && (
                  <span className={`redline-badge redline-badge-${clause.status}`}>{t(`versions:compare.status.${clause.status}`)}</span>
                )}
                {clause.moved && <span className="redline-badge redline-badge-moved">{t('versions:compare.status.moved')}</span>}
                {before && before !== label && <span className="redline-was"> ({t('versions:compare.wasNumber', { label: before })})</span>}
                {clause.kindBefore && clause.kindBefore !== clause.kind && (
                  <span className="redline-was"> ({t('versions:compare.kindChanged', { kind: kindName(t, clause.kindBefore) })})</span>
                )}
              </h3>
              {clause.structureAuthors.length > 0 && (
                <p className="redline-authors">{t('versions:compare.structureBy', { names: names(clause.structureAuthors) })}</p>
              )}
              <div className="redline-languages" style={{ ['--text-columns' as string]: comparison.languages.length }}>
                {comparison.languages.map((lang) => {
                  const part = clause.languages[lang];
                  return (
                    <section key={lang} className={`redline-language${part?.changed ? ' is-changed' : ''}`}>
                      <h4>{languageTitle(lang)}</h4>
                      <DiffView parts={part?.parts ?? []} lang={lang} />
                      {part && part.authors.length > 0 && <p className="redline-authors">{t('versions:compare.editedBy', { names: names(part.authors) })}</p>}
                    </section>
                  );
                })}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
