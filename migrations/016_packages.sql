-- Issue 16, "Packages" (nothing is agreed until everything is agreed): a package is a named set of
-- clauses of one document, created by a delegation (participant_id) or by the secretariat (null),
-- visible to every member. A delegate's approval may be conditional on a package: it counts as an
-- approval only while that Participant has approved every clause of it (shared/src/package-holds.ts).
CREATE TABLE packages (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id     uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  name            text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
  created_by      uuid NOT NULL REFERENCES users (id),
  -- The delegation that created it and may change it (with the secretariat); null: the secretariat's.
  participant_id  uuid REFERENCES participants (id) ON DELETE CASCADE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX packages_document_id_idx ON packages (document_id);
CREATE INDEX packages_created_by_idx ON packages (created_by);
CREATE INDEX packages_participant_id_idx ON packages (participant_id);

-- Clause ids are those of the Y.Doc (as in approvals); a clause removed since stays named, unsettled.
CREATE TABLE package_clauses (
  package_id  uuid NOT NULL REFERENCES packages (id) ON DELETE CASCADE,
  clause_id   text NOT NULL,
  position    integer NOT NULL,
  PRIMARY KEY (package_id, clause_id)
);

-- The package an approval is conditional on. Deleting a package that an approval in force still uses
-- is refused by the command (package_in_use); older rows of the log then lose the link.
ALTER TABLE approvals ADD COLUMN package_id uuid REFERENCES packages (id) ON DELETE SET NULL;
ALTER TABLE approvals ADD CONSTRAINT approvals_package_is_an_approval CHECK (package_id IS NULL OR kind = 'approval');
CREATE INDEX approvals_package_id_idx ON approvals (package_id) WHERE package_id IS NOT NULL;
