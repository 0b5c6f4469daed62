-- Account hygiene (issue 21): what the Security page shows of each session, and password reset links.

-- A session as its owner sees it on the Security page: a public id to name it by (the primary key is
-- the SHA-256 of the cookie's token and never leaves the server), the browser's User-Agent and the
-- address it signed in from. Sessions opened before this migration have neither: the page says so.
ALTER TABLE sessions ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE sessions ADD COLUMN user_agent text CHECK (length(user_agent) <= 512);
ALTER TABLE sessions ADD COLUMN ip_address text CHECK (length(ip_address) <= 64);
CREATE UNIQUE INDEX sessions_public_id_key ON sessions (public_id);

-- A single-use link that lets a person choose a new password, sent by the secretariat or an
-- administrator (policy rule [P9]). As for invitations, only the SHA-256 of the token is stored. A
-- new link for the same person replaces the pending one; using a link ends every session of the person.
CREATE TABLE password_resets (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash    text NOT NULL,
  requested_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  document_id   uuid REFERENCES documents (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz,
  revoked_at    timestamptz
);
CREATE UNIQUE INDEX password_resets_token_hash_key ON password_resets (token_hash);
CREATE INDEX password_resets_user_id_idx ON password_resets (user_id);

-- A person's own identity events (sign-ins, password changes, sessions ended) for the Security page:
-- they are recorded with no document, by the person themself or about them (subject.userId).
CREATE INDEX audit_events_identity_user_idx ON audit_events ((subject ->> 'userId'), id) WHERE document_id IS NULL;
