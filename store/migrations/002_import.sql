-- Avtal schema version 2: what a document import suggests.

-- A tag the importer suggested from a clause's words; the user confirms it
-- (suggested = 0) or removes it. Only confirmed tags are the clause's tags.
ALTER TABLE clause_tags ADD COLUMN suggested INTEGER NOT NULL DEFAULT 0;

-- The detected amendment an amendment proposal confirms when accepted.
ALTER TABLE proposals ADD COLUMN amendment_id INTEGER REFERENCES amendments(id) ON DELETE CASCADE;
CREATE INDEX proposals_amendment ON proposals(amendment_id);
