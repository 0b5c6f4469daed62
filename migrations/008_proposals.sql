-- Proposals (docs/document-model.md §3.1, server/src/proposals/). The tracked changes themselves live
-- in the Yjs text as `insertion` and `deletion` marks carrying the proposal's id; what the text cannot
-- say safely lives here: which Participant sponsors an id (recorded by the server from the author's
-- membership the first time the id is written, never from anything the client sends), its status and
-- each Participant's position.

-- The phase of a negotiation: 'drafting' (delegates edit the agreed text) or 'negotiation' (delegates
-- only propose; the secretariat holds the pen).
ALTER TABLE documents ADD COLUMN phase text NOT NULL DEFAULT 'drafting' CHECK (phase IN ('drafting', 'negotiation'));

CREATE TABLE proposals (
  id                      text NOT NULL CHECK (id ~ '^p_[0-9a-f]{16}$'),
  document_id             uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  clause_id               text NOT NULL CHECK (clause_id ~ '^[A-Za-z0-9_-]{1,64}$'),
  -- Null only for an id found in a stored text whose author the server never recorded (a crash between
  -- the text's commit and this row's): shown as unattributed; the secretariat may still decide on it.
  sponsor_participant_id  uuid REFERENCES participants (id) ON DELETE CASCADE,
  author_user_id          uuid REFERENCES users (id),
  explanation             text CHECK (char_length(explanation) <= 4000),
  status                  text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected', 'withdrawn')),
  decided_by              uuid REFERENCES users (id),
  decided_at              timestamptz,
  -- What the decision applied, per language: { "en": [{ "type": "insertion", "text": "…" }], … }.
  decided_runs            jsonb,
  created_at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, id),
  CHECK ((status = 'open') = (decided_at IS NULL))
);
CREATE INDEX proposals_document_id_clause_id_idx ON proposals (document_id, clause_id);

-- Co-sponsors: other Participants that join a proposal.
CREATE TABLE proposal_cosponsors (
  document_id     uuid NOT NULL,
  proposal_id     text NOT NULL,
  participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, proposal_id, participant_id),
  FOREIGN KEY (document_id, proposal_id) REFERENCES proposals (document_id, id) ON DELETE CASCADE
);

-- Each Participant's current position on a proposal (the history is in the audit chain).
CREATE TABLE proposal_positions (
  document_id     uuid NOT NULL,
  proposal_id     text NOT NULL,
  participant_id  uuid NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  position        text NOT NULL CHECK (position IN ('supports', 'opposes', 'reserves')),
  note            text CHECK (char_length(note) <= 2000),
  user_id         uuid NOT NULL REFERENCES users (id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, proposal_id, participant_id),
  FOREIGN KEY (document_id, proposal_id) REFERENCES proposals (document_id, id) ON DELETE CASCADE
);

-- An update refused because it broke a rule of the text (a delegation changing the agreed text in the
-- negotiation phase, a forged proposal, a layout the document model does not allow) is kept for its
-- author like an edit that arrived after the freeze.
ALTER TABLE rejected_updates DROP CONSTRAINT rejected_updates_reason_check;
ALTER TABLE rejected_updates ADD CONSTRAINT rejected_updates_reason_check CHECK (reason IN ('frozen', 'archived', 'refused'));
