/**
 * Under and beside a clause's number, kept compact so that a screen holds several clauses: on the
 * number's line, its open comment threads and proposals (ClauseMarkers); under it, where each
 * Participant stands on it in one line of badges, then the concordance and the person's own Approve
 * / Revoke (ClauseGutter). What the marks mean is in the legend (navigation/legend-dialog.tsx). Each
 * part selects its own clause from the document's stores, so an approval, a comment or the focus on
 * another clause does not re-render this one.
 */
import { useContext } from 'react';
import { ClauseBadges, useApprovalsMeta } from '../approvals';
import { ThreadCountBadge, useOpenThreadCount } from '../comments';
import { ProposalMarkers } from '../proposals/proposal-markers';
import { FeaturesContext, type WorkspaceFeatures } from './features-context';
import { useIsSelectedClause } from './selected-clause';

interface ClausePartProps {
  clauseId: string;
  label: string;
}

export function ClauseGutter({ clauseId, label }: ClausePartProps) {
  const features = useContext(FeaturesContext);
  if (!features) return null;
  return <Gutter clauseId={clauseId} label={label} features={features} />;
}

function Gutter({ clauseId, label, features }: ClausePartProps & { features: WorkspaceFeatures }) {
  const { approvals, approvalMe, announce } = features;
  const meta = useApprovalsMeta(approvals);
  return (
    <div className="clause-gutter">
      {meta.status === 'ready' && meta.participants.length > 0 && (
        <ClauseBadges clauseId={clauseId} store={approvals} label={label} me={approvalMe} announce={announce} />
      )}
    </div>
  );
}

/** The comments button (with the number of open threads) and one marker per open proposal. */
export function ClauseMarkers({ clauseId, label }: ClausePartProps) {
  const features = useContext(FeaturesContext);
  if (!features) return null;
  return <Markers clauseId={clauseId} label={label} features={features} />;
}

function Markers({ clauseId, label, features }: ClausePartProps & { features: WorkspaceFeatures }) {
  const { comments, proposals, participants, selection, showComments, showProposals } = features;
  const count = useOpenThreadCount(comments, clauseId);
  const selected = useIsSelectedClause(selection, clauseId);
  return (
    <span className="clause-markers">
      <ThreadCountBadge count={count} label={label} showWhenEmpty active={selected} onClick={() => showComments(clauseId)} />
      <ProposalMarkers store={proposals} clauseId={clauseId} participants={participants} onOpen={showProposals} />
    </span>
  );
}
