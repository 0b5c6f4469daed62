/**
 * The approval matrix's proposals column: how many proposals are open on a clause and where the
 * Participants stand on them (supporting, opposing, reserving), a button that opens them in the panel.
 * Only inside an open document (nothing otherwise).
 */
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { FeaturesContext } from '../workspace/features-context';
import type { ProposalsStore } from './proposals-store';
import { positionCounts } from './proposal-format';
import { useOpenProposals } from './use-proposals';

export function MatrixProposalHeader() {
  const { t } = useTranslation();
  const features = useContext(FeaturesContext);
  return features ? <th scope="col">{t('proposals:matrix.column')}</th> : null;
}

export function MatrixProposalCell({ clauseId, label }: { clauseId: string; label: string }) {
  const features = useContext(FeaturesContext);
  if (!features) return null;
  return <Cell store={features.proposals} clauseId={clauseId} label={label} onOpen={() => features.showProposals(clauseId, null)} />;
}

function Cell({ store, clauseId, label, onOpen }: { store: ProposalsStore; clauseId: string; label: string; onOpen(): void }) {
  const { t } = useTranslation();
  const open = useOpenProposals(store, clauseId);
  if (open.length === 0) return <td />;
  const totals = { supports: 0, opposes: 0, reserves: 0 };
  for (const proposal of open) {
    const counts = positionCounts(proposal);
    totals.supports += counts.supports;
    totals.opposes += counts.opposes;
    totals.reserves += counts.reserves;
  }
  const text = `${label}: ${t('proposals:matrix.count', { count: open.length })} — ${t('proposals:marker.positions', totals)}`;
  return (
    <td>
      <button type="button" className="matrix-cell matrix-proposals" title={text} aria-label={text} onClick={onOpen}>
        {open.length}
      </button>
    </td>
  );
}
