-- Approvals and concordance. Conventions as in 001 (docs/database.md), with one deliberate exception:
-- both tables are append-only logs whose order is their meaning, so their ids are
-- `bigint GENERATED ALWAYS AS IDENTITY` like document_updates and audit_events.
--
-- Nothing here stores a status. Whether a Participant's approval is current, or a clause's
-- concordance holds, is derived by comparing the latest row with the clause's text now
-- (shared/src/approval-status.ts).

-- Every approval and every revocation of an approval, in order. The latest row for
-- (document, clause, Participant) decides: an approval in force, or none (a revocation, or no row).
CREATE TABLE approvals (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id        uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  clause_id          text NOT NULL CHECK (clause_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  participant_id     uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  user_id            uuid NOT NULL REFERENCES users (id),
  kind               text NOT NULL CHECK (kind IN ('approval', 'revocation')),
  -- For an approval: what it covers. The clause fingerprint, the clause kind and the language hashes
  -- that make it up, and the canonical string of each language (the exact bytes hashed), so the
  -- approved text can be shown, compared and re-verified later.
  fingerprint        text CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  clause_kind        text CHECK (clause_kind IN ('preamble', 'heading', 'clause', 'final')),
  language_hashes    jsonb,
  canonical_texts    jsonb,
  -- The clause's concordance when it was approved ('stale' or 'unconfirmed' means the approver acknowledged it).
  concordance_status text CHECK (concordance_status IN ('concordant', 'stale', 'unconfirmed')),
  -- The newest document_updates row the approved text includes: later rows are the changes since.
  through_update_id  bigint,
  -- For a revocation: the approval it ends.
  revokes_id         bigint REFERENCES approvals (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'approval') = (fingerprint IS NOT NULL AND clause_kind IS NOT NULL AND language_hashes IS NOT NULL
    AND canonical_texts IS NOT NULL AND concordance_status IS NOT NULL AND through_update_id IS NOT NULL)),
  CHECK ((kind = 'revocation') = (revokes_id IS NOT NULL))
);
CREATE INDEX approvals_document_id_clause_id_participant_id_idx ON approvals (document_id, clause_id, participant_id, id);
CREATE INDEX approvals_participant_id_idx ON approvals (participant_id);

-- Every confirmation that the language versions of a clause say the same thing. The latest row per
-- (document, clause) is compared with the current language hashes: equal = concordant, otherwise stale.
CREATE TABLE concordance_confirmations (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id        uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  clause_id          text NOT NULL CHECK (clause_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  user_id            uuid NOT NULL REFERENCES users (id),
  language_hashes    jsonb NOT NULL,
  canonical_texts    jsonb NOT NULL,
  through_update_id  bigint NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX concordance_confirmations_document_id_clause_id_idx ON concordance_confirmations (document_id, clause_id, id);
