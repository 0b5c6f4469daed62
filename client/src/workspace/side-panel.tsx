/**
 * Beside the text: the comments of the selected clause, the approval matrix, versions and the freeze,
 * the activity feed and the outline of the agreement — one tab at a time (WAI-ARIA tabs: arrow keys
 * move between them).
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PanelTab } from './features-context';

/** The tabs, in order. */
export const PANEL_TABS: readonly PanelTab[] = ['comments', 'proposals', 'approvals', 'packages', 'versions', 'activity', 'outline'];

function tabName(t: TFunction, tab: PanelTab): string {
  if (tab === 'outline') return t('navigation:outline.tab');
  if (tab === 'packages') return t('packages:tab');
  return t(`workspace:panel.tabs.${tab}`);
}

export interface SidePanelProps {
  tab: PanelTab;
  onTab(tab: PanelTab): void;
  onHide(): void;
  /** The content of each tab; only the selected one is rendered. */
  render(tab: PanelTab): ReactNode;
}

export function SidePanel({ tab, onTab, onHide, render }: SidePanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const tabs = useRef(new Map<PanelTab, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = PANEL_TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? PANEL_TABS[(index + 1) % PANEL_TABS.length]
        : event.key === 'ArrowLeft'
          ? PANEL_TABS[(index + PANEL_TABS.length - 1) % PANEL_TABS.length]
          : event.key === 'Home'
            ? PANEL_TABS[0]
            : event.key === 'End'
              ? PANEL_TABS[PANEL_TABS.length - 1]
              : null;
    if (!next) return;
    event.preventDefault();
    onTab(next);
    tabs.current.get(next)?.focus();
  }

  return (
    <aside className="workspace-panel" aria-label={t('workspace:panel.label')}>
      <div className="panel-tabs">
        <div role="tablist" aria-label={t('workspace:panel.label')} className="panel-tablist" onKeyDown={onKeyDown}>
          {PANEL_TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`${id}-${name}-tab`}
              aria-controls={`${id}-${name}`}
              aria-selected={tab === name}
              tabIndex={tab === name ? 0 : -1}
              className="panel-tab"
              ref={(element) => {
                if (element) tabs.current.set(name, element);
                else tabs.current.delete(name);
              }}
              onClick={() => onTab(name)}
            >
              {tabName(t, name)}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button panel-hide" aria-label={t('workspace:panel.hide')} title={t('workspace:panel.hide')} onClick={onHide}>
          <span aria-hidden="true">»</span>
        </button>
      </div>
      <div role="tabpanel" id={`${id}-${tab}`} aria-labelledby={`${id}-${tab}-tab`} className="panel-body" tabIndex={0}>
        {render(tab)}
      </div>
    </aside>
  );
}
