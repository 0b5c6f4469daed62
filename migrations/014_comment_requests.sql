-- Issue 19: a comment written without a connection waits in the browser and is sent again until the
-- server answers. The client names each comment it posts with an id of its own; the same id from the
-- same author is the same comment, so a request whose answer was lost never posts twice.
ALTER TABLE comments ADD COLUMN request_id uuid;
CREATE UNIQUE INDEX comments_author_request_id_idx ON comments (author_id, request_id) WHERE request_id IS NOT NULL;
