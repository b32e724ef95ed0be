-- Avtal schema step 24: the full-text index keeps which clauses hold each
-- trigram, no longer where in them (FTS5 detail=none), nor how long each
-- clause is (columnsize=0). Search asks the index for trigrams and checks
-- the words in Go (store/searchplan.go), and ranks in Go, so neither was
-- needed; writing them cost an import a third of its indexing (18.5-20.5
-- ms of processor for the Centuri document, now 13-14), and the positions
-- were four fifths of the index (453 MB of a million clauses, now 90 MB).
--
-- The index is made again from the clauses, those an import left for
-- later (clauses_unindexed) too. As at a bulk load (store/bulk.go), the
-- rebuild collects 64 MB of terms before it writes a segment and merges
-- nothing on the way; 'optimize' then merges once, and FTS5's defaults
-- come back for everyday writes. The triggers name the table and stay.
DROP TABLE clauses_fts;
CREATE VIRTUAL TABLE clauses_fts USING fts5(
    heading, body, content='clauses', content_rowid='id', tokenize='trigram remove_diacritics 1', detail=none, columnsize=0
);
INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('hashsize', 67108864);
INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('automerge', 0);
INSERT INTO clauses_fts(clauses_fts) VALUES ('rebuild');
DELETE FROM clauses_unindexed;
INSERT INTO clauses_fts(clauses_fts) VALUES ('optimize');
INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('hashsize', 1048576);
INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('automerge', 4);
