-- Concordia core schema. Conventions (docs/database.md):
--   tables plural snake_case; uuid ids from gen_random_uuid(); foreign keys <singular>_id;
--   times are timestamptz (stored UTC) named *_at; enumerations are text + CHECK;
--   text in several document languages is jsonb keyed by language code: {"en": "...", "es": "..."}.

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
  display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  ui_language   text NOT NULL DEFAULT 'en' CHECK (ui_language IN ('en', 'es')),
  password_hash text,
  is_admin      boolean NOT NULL DEFAULT false,
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE sessions (
  id            text PRIMARY KEY,               -- SHA-256 of the cookie's random token, never the token
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ended_at      timestamptz
);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

CREATE TABLE documents (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug          text UNIQUE CHECK (slug ~ '^[a-z0-9-]{1,80}$'),
  title         jsonb NOT NULL,
  languages     text[] NOT NULL DEFAULT ARRAY['en', 'es'] CHECK (cardinality(languages) >= 1),
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'frozen', 'archived')),
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  frozen_at     timestamptz
);

CREATE TABLE participants (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id   uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  code          text NOT NULL CHECK (code ~ '^[A-Z0-9]{2,8}$'),
  name          jsonb NOT NULL,
  color         text NOT NULL CHECK (color ~ '^#[0-9a-fA-F]{6}$'),
  position      integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, code)
);

CREATE TABLE memberships (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id    uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role           text NOT NULL CHECK (role IN ('secretariat', 'delegate', 'legal_reviewer', 'observer')),
  participant_id uuid REFERENCES participants (id) ON DELETE CASCADE,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, user_id),
  CHECK (role <> 'delegate' OR participant_id IS NOT NULL),
  CHECK (role NOT IN ('secretariat', 'observer') OR participant_id IS NULL)
);
CREATE INDEX memberships_user_id_idx ON memberships (user_id);

-- Yjs history: every update is appended here before it is relayed (append-only; never rewritten).
CREATE TABLE document_updates (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id   uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  update        bytea NOT NULL,
  user_id       uuid REFERENCES users (id),     -- the authenticated sender; null for server-made updates
  origin        text NOT NULL CHECK (origin IN ('connection', 'server', 'seed', 'import')),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_updates_document_id_id_idx ON document_updates (document_id, id);

-- Compaction: the merged state of every update up to through_update_id. Load = snapshot + tail.
CREATE TABLE document_snapshots (
  document_id        uuid PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  state              bytea NOT NULL,
  through_update_id  bigint NOT NULL,
  update_count       integer NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now()
);

-- Append-only record of consequential events, each row chained to the previous one by hash.
CREATE TABLE audit_events (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id   uuid REFERENCES documents (id) ON DELETE SET NULL,
  actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  action        text NOT NULL CHECK (action ~ '^[a-z_]+\.[a-z_]+$'),
  subject       jsonb NOT NULL DEFAULT '{}'::jsonb,
  occurred_at   timestamptz NOT NULL DEFAULT now(),
  prev_hash     text NOT NULL,
  hash          text NOT NULL UNIQUE
);
CREATE INDEX audit_events_document_id_idx ON audit_events (document_id, id);
