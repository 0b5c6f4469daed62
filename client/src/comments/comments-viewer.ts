/** Who is looking at the comments, as the components need it: their id and what the policy lets them do. */
import type { CommentThread, CommentVisibility } from '../../../shared/src/api/comments';
import { canReadThread, delegationOf, SECRETARIAT_DELEGATION } from '../../../shared/src/comment-visibility';
import type { Role } from '../../../shared/src/policy';
import type { MentionMember } from './comment-composer';

export interface CommentsViewer {
  userId: string;
  /** The actions of GET /api/documents/:id → `me.permissions`. */
  permissions: readonly string[];
  /** `me.role` and `me.participantId`: to suggest only members who may read an internal thread. */
  role?: Role | null;
  participantId?: string | null;
}

/** A member as the mention suggestions need them (from GET /api/documents/:id/members). */
export interface MemberForMentions extends MentionMember {
  role: Role;
  participantId: string | null;
}

/** The members worth suggesting after "@" in a thread with this visibility: those who may read it. */
export function mentionableMembers(members: readonly MemberForMentions[], viewer: CommentsViewer, visibility: CommentVisibility): MentionMember[] {
  if (visibility === 'all') return [...members];
  const own = delegationOf(viewer.role ? { role: viewer.role, participantId: viewer.participantId ?? null } : null);
  if (own === null) return [];
  const audience = { visibility, delegationParticipantId: own === SECRETARIAT_DELEGATION ? null : own };
  return members.filter((m) => canReadThread({ role: m.role, participantId: m.participantId }, audience));
}

/** Opening threads, replying, resolving, editing one's own: refused to observers and after the freeze. */
export const canComment = (viewer: CommentsViewer) => viewer.permissions.includes('comment.create');
/** Writing "my delegation only" threads: members who have a delegation. */
export const canWriteInternal = (viewer: CommentsViewer) => viewer.permissions.includes('comment.create_internal');

export const isMine = (thread: CommentThread, viewer: CommentsViewer) => thread.comments.some((c) => c.author.id === viewer.userId);
export const mentionsMe = (thread: CommentThread, viewer: CommentsViewer) =>
  thread.comments.some((c) => c.deletedAt === null && c.mentions.some((m) => m.id === viewer.userId));
