-- The stored update a decision on a proposal committed (server/src/commands/decide-proposal.ts): the
-- Yjs change that accepted, rejected or withdrew it, found by its exact bytes once it is committed. The
-- redline attributes what that update changed to the proposal and its sponsor instead of to the server
-- (server/src/versions/attribution.ts). Null for a decision taken before this column existed, or one
-- that changed nothing in the text.
ALTER TABLE proposals ADD COLUMN decided_update_id bigint REFERENCES document_updates (id) ON DELETE SET NULL;
CREATE INDEX proposals_document_id_decided_update_id_idx ON proposals (document_id, decided_update_id) WHERE decided_update_id IS NOT NULL;
