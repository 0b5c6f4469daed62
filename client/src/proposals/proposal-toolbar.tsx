/**
 * Above the text: the propose-mode switch (a toggle for delegates in the drafting phase, a fixed badge
 * in the negotiation phase) and the three views of the proposals.
 */
import { useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { PROPOSAL_VIEWS, type ProposalView, type ProposeSwitch } from './propose-switch';

export function ProposalToolbar({ propose }: { propose: ProposeSwitch }) {
  const { t } = useTranslation();
  const id = useId();
  const state = useSyncExternalStore(propose.subscribe, propose.getSnapshot);
  return (
    <div className="proposal-toolbar">
      {state.canPropose && state.canEditDirectly && (
        <label className="propose-toggle" title={t('proposals:mode.toggleHint')}>
          <input type="checkbox" checked={state.chosen} onChange={(event) => propose.update({ chosen: event.target.checked })} />
          <span>{t('proposals:mode.toggle')}</span>
        </label>
      )}
      {state.canPropose && !state.canEditDirectly && (
        <span className="propose-only" title={t('proposals:mode.onlyHint')}>
          {t('proposals:mode.only')}
        </span>
      )}
      <label htmlFor={`${id}-view`} className="proposal-view-label">
        {t('proposals:view.label')}
      </label>
      <select id={`${id}-view`} value={state.view} onChange={(event) => propose.update({ view: event.target.value as ProposalView })}>
        {PROPOSAL_VIEWS.map((view) => (
          <option key={view} value={view}>
            {t(`proposals:view.${view}`)}
          </option>
        ))}
      </select>
      {state.view !== 'inline' && <span className="proposal-view-hint">{t('proposals:view.readOnly')}</span>}
    </div>
  );
}
