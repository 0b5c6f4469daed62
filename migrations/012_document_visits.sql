-- When each person last opened each negotiation (server/src/routes/documents/since-last-visit.ts), so that
-- "My negotiations" can say what changed since: the time, and the last stored update and audit event
-- then, so the counts read forward from an index instead of scanning a document's whole history.
CREATE TABLE document_visits (
  document_id       uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  user_id           uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  visited_at        timestamptz NOT NULL DEFAULT now(),
  through_update_id bigint NOT NULL DEFAULT 0,
  through_audit_id  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (document_id, user_id)
);
CREATE INDEX document_visits_user_id_idx ON document_visits (user_id);
