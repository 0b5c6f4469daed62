/**
 * Under a clause's number: where each Participant stands on it, and its open comment threads. Each
 * part selects its own clause from the document's stores, so an approval, a comment or the focus on
 * another clause does not re-render this one.
 */
import { useContext } from 'react';
import { ClauseBadges, useApprovalsMeta } from '../approvals';
import { ThreadCountBadge, useOpenThreadCount } from '../comments';
import { ProposalMarkers } from '../proposals/proposal-markers';
import { FeaturesContext, type WorkspaceFeatures } from './features-context';
import { useIsSelectedClause } from './selected-clause';

export function ClauseGutter({ clauseId, label }: { clauseId: string; label: string }) {
  const features = useContext(FeaturesContext);
  if (!features) return null;
  return <Gutter clauseId={clauseId} label={label} features={features} />;
}

function Gutter({ clauseId, label, features }: { clauseId: string; label: string; features: WorkspaceFeatures }) {
  const { approvals, approvalMe, comments, proposals, participants, selection, showComments, showProposals, announce } = features;
  const meta = useApprovalsMeta(approvals);
  const count = useOpenThreadCount(comments, clauseId);
  const selected = useIsSelectedClause(selection, clauseId);
  return (
    <div className="clause-gutter">
      {meta.status === 'ready' && meta.participants.length > 0 && (
        <ClauseBadges clauseId={clauseId} store={approvals} label={label} me={approvalMe} announce={announce} />
      )}
      <ThreadCountBadge count={count} label={label} showWhenEmpty active={selected} onClick={() => showComments(clauseId)} />
      <ProposalMarkers store={proposals} clauseId={clauseId} participants={participants} onOpen={showProposals} />
    </div>
  );
}
