-- Several nodes (REDIS_URL set): who writes with each Yjs clientID in a document, shared by every node
-- (server/src/scale/client-id-claims.ts). The first person to write with a clientID claims it, atomically
-- (INSERT … ON CONFLICT); another person's update under it is refused on every node, before it is
-- committed. `owner` is the user id, or 'developer' on a development server open to anyone.
-- A single process keeps these claims in memory only and never reads this table.
CREATE TABLE client_id_claims (
  document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  client_id   bigint NOT NULL CHECK (client_id >= 0),
  owner       text NOT NULL,
  claimed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, client_id)
);
