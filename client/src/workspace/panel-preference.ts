/** Whether the side panel is open and on which tab: remembered on this device between visits. */
import { useCallback, useState } from 'react';
import type { PanelTab } from './features-context';
import { PANEL_TABS } from './side-panel';

export interface PanelPreference {
  open: boolean;
  tab: PanelTab;
}

const KEY = 'concordia.workspacePanel';
const DEFAULT: PanelPreference = { open: true, tab: 'comments' };

function read(): PanelPreference {
  try {
    const stored = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as Partial<PanelPreference> | null;
    if (!stored) return DEFAULT;
    return {
      open: typeof stored.open === 'boolean' ? stored.open : DEFAULT.open,
      tab: PANEL_TABS.includes(stored.tab as PanelTab) ? (stored.tab as PanelTab) : DEFAULT.tab,
    };
  } catch {
    return DEFAULT;
  }
}

export function usePanelPreference(): [PanelPreference, (change: Partial<PanelPreference>) => void] {
  const [preference, setPreference] = useState(read);
  const update = useCallback((change: Partial<PanelPreference>) => {
    setPreference((current) => {
      const next = { ...current, ...change };
      try {
        window.localStorage.setItem(KEY, JSON.stringify(next));
      } catch {
        /* private mode: not remembered */
      }
      return next;
    });
  }, []);
  return [preference, update];
}
