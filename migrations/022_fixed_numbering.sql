-- Issue 15, "Stable numbering": the secretariat fixes a document's numbering at a version. The fixed
-- map is clause id → number ({"article": 3} or {"section": 1}) as the version's order and kinds give
-- it; from then on numbers are derived from it (shared/src/stable-numbering.ts): an inserted article
-- is "3 bis", a deleted one stays "Article 5 [deleted]" until the secretariat renumbers, which fixes
-- the map again at the text as it stands (version_id null). No row: the numbering follows the order.
CREATE TABLE fixed_numberings (
  document_id    uuid PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  -- The version it was fixed at; null once renumbered at the live text.
  version_id     uuid REFERENCES document_versions (id),
  numbers        jsonb NOT NULL,
  fixed_by       uuid NOT NULL REFERENCES users (id),
  fixed_at       timestamptz NOT NULL DEFAULT now(),
  renumbered_at  timestamptz
);
CREATE INDEX fixed_numberings_version_id_idx ON fixed_numberings (version_id);
CREATE INDEX fixed_numberings_fixed_by_idx ON fixed_numberings (fixed_by);
