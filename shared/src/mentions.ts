/**
 * @mentions in comment bodies: "@" followed by a member's display name or email, matched without
 * regard to case. The body stays plain text; the server resolves the mentions to user ids when the
 * comment is written, and the client finds the same spans to show them.
 *
 * At each "@" the longest matching name wins ("@Ana María" over "@Ana"). The "@" must start the text
 * or follow something that is not a letter or digit (so "ana@demo.test" mentions nobody), and the
 * name must not run on into a letter or digit ("@Anabel" does not mention "Ana").
 */
export interface MentionCandidate {
  userId: string;
  displayName: string;
  email?: string;
}

export interface MentionSpan {
  userId: string;
  /** UTF-16 offsets of the "@" and just after the name. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}_]/u;

export function findMentions(body: string, candidates: readonly MentionCandidate[]): MentionSpan[] {
  const names: { key: string; userId: string }[] = [];
  for (const c of candidates) {
    for (const name of [c.displayName, c.email]) {
      const key = name?.trim().toLocaleLowerCase();
      if (key) names.push({ key, userId: c.userId });
    }
  }
  names.sort((a, b) => b.key.length - a.key.length);
  const lower = body.toLocaleLowerCase();
  // Lower-casing may change lengths (rare: "İ"); fall back to exact-case matching then.
  const folded = lower.length === body.length ? lower : body;
  const spans: MentionSpan[] = [];
  let at = folded.indexOf('@');
  while (at !== -1) {
    const before = at === 0 ? '' : body[at - 1];
    let next = at + 1;
    if (!before || !WORD.test(before)) {
      const match = names.find(({ key }) => folded.startsWith(key, at + 1) && !WORD.test(body[at + 1 + key.length] ?? ''));
      if (match) {
        spans.push({ userId: match.userId, start: at, end: at + 1 + match.key.length });
        next = at + 1 + match.key.length;
      }
    }
    at = folded.indexOf('@', next);
  }
  return spans;
}

/** The distinct users a body mentions, in order of first mention. */
export function mentionedUserIds(body: string, candidates: readonly MentionCandidate[]): string[] {
  return [...new Set(findMentions(body, candidates).map((span) => span.userId))];
}

/** The body cut into plain text and mention pieces, for rendering as text nodes. */
export function splitMentions(body: string, candidates: readonly MentionCandidate[]): Array<{ text: string; userId: string | null }> {
  const pieces: Array<{ text: string; userId: string | null }> = [];
  let last = 0;
  for (const span of findMentions(body, candidates)) {
    if (span.start > last) pieces.push({ text: body.slice(last, span.start), userId: null });
    pieces.push({ text: body.slice(span.start, span.end), userId: span.userId });
    last = span.end;
  }
  if (last < body.length) pieces.push({ text: body.slice(last), userId: null });
  return pieces;
}
