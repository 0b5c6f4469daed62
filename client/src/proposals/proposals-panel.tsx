/** The side panel's proposals tab: every proposal of the selected clause, open ones first. */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../shared/src/api/participants';
import { useErrorMessage } from '../app/error-message';
import { useLiveSelect } from '../realtime/use-live';
import type { ProposalsStore } from './proposals-store';
import { ProposalCard, type ProposalViewer } from './proposal-card';
import { proposalActions, useClauseProposals } from './use-proposals';

export interface ProposalsPanelProps {
  store: ProposalsStore;
  clauseId: string | null;
  clauseLabel: string;
  participants: readonly Participant[];
  languages: readonly string[];
  viewer: ProposalViewer;
  activeProposalId: string | null;
  announce(message: string): void;
}

export function ProposalsPanel({ store, clauseId, clauseLabel, participants, languages, viewer, activeProposalId, announce }: ProposalsPanelProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const proposals = useClauseProposals(store, clauseId);
  const status = useLiveSelect(store, (snapshot) => snapshot.status);
  const error = useLiveSelect(store, (snapshot) => snapshot.error);
  const actions = useMemo(() => proposalActions(store), [store]);

  useEffect(() => {
    if (!activeProposalId) return;
    document.querySelector<HTMLElement>(`[data-proposal-card="${CSS.escape(activeProposalId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeProposalId, proposals]);

  return (
    <section className="proposals-panel" aria-label={clauseId ? t('proposals:panel.title', { label: clauseLabel }) : undefined}>
      {clauseId ? <h2>{t('proposals:panel.title', { label: clauseLabel })}</h2> : <p>{t('proposals:panel.chooseClause')}</p>}
      {error !== null && error !== undefined && (
        <p className="form-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {clauseId && status === 'loading' && <p>{t('proposals:panel.loading')}</p>}
      {clauseId && status !== 'loading' && proposals.length === 0 && <p>{t('proposals:panel.none')}</p>}
      {proposals.map((proposal) => (
        <ProposalCard
          key={proposal.id}
          proposal={proposal}
          participants={participants}
          languages={languages}
          viewer={viewer}
          actions={actions}
          active={proposal.id === activeProposalId}
          announce={announce}
        />
      ))}
    </section>
  );
}
