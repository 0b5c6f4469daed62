/** Under a clause's number: where each Participant stands on it, and its open comment threads. */
import { ClauseBadges } from '../approvals';
import { ThreadCountBadge } from '../comments';
import { useContext } from 'react';
import { FeaturesContext } from './features-context';
import { useWorkspace } from './workspace-context';

export function ClauseGutter({ clauseId, label }: { clauseId: string; label: string }) {
  const { collab } = useWorkspace();
  const features = useContext(FeaturesContext);
  if (!features) return null;
  const { approvals, approvalMe, comments, selectedClauseId, showComments, announce } = features;
  const count = comments.openCounts.get(clauseId) ?? 0;
  return (
    <div className="clause-gutter">
      {approvals.status === 'ready' && approvals.participants.length > 0 && (
        <ClauseBadges clauseId={clauseId} ydoc={collab.ydoc} approvals={approvals} label={label} me={approvalMe} announce={announce} />
      )}
      <ThreadCountBadge count={count} label={label} showWhenEmpty active={selectedClauseId === clauseId}
        onClick={() => showComments(clauseId)} />
    </div>
  );
}
