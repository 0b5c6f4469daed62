-- Single sign-on with OpenID Connect (server/src/identity/*): the identity providers an administrator
-- registers (one per ministry), the identities they vouched for, the sign-ins under way, and which
-- provider a session came through (so disabling a provider ends its sessions).

-- A provider vouches for the email addresses of its `domains` (lower case, exact). Its client secret is
-- sealed with IDENTITY_SECRET_KEY (auth/secret-box.ts, purpose `identity_provider:<id>`); a provider
-- without one is a public client (PKCE only). `participant_code` names the Participant whose members it
-- serves — by code, because Participants belong to one negotiation and a ministry takes part in many.
CREATE TABLE identity_providers (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  issuer                 text NOT NULL CHECK (issuer ~ '^https?://'),
  client_id              text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
  client_secret_sealed   text,
  domains                text[] NOT NULL CHECK (cardinality(domains) >= 1),
  participant_code       text CHECK (participant_code ~ '^[A-Z0-9]{2,8}$'),
  display_name           jsonb NOT NULL,
  allow_account_creation boolean NOT NULL DEFAULT false,
  enabled                boolean NOT NULL DEFAULT true,
  created_by             uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_providers_domains_idx ON identity_providers USING gin (domains);

-- Who a provider's subject (`sub`) is here: linked once, on the first sign-in through it.
CREATE TABLE linked_identities (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  provider_id  uuid NOT NULL REFERENCES identity_providers (id) ON DELETE CASCADE,
  subject      text NOT NULL,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email        text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (provider_id, subject)
);
CREATE INDEX linked_identities_user_id_idx ON linked_identities (user_id);

-- A sign-in under way (authorization code flow with PKCE): kept server-side for ten minutes and spent by
-- its callback. Keyed by the SHA-256 of `state`; `binding_hash` is the SHA-256 of the `concordia_sso`
-- cookie of the browser that started it, so a callback from another browser is refused.
CREATE TABLE sso_transactions (
  state_hash    text PRIMARY KEY,
  binding_hash  text NOT NULL,
  provider_id   uuid NOT NULL REFERENCES identity_providers (id) ON DELETE CASCADE,
  nonce         text NOT NULL,
  code_verifier text NOT NULL,
  redirect_uri  text NOT NULL,
  return_path   text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz
);
CREATE INDEX sso_transactions_expires_at_idx ON sso_transactions (expires_at);

-- The provider a session came through (null: a password or an invitation), and the ID token it was given
-- (the `id_token_hint` of RP-initiated logout).
ALTER TABLE sessions ADD COLUMN identity_provider_id uuid REFERENCES identity_providers (id) ON DELETE CASCADE;
ALTER TABLE sessions ADD COLUMN id_token_hint text;
CREATE INDEX sessions_identity_provider_id_idx ON sessions (identity_provider_id) WHERE identity_provider_id IS NOT NULL;
