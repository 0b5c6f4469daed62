/**
 * The one SQL form of the visibility rule (shared/src/comment-visibility.ts [V1]–[V2]). Every query that
 * reads comment threads — REST lists and counts, loading a thread to change it, exports, the activity
 * feed — filters with this predicate in its WHERE clause: nothing is fetched that the reader may not
 * read, so no presenter can leak it by forgetting to filter.
 */
import { delegationOf, SECRETARIAT_DELEGATION, type CommentReader } from '../../../shared/src/comment-visibility';

/** The reader as the query needs them: their user id and the delegation whose internal threads they read. */
export interface ThreadReader {
  userId: string;
  /** A Participant's id, 'secretariat', or null (public threads only). */
  delegation: string | null;
}

export function threadReader(userId: string, member: CommentReader | null): ThreadReader {
  return { userId, delegation: delegationOf(member) };
}

/**
 * `(<alias>.visibility = 'all' OR <the reader's own delegation>)`, with its values appended to
 * `params` (so placeholders number on from whatever the query already has).
 */
export function threadVisibleTo(reader: ThreadReader, params: unknown[], alias = 't'): string {
  if (reader.delegation === null) return `(${alias}.visibility = 'all')`;
  if (reader.delegation === SECRETARIAT_DELEGATION) {
    return `(${alias}.visibility = 'all' OR (${alias}.visibility = 'delegation' AND ${alias}.delegation_participant_id IS NULL))`;
  }
  params.push(reader.delegation);
  return `(${alias}.visibility = 'all' OR (${alias}.visibility = 'delegation' AND ${alias}.delegation_participant_id = $${params.length}::uuid))`;
}

/**
 * The same rule when each row has its own reader — a query over several documents, where the reader's
 * membership is joined per document as `<membershipAlias>` (role, participant_id; all NULL for a
 * non-member administrator). The SQL form of `delegationOf` [V3] followed by [V1]–[V2]: the
 * secretariat reads its own internal threads, a delegate or legal reviewer those of their Participant,
 * everyone else public threads only.
 */
export function threadVisibleToMember(threadAlias = 't', membershipAlias = 'm'): string {
  const t = threadAlias;
  const m = membershipAlias;
  return `(${t}.visibility = 'all' OR (${t}.visibility = 'delegation' AND (
      (${m}.role = 'secretariat' AND ${t}.delegation_participant_id IS NULL)
      OR (${m}.role IN ('delegate', 'legal_reviewer') AND ${m}.participant_id IS NOT NULL AND ${t}.delegation_participant_id = ${m}.participant_id))))`;
}
