-- Issue 16: an approval is final or ad referendum (subject to confirmation by the Participant's
-- capital); the head of delegation — a delegate the secretariat marks as one who may confirm for the
-- capital — confirms it, which makes it final. The approvals log stays append-only: a confirmation is a
-- row of its own, bound to the approval it confirms and to the fingerprint both cover.
ALTER TABLE approvals ADD COLUMN ad_referendum boolean NOT NULL DEFAULT false;
ALTER TABLE approvals ADD CONSTRAINT approvals_ad_referendum_is_an_approval CHECK (NOT ad_referendum OR kind = 'approval');

CREATE TABLE approval_confirmations (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  approval_id  bigint NOT NULL UNIQUE REFERENCES approvals (id) ON DELETE CASCADE,
  user_id      uuid NOT NULL REFERENCES users (id),
  fingerprint  text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX approval_confirmations_user_id_idx ON approval_confirmations (user_id);

ALTER TABLE memberships ADD COLUMN may_confirm_for_capital boolean NOT NULL DEFAULT false;
-- Only a delegate speaks for a Participant's capital (a role change clears it).
ALTER TABLE memberships ADD CONSTRAINT memberships_capital_is_a_delegate CHECK (NOT may_confirm_for_capital OR role = 'delegate');
