-- Versions, the freeze, the signature record, refused post-freeze edits, and an append-only audit log.
-- Conventions as in 001 (docs/database.md). Independent of 006: it may be applied before or after it.

-- A version of the text, stored once and never changed: the Yjs state it was taken from (through
-- through_update_id), its canonical record (shared/src/versions/version-record.ts — the exact bytes,
-- so text, not jsonb, which would reorder them) and the SHA-256 of those bytes. `kind`: 'named' by the
-- secretariat ("Text circulated to capitals, 1 March"), 'automatic' (daily while the text changes),
-- 'frozen' (the signed text; at most one per document).
CREATE TABLE document_versions (
  id                uuid PRIMARY KEY,
  document_id       uuid NOT NULL REFERENCES documents (id),
  seq               integer NOT NULL CHECK (seq >= 1),
  kind              text NOT NULL CHECK (kind IN ('named', 'automatic', 'frozen')),
  name              text CHECK (name IS NULL OR char_length(name) BETWEEN 1 AND 200),
  state             bytea NOT NULL,
  record            text NOT NULL,
  fingerprint       text NOT NULL UNIQUE CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  through_update_id bigint NOT NULL,
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL,
  UNIQUE (document_id, seq),
  CHECK (kind <> 'named' OR name IS NOT NULL)
);
CREATE UNIQUE INDEX document_versions_one_frozen_idx ON document_versions (document_id) WHERE kind = 'frozen';

ALTER TABLE documents ADD COLUMN frozen_version_id uuid REFERENCES document_versions (id);

-- Place, date and signatories of the signature, entered by the secretariat before the freeze; the
-- freeze copies it into the frozen version's record, where it is covered by the fingerprint.
CREATE TABLE signature_records (
  document_id  uuid PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  place        jsonb NOT NULL,        -- { <language>: "Washington, D.C." }
  signed_on    date NOT NULL,
  signatories  jsonb NOT NULL,        -- [{ participantId, name, title: { <language>: ... } }]
  updated_by   uuid REFERENCES users (id),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Edits that reached the server after the freeze (an offline client reconnecting): not applied, but
-- kept with their author so that nothing is silently lost, and shown to that author.
CREATE TABLE rejected_updates (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  document_id  uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  user_id      uuid REFERENCES users (id),
  update       bytea NOT NULL,
  reason       text NOT NULL CHECK (reason IN ('frozen', 'archived')),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rejected_updates_document_id_user_id_idx ON rejected_updates (document_id, user_id, id);

-- Versions and the audit log are append-only. The trigger holds even for a role that owns the table
-- (or a superuser, as the app may be in development): only disabling it, which needs ownership and
-- leaves the chain to `npm run audit:verify`, gets past it.
CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER document_versions_append_only BEFORE UPDATE OR DELETE ON document_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
CREATE TRIGGER document_versions_no_truncate BEFORE TRUNCATE ON document_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change();

-- The application's role, when it is not the owner: may read and append, never rewrite. Roles are
-- shared by every schema of the cluster, so it is created only when absent (two schemas migrating at
-- once may race to create it); where roles cannot be managed the grants are skipped with a notice.
DO $$
BEGIN
  BEGIN
    CREATE ROLE concordia_app NOLOGIN;
  EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
  END;
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, document_versions FROM PUBLIC;
  REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, document_versions FROM concordia_app;
  GRANT SELECT, INSERT ON audit_events, document_versions TO concordia_app;
EXCEPTION WHEN insufficient_privilege OR feature_not_supported THEN
  RAISE NOTICE 'concordia_app grants skipped: %', SQLERRM;
END
$$;
