/**
 * The open proposals of a clause, for the approve dialog: an approval covers the agreed text only, so
 * the person sees what is still proposed around it. Nothing outside an open document (no proposals known).
 */
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { FeaturesContext } from '../workspace/features-context';
import type { ProposalsStore } from './proposals-store';
import type { Participant } from '../../../shared/src/api/participants';
import { proposalSummary } from './proposal-format';
import { useOpenProposals } from './use-proposals';
import { useLiveChanges } from './use-live-changes';
import type { ProposalJSON } from '../../../shared/src/api/proposals';

export function ClauseOpenProposals({ clauseId, languages }: { clauseId: string; languages: readonly string[] }) {
  const features = useContext(FeaturesContext);
  if (!features) return null;
  return <OpenProposalList store={features.proposals} participants={features.participants} clauseId={clauseId} languages={languages} />;
}

interface OpenProposalListProps {
  store: ProposalsStore;
  participants: readonly Participant[];
  clauseId: string;
  languages: readonly string[];
}

function OpenProposalList({ store, participants, clauseId, languages }: OpenProposalListProps) {
  const { t } = useTranslation();
  const open = useOpenProposals(store, clauseId);
  if (open.length === 0) return null;
  return (
    <section className="approve-proposals">
      <h3>{t('proposals:approve.title')}</h3>
      <p>{t('proposals:approve.hint')}</p>
      <ul>
        {open.map((proposal) => (
          <OpenProposal key={proposal.id} proposal={proposal} participants={participants} languages={languages} />
        ))}
      </ul>
    </section>
  );
}

function OpenProposal({ proposal, participants, languages }: { proposal: ProposalJSON; participants: readonly Participant[]; languages: readonly string[] }) {
  const { t } = useTranslation();
  const changes = useLiveChanges(proposal, languages);
  return (
    <li>
      <p>{proposalSummary(t, proposal, participants)}</p>
      <ul>
        {Object.entries(changes).flatMap(([language, runs]) =>
          runs.map((run, index) => (
            <li key={`${language}-${index}`} lang={language}>
              {run.type === 'insertion' ? <ins className="proposal-insertion">{run.text}</ins> : <del className="proposal-deletion">{run.text}</del>}
            </li>
          )),
        )}
      </ul>
    </li>
  );
}
