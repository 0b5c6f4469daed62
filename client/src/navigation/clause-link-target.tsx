/**
 * A clause link (/documents/:id/clauses/:clauseId) opens the workspace on that clause: once the text
 * is synced and its row is in the page, the clause is brought into view, highlighted and given the
 * caret. A link to a clause that is no longer in the agreement (deleted, or never was) says so above
 * the text, which opens as it is now.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { matchRoute, navigate, paths, useLocation } from '../app/router';
import type { ClauseItem } from '../workspace/clause-items';
import { clauseLabels } from '../workspace/clause-label';
import { useWorkspace } from '../workspace/workspace-context';
import { useClauseJump } from './use-clause-jump';

export function ClauseLinkTarget({ items, languages }: { items: readonly ClauseItem[]; languages: readonly string[] }) {
  const { t } = useTranslation();
  const { collab } = useWorkspace();
  const route = matchRoute(useLocation());
  const target = route.name === 'workspace' ? (route.clauseId ?? null) : null;
  const synced = useSyncExternalStore(collab.subscribe, () => collab.getState().synced);
  const jump = useClauseJump(languages);
  const handled = useRef<string | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const present = target !== null && items.some((item) => item.id === target);
  // Until the server's text arrived, the clause may only be missing from what this page had.
  const missing = target !== null && synced && !present && dismissed !== target;

  useEffect(() => {
    if (!target) handled.current = null;
    if (!target || !present || handled.current === target) return;
    handled.current = target;
    const label = clauseLabels(t, items).get(target);
    // After this render's rows are laid out.
    const frame = requestAnimationFrame(() => jump(target, label));
    return () => cancelAnimationFrame(frame);
  }, [target, present, items, jump, t]);

  if (!missing) return null;
  return (
    <div className="clause-link-missing" role="alert">
      <p>{t('navigation:link.missing')}</p>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setDismissed(target);
          navigate(paths.workspace(collab.documentId), { replace: true });
        }}
      >
        {t('navigation:link.dismiss')}
      </button>
    </div>
  );
}
