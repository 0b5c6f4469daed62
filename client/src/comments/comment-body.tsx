/**
 * A comment body: plain text with its line breaks (CSS white-space: pre-wrap), @mentions set apart.
 * Only React text nodes — never innerHTML — so "<img onerror=…>" in a body is shown as those characters.
 */
import { splitMentions } from '../../../shared/src/mentions';
import type { PersonRef } from '../../../shared/src/api/comments';

export function CommentBody({ body, mentions }: { body: string; mentions: readonly PersonRef[] }) {
  const pieces = splitMentions(
    body,
    mentions.map((m) => ({ userId: m.id, displayName: m.displayName })),
  );
  return (
    <p className="comment-body">
      {pieces.map((piece, i) =>
        piece.userId ? (
          <span key={i} className="comment-mention" data-user-id={piece.userId}>
            {piece.text}
          </span>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </p>
  );
}
