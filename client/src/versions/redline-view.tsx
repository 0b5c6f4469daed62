/**
 * The redline of a comparison: clause by clause in the newer order, each language side by side, words
 * inserted underlined and words deleted struck through, clauses added, removed and moved marked as
 * such, and who made the changes where the server knows — a proposal's decision as that proposal, by
 * its sponsor. With proposals, proposal parts stand in their sponsor's colour (proposal-parts.tsx). A
 * removed clause offers "Restore this clause" when `onRestore` is given (the server's `mayRestore`).
 */
import { useState } from 'react';
import { RestoreButton } from './restore-button';
import { useTranslation } from 'react-i18next';
import { languageTitle } from '../app/format';
import { clauseLabel, kindName } from '../workspace/clause-label';
import { DiffView } from '../approvals/diff-view';
import { DecidedProposals, ProposalDiffView, RedlineProposalStyles } from './proposal-parts';
import type { Comparison } from '../../../shared/src/api/versions';

type ComparedClause = Comparison['clauses'][number];
type Author = ComparedClause['structureAuthors'][number];

export interface RedlineViewProps {
  comparison: Comparison;
  /** Puts a removed clause back in the text now, after `afterId` (first when null). */
  onRestore?(clauseId: string, afterId: string | null): Promise<void>;
}

export function RedlineView({ comparison, onRestore }: RedlineViewProps) {
  const { t } = useTranslation(['versions', 'workspace']);
  const [onlyChanged, setOnlyChanged] = useState(true);
  const shown = comparison.clauses.filter((c) => !onlyChanged || c.status !== 'unchanged' || c.moved);
  const names = (authors: readonly Author[]) => authors.map((a) => a.displayName ?? t('versions:compare.server')).join(', ');
  // [R4] A removed clause stands after the clause that preceded it and remains: that is where it is restored.
  const afterOf = (clauseId: string): string | null => {
    let after: string | null = null;
    for (const clause of comparison.clauses) {
      if (clause.clauseId === clauseId) return after;
      if (clause.status !== 'removed') after = clause.clauseId;
    }
    return after;
  };
  return (
    <div className={`redline${comparison.withProposals ? ' redline-proposals' : ''}`}>
      {comparison.withProposals && <RedlineProposalStyles comparison={comparison} />}
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
              {clause.status === 'removed' && onRestore && (
                <p className="redline-restore">
                  <RestoreButton label={t('versions:compare.restore')} run={() => onRestore(clause.clauseId, afterOf(clause.clauseId))} />
                </p>
              )}
              <div className="redline-languages" style={{ ['--text-columns' as string]: comparison.languages.length }}>
                {comparison.languages.map((lang) => {
                  const part = clause.languages[lang];
                  return (
                    <section key={lang} className={`redline-language${part?.changed ? ' is-changed' : ''}`}>
                      <h4>{languageTitle(lang)}</h4>
                      {comparison.withProposals ? (
                        <ProposalDiffView parts={part?.parts ?? []} lang={lang} />
                      ) : (
                        <DiffView parts={part?.parts ?? []} lang={lang} />
                      )}
                      {part && part.authors.length > 0 && <p className="redline-authors">{t('versions:compare.editedBy', { names: names(part.authors) })}</p>}
                      {part?.proposals && <DecidedProposals proposals={part.proposals} />}
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
