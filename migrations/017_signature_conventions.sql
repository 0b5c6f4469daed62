-- Issue 16, signature conventions. Conventions as in 001 (docs/database.md).
--
-- The statement of originals ("done in four originals, in the English and Spanish languages") is part
-- of the signature record, entered before the freeze and copied into the signed record; null: not
-- stated (one original per Participant in every language).
ALTER TABLE signature_records ADD COLUMN originals jsonb; -- { count, languages: [<language>, ...] }

-- After the freeze: each Participant's designated person (the delegate who may confirm for the
-- capital) initials the signed text, once per signed version, bound to the fingerprint they were
-- shown. The name is kept as it was at that moment: it is what the footer of the exports prints.
CREATE TABLE signature_initials (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id     uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  version_id      uuid NOT NULL REFERENCES document_versions (id),
  participant_id  uuid NOT NULL REFERENCES participants (id),
  user_id         uuid NOT NULL REFERENCES users (id),
  user_name       text NOT NULL,
  initials        text NOT NULL CHECK (char_length(initials) BETWEEN 1 AND 6), -- letters: checked by the API (any script)
  fingerprint     text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (version_id, participant_id)
);
CREATE INDEX signature_initials_document_id_idx ON signature_initials (document_id);
CREATE INDEX signature_initials_user_id_idx ON signature_initials (user_id);

-- A signature given ad referendum, confirmed later by the capital (VCLT art. 12(2)(b)): the date of
-- the confirmation and who recorded it (the secretariat), once per signatory of the signed version.
CREATE TABLE signature_confirmations (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id     uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  version_id      uuid NOT NULL REFERENCES document_versions (id),
  participant_id  uuid NOT NULL REFERENCES participants (id),
  confirmed_on    date NOT NULL,
  recorded_by     uuid NOT NULL REFERENCES users (id),
  recorded_by_name text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (version_id, participant_id)
);
CREATE INDEX signature_confirmations_document_id_idx ON signature_confirmations (document_id);
CREATE INDEX signature_confirmations_recorded_by_idx ON signature_confirmations (recorded_by);
