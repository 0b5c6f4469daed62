-- A second factor for local accounts (server/src/auth/second-factors/*): TOTP, passkeys / security keys
-- (WebAuthn) and one-time recovery codes; the pending sign-ins that wait for the factor after the
-- password; and the negotiation setting that requires one of its members.

-- At most one TOTP authenticator per person. Its secret is sealed with IDENTITY_SECRET_KEY when one is
-- configured (auth/secret-box.ts). It counts only once confirmed by a first code; `last_step` is the
-- 30-second step of the last code accepted, so a code is never accepted twice.
CREATE TABLE totp_factors (
  user_id       uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret_sealed text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  confirmed_at  timestamptz,
  last_step     bigint,
  last_used_at  timestamptz
);

-- Passkeys and security keys: the credential's id and public key as the authenticator gave them, and its
-- signature counter (a counter that goes backwards is refused by @simplewebauthn/server).
CREATE TABLE webauthn_credentials (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  credential_id text NOT NULL UNIQUE,
  public_key    bytea NOT NULL,
  counter       bigint NOT NULL DEFAULT 0,
  transports    text[] NOT NULL DEFAULT '{}',
  device_type   text NOT NULL,
  backed_up     boolean NOT NULL DEFAULT false,
  label         text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz
);
CREATE INDEX webauthn_credentials_user_id_idx ON webauthn_credentials (user_id);

-- Ten one-time codes per person, shown once: only their SHA-256 is kept (each code carries 80 random bits,
-- so a slow hash would add nothing but half a second per code tried).
CREATE TABLE recovery_codes (
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash  text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at    timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- WebAuthn challenges, server-side and single use: for adding a passkey (bound to the session) and for
-- signing in (bound to a pending sign-in).
CREATE TABLE webauthn_challenges (
  challenge   text PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose     text NOT NULL CHECK (purpose IN ('registration', 'authentication')),
  bound_to    text NOT NULL,
  expires_at  timestamptz NOT NULL
);

-- The password was right and the account has a second factor: the sign-in waits here (the token's
-- SHA-256 only) for five minutes, for one session at most. It remembers how the password step was
-- throttled, so the second step counts against the same pair and address.
CREATE TABLE pending_sign_ins (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email        text NOT NULL,
  ip           text NOT NULL,
  known_device text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);
CREATE INDEX pending_sign_ins_expires_at_idx ON pending_sign_ins (expires_at);

-- The secretariat may require every member of a negotiation to have a second factor.
ALTER TABLE documents ADD COLUMN require_second_factor boolean NOT NULL DEFAULT false;
