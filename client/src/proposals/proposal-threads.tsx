/**
 * A proposal's discussion (issue 14: "a proposal is … with … a comment thread"): "Discuss (n)" on its
 * card, and once opened the threads about it — oldest first, each with its replies and actions — and a
 * form to open one. The threads come live from the document's comment store (the one every workspace
 * keeps current through `comment:thread`), so what another delegation writes appears at once; the
 * comment components do the rest. A decided proposal keeps its discussion, and the policy says who may
 * add to it (`comment.create`, so nobody once the text is frozen).
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThread, CommentVisibility } from '../../../shared/src/api/comments';
import type { Participant } from '../../../shared/src/api/participants';
import type { ProposalJSON } from '../../../shared/src/api/proposals';
import { formatNumber } from '../app/format';
import { useSession } from '../app/session';
import {
  CommentComposer,
  ThreadView,
  canComment,
  canWriteInternal,
  mentionableMembers,
  useComments,
  useProposalThreads,
  type CommentsViewer,
} from '../comments';
import { useMentionableMembers } from '../comments/use-mentionable-members';
import { QueuedComments } from '../comments/queued-comments';
import { useFeatures } from '../workspace/features-context';
import type { ProposalViewer } from './proposal-card';

export interface ProposalDiscussionProps {
  proposal: ProposalJSON;
  participants: readonly Participant[];
  viewer: ProposalViewer;
}

/** The "Discuss (n)" button of a card and, while it is pressed, the proposal's threads. */
export function ProposalDiscussion({ proposal, participants, viewer }: ProposalDiscussionProps) {
  const { t } = useTranslation('comments');
  const { comments } = useFeatures();
  const threads = useProposalThreads(comments, proposal.id);
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div className="proposal-discussion">
      <div className="button-row">
        <button type="button" className="button" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)}>
          {t('proposal.discuss', { n: formatNumber(threads.length) })}
        </button>
      </div>
      {open && <ProposalThreads id={regionId} proposal={proposal} threads={threads} participants={participants} viewer={viewer} />}
    </div>
  );
}

interface ProposalThreadsProps extends ProposalDiscussionProps {
  id: string;
  threads: readonly CommentThread[];
}

function ProposalThreads({ id, proposal, threads, participants, viewer }: ProposalThreadsProps) {
  const { t } = useTranslation('comments');
  const { user } = useSession();
  const { comments } = useFeatures();
  const actions = useComments(comments);
  const members = useMentionableMembers(proposal.documentId);
  const [visibility, setVisibility] = useState<CommentVisibility>('all');
  const [activeThreadId, setActiveThreadId] = useState<string | null>(null);

  const userId = user?.id ?? '';
  const role = members.find((member) => member.userId === userId)?.role ?? null;
  const commentsViewer: CommentsViewer = useMemo(
    () => ({ userId, permissions: [...viewer.permissions], role, participantId: viewer.participantId }),
    [userId, viewer, role],
  );
  const writable = canComment(commentsViewer);
  const oldestFirst = useMemo(() => threads.slice().reverse(), [threads]);

  return (
    <section id={id} className="proposal-threads" aria-label={t('proposal.discussion')}>
      {oldestFirst.length === 0 && <p className="comment-note">{t('proposal.empty')}</p>}
      <div className="comment-thread-list">
        {oldestFirst.map((thread) => (
          <ThreadView
            key={thread.id}
            thread={thread}
            viewer={commentsViewer}
            participants={participants}
            actions={actions}
            members={mentionableMembers(members, commentsViewer, thread.visibility)}
            roster={members}
            active={thread.id === activeThreadId}
            onActivate={() => setActiveThreadId(thread.id)}
          />
        ))}
      </div>
      <QueuedComments store={comments} place={{ proposalId: proposal.id }} />
      {writable ? (
        <CommentComposer
          label={t('proposal.newThread')}
          submitLabel={t('composer.submit')}
          members={mentionableMembers(members, commentsViewer, visibility)}
          visibility={canWriteInternal(commentsViewer) ? { value: visibility, onChange: setVisibility } : undefined}
          onSubmit={async (body) => {
            const thread = await actions.create({ clauseId: proposal.clauseId, proposalId: proposal.id, language: null, anchor: null, visibility, body });
            // null: the server could not be reached; the comment waits (shown above) and is sent later.
            if (thread) setActiveThreadId(thread.id);
          }}
        />
      ) : (
        <p className="comment-note">{t('proposal.readOnly')}</p>
      )}
    </section>
  );
}
