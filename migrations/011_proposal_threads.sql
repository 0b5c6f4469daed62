-- A comment thread may be about a proposal (issue 14: "a proposal is … with … a comment thread").
-- Such a thread is on the proposal's clause (the command takes clause_id from the proposal) and keeps
-- every other rule of 004: visibility, anchors, replies. A decided proposal keeps its threads; they go
-- only with the proposal row itself (ON DELETE CASCADE), as its positions and co-sponsors do.
ALTER TABLE comment_threads ADD COLUMN proposal_id text;
ALTER TABLE comment_threads
  ADD CONSTRAINT comment_threads_proposal_fkey FOREIGN KEY (document_id, proposal_id) REFERENCES proposals (document_id, id) ON DELETE CASCADE;
CREATE INDEX comment_threads_document_id_proposal_id_idx ON comment_threads (document_id, proposal_id) WHERE proposal_id IS NOT NULL;
