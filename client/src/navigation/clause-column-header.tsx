/**
 * The head of the clause column, above every clause number: "Go to…" (also Ctrl+G, or Ctrl+Alt+G
 * where the browser keeps Ctrl+G) and the legend of the marks in the gutter. It stays in view with
 * the sticky top of the workspace, so both are one step away wherever one is in a long agreement.
 */
import { useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApprovalsMeta } from '../approvals';
import { FeaturesContext, type WorkspaceFeatures } from '../workspace/features-context';
import { useClauseItems } from '../workspace/clause-items';
import { clauseLabels } from '../workspace/clause-label';
import { useWorkspace } from '../workspace/workspace-context';
import { GO_TO_SHORTCUT, GoToDialog, isGoToShortcut } from './go-to-dialog';
import { LegendDialog } from './legend-dialog';
import { useClauseJump } from './use-clause-jump';

export function ClauseColumnHeader({ languages }: { languages: readonly string[] }) {
  const { t } = useTranslation();
  const { collab } = useWorkspace();
  const features = useContext(FeaturesContext);
  const items = useClauseItems(collab.ydoc);
  const labels = useMemo(() => clauseLabels(t, items), [items, t]);
  const jump = useClauseJump(languages);
  const [open, setOpen] = useState<'goTo' | 'legend' | null>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isGoToShortcut(event) || event.defaultPrevented) return;
      event.preventDefault();
      setOpen('goTo');
    };
    // Capture: an editor or a field with focus sees the shortcut after the workspace took it.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return (
    <div className="column-header-clause-cell">
      <div className="column-header column-header-clause" aria-hidden="true">
        {t('workspace:columns.clause')}
      </div>
      <span className="clause-column-tools">
        <button
          type="button"
          className="column-tool"
          aria-keyshortcuts="Control+G Control+Alt+G"
          title={t('navigation:goTo.buttonHint', { shortcut: GO_TO_SHORTCUT })}
          onClick={() => setOpen('goTo')}
        >
          {t('navigation:goTo.button')}
        </button>
        {features && (
          <button
            type="button"
            className="column-tool column-tool-legend"
            aria-label={t('navigation:legend.button')}
            title={t('navigation:legend.buttonHint')}
            onClick={() => setOpen('legend')}
          >
            <span aria-hidden="true" className="column-tool-mark">
              ?
            </span>
          </button>
        )}
      </span>
      {open === 'goTo' && (
        <GoToDialog
          items={items}
          onClose={() => setOpen(null)}
          onGo={(clauseId) => {
            setOpen(null);
            // Once the dialog has closed and given the focus back, so that the clause keeps it.
            requestAnimationFrame(() => jump(clauseId, labels.get(clauseId)));
          }}
        />
      )}
      {open === 'legend' && features && <LegendMeta features={features} languages={languages} onClose={() => setOpen(null)} onGoTo={() => setOpen('goTo')} />}
    </div>
  );
}

function LegendMeta({ features, languages, onClose, onGoTo }: { features: WorkspaceFeatures; languages: readonly string[]; onClose(): void; onGoTo(): void }) {
  const meta = useApprovalsMeta(features.approvals);
  return <LegendDialog meta={meta} participantId={features.approvalMe.participantId} languages={languages} onClose={onClose} onGoTo={onGoTo} />;
}
