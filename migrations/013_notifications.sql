-- Notifications (server/src/notifications/, shared/src/api/notifications.ts): what concerns each person,
-- written after the change they tell of has committed. Conventions as in 001 (docs/database.md).

-- One row per person, document and thing told [N1]: `source` names that thing ('comment:<id>',
-- 'approval:<id>', 'proposal:<id>:position:<participant>:<time>', 'proposal:<id>:decision',
-- 'version:<id>', 'frozen'), so telling it again is a conflict, never a second row. What may become
-- unreadable later (a mention's thread and comment) is referenced, not copied: every read filters by
-- the reader's membership and the thread's visibility now, and the excerpt is the comment as it is.
CREATE TABLE notifications (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  document_id    uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  kind           text NOT NULL CHECK (kind IN ('mention', 'approval_outdated', 'proposal', 'version_named', 'document_frozen')),
  source         text NOT NULL CHECK (char_length(source) BETWEEN 1 AND 300),
  -- The clause it points to, with its kind and number when told ({"id", "kind", "article"?, "section"?}).
  clause         jsonb,
  thread_id      uuid REFERENCES comment_threads (id) ON DELETE CASCADE,
  comment_id     uuid REFERENCES comments (id) ON DELETE CASCADE,
  actor_user_id  uuid REFERENCES users (id) ON DELETE SET NULL,
  -- What the kind says beyond who and where (never a comment's body).
  details        jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at     timestamptz NOT NULL DEFAULT now(),
  read_at        timestamptz,
  mailed_at      timestamptz,
  UNIQUE (user_id, document_id, source),
  CHECK (kind <> 'mention' OR (thread_id IS NOT NULL AND comment_id IS NOT NULL))
);
CREATE INDEX notifications_user_id_created_at_idx ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_user_id_unread_idx ON notifications (user_id, document_id) WHERE read_at IS NULL;

-- Which kinds also come by mail, per person. No row: the default (shared/src/api/notifications.ts MAIL_BY_DEFAULT).
CREATE TABLE notification_preferences (
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind        text NOT NULL CHECK (kind IN ('mention', 'approval_outdated', 'proposal', 'version_named', 'document_frozen')),
  by_mail     boolean NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);

-- Approvals already told to have turned outdated: once per approval, however often its clause changes
-- again, is changed back, or is checked by two servers at once (the insert decides who tells).
CREATE TABLE outdated_approval_notices (
  approval_id  bigint PRIMARY KEY REFERENCES approvals (id) ON DELETE CASCADE,
  document_id  uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  noticed_at   timestamptz NOT NULL DEFAULT now()
);
