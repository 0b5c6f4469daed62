-- Comment threads on clauses. Conventions as in 001 (docs/database.md), with one addition: threads
-- carry `seq`, a `bigint GENERATED ALWAYS AS IDENTITY` that orders them for keyset pagination
-- (timestamps tie and lose microseconds in JavaScript; the id is a uuid like every other id).
--
-- Visibility is data of the thread, never derived from who reads it:
--   visibility = 'all'         every member of the document (observers included) may read it;
--   visibility = 'delegation'  only the delegation it belongs to: delegation_participant_id names the
--                              Participant, NULL means the secretariat's own internal thread.
-- Every read goes through one SQL predicate (server/src/comments/visibility.ts) — REST lists, counts,
-- socket.io routing, exports and activity alike.

CREATE TABLE comment_threads (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),  -- also the id of its first comment
  seq                       bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  document_id               uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  clause_id                 text NOT NULL CHECK (clause_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  -- The language the thread is about (NULL: the clause as a whole, in every language).
  language                  text CHECK (language ~ '^[a-z]{2,3}$'),
  -- The commented range: Yjs relative positions (Y.encodeRelativePosition) inside the clause's
  -- fragment in `language`, so the range follows its words through concurrent edits; and the text
  -- it covered when the thread was opened, shown when those words are gone.
  anchor_start              bytea,
  anchor_end                bytea,
  quote                     text,
  visibility                text NOT NULL CHECK (visibility IN ('all', 'delegation')),
  -- Deleting a Participant takes its internal threads with it: they must never fall to the
  -- secretariat (NULL) by a SET NULL.
  delegation_participant_id uuid REFERENCES participants (id) ON DELETE CASCADE,
  -- The author's Participant when the thread was opened (NULL: the secretariat, or none).
  author_participant_id     uuid REFERENCES participants (id) ON DELETE SET NULL,
  created_by                uuid NOT NULL REFERENCES users (id),
  created_at                timestamptz NOT NULL DEFAULT now(),
  last_activity_at          timestamptz NOT NULL DEFAULT now(),
  resolved_at               timestamptz,
  resolved_by               uuid REFERENCES users (id),
  reopened_at               timestamptz,
  reopened_by               uuid REFERENCES users (id),
  CHECK ((anchor_start IS NULL) = (anchor_end IS NULL) AND (anchor_start IS NULL) = (quote IS NULL)),
  CHECK (anchor_start IS NULL OR language IS NOT NULL),
  CHECK (visibility = 'delegation' OR delegation_participant_id IS NULL),
  CHECK ((resolved_at IS NULL) = (resolved_by IS NULL)),
  CHECK ((reopened_at IS NULL) = (reopened_by IS NULL))
);
CREATE INDEX comment_threads_document_id_seq_idx ON comment_threads (document_id, seq);
CREATE INDEX comment_threads_document_id_clause_id_idx ON comment_threads (document_id, clause_id);
CREATE INDEX comment_threads_delegation_participant_id_idx ON comment_threads (delegation_participant_id);
CREATE INDEX comment_threads_author_participant_id_idx ON comment_threads (author_participant_id);

-- The first comment of a thread has the thread's id; replies follow in created order. A deleted
-- comment keeps its row (the marker "comment deleted") and loses its body and mentions.
CREATE TABLE comments (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  thread_id             uuid NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
  author_id             uuid NOT NULL REFERENCES users (id),
  author_participant_id uuid REFERENCES participants (id) ON DELETE SET NULL,
  -- Plain text with line breaks; at most 10,000 characters (code points, as char_length counts).
  body                  text CHECK (char_length(body) BETWEEN 1 AND 10000),
  -- The members it @mentions, resolved when written (only members who may read the thread).
  mentions              uuid[] NOT NULL DEFAULT '{}',
  created_at            timestamptz NOT NULL DEFAULT now(),
  edited_at             timestamptz,
  deleted_at            timestamptz,
  deleted_by            uuid REFERENCES users (id),
  CHECK ((deleted_at IS NULL) = (body IS NOT NULL)),
  CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
);
CREATE INDEX comments_thread_id_created_at_idx ON comments (thread_id, created_at, id);
CREATE INDEX comments_author_id_idx ON comments (author_id);
CREATE INDEX comments_author_participant_id_idx ON comments (author_participant_id);
