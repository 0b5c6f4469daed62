-- Documents are created, duplicated and archived from the API, and drafts imported into them.
-- Conventions as in 001 (docs/database.md).

-- When the document was archived (its status says that it is; this says since when), and the
-- document it was started from, if any (a duplicate keeps its source's Participants and members).
ALTER TABLE documents ADD COLUMN archived_at timestamptz;
ALTER TABLE documents ADD COLUMN duplicated_from uuid REFERENCES documents (id) ON DELETE SET NULL;

-- What an upload was read into, kept until the secretariat confirms it (or for an hour): the
-- confirmation names the preview and the corrections made to it, so the text written is exactly
-- the text the files held and the preview showed — never text sent back by a browser.
CREATE TABLE import_previews (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id  uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  created_by   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  languages    text[] NOT NULL CHECK (cardinality(languages) >= 1),
  files        jsonb NOT NULL,   -- [{ language, name, format, bytes, sha256 }]
  title        jsonb NOT NULL,   -- { <language>: title found in the file, or null }
  rows         jsonb NOT NULL,   -- PreviewRow[] (shared/src/import/types.ts), as aligned
  counts       jsonb NOT NULL,   -- clauses per kind in each file
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);
CREATE INDEX import_previews_document_id_idx ON import_previews (document_id);
