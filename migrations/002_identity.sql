-- Identity: invitations, collab tokens, login throttling. Conventions as in 001 (docs/database.md).

-- A one-time link that lets a person join a negotiation with a role. Only the SHA-256 of the token is
-- stored; the token itself is shown once to the secretariat (and mailed when SMTP is configured).
CREATE TABLE invitations (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id      uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  email            text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
  role             text NOT NULL CHECK (role IN ('secretariat', 'delegate', 'legal_reviewer', 'observer')),
  participant_id   uuid REFERENCES participants (id) ON DELETE CASCADE,
  token_hash       text NOT NULL,
  invited_by       uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz NOT NULL,
  accepted_at      timestamptz,
  accepted_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  revoked_at       timestamptz,
  CHECK (role <> 'delegate' OR participant_id IS NOT NULL),
  CHECK (role NOT IN ('secretariat', 'observer') OR participant_id IS NULL)
);
CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash);
CREATE INDEX invitations_document_id_idx ON invitations (document_id);

-- Short-lived, single-use tickets for opening a collab websocket (`?token=`), bound to one session,
-- one user and one document. Only the SHA-256 of the token is stored.
CREATE TABLE collab_tokens (
  token_hash   text PRIMARY KEY,
  session_id   text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  document_id  uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);
CREATE INDEX collab_tokens_session_id_idx ON collab_tokens (session_id);

-- Sign-in attempts counted per key ("account:<email>" or "ip:<address>") in a fixed window; shared by
-- every server instance. The key is not a foreign key on purpose: unknown emails are throttled alike.
CREATE TABLE login_throttles (
  key               text PRIMARY KEY,
  attempts          integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL DEFAULT now()
);

-- Sessions are looked up by user (logout everywhere, disable) and swept by expiry.
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at) WHERE ended_at IS NULL;
CREATE INDEX memberships_participant_id_idx ON memberships (participant_id);
