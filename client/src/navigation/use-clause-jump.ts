/**
 * Going to a clause from anywhere in the open workspace: scrolled into view, highlighted, its text
 * (in the interface language when the document has it) given the caret, and the clause announced.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/workspace-context';
import { jumpToClause } from './jump-to-clause';

export function preferredLanguage(languages: readonly string[], uiLanguage: string): string {
  const ui = uiLanguage.split('-')[0];
  return languages.includes(ui) ? ui : languages[0];
}

export function useClauseJump(languages: readonly string[]): (clauseId: string, label?: string) => boolean {
  const { i18n, t } = useTranslation();
  const { focusRequests, announce } = useWorkspace();
  return useCallback(
    (clauseId: string, label?: string) => {
      const went = jumpToClause(clauseId, preferredLanguage(languages, i18n.language), focusRequests);
      if (went && label) announce(t('navigation:goTo.went', { label }));
      return went;
    },
    [languages, i18n.language, focusRequests, announce, t],
  );
}
