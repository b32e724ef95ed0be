-- Avtal schema step 13: how many clauses hold each common trigram of the
-- search index, kept in the file. Search asks a rare word by its rarest
-- trigrams, and counting a word's trigrams in the index was the first
-- search's cost in every new process (see store/searchplan.go); the counts
-- are made when the register is bulk-loaded or migrated, and a trigram not
-- in the table is counted when first asked for, as before. n is capped at
-- the count where a trigram stops being rare.

CREATE TABLE trigram_counts (
    trigram TEXT PRIMARY KEY,
    n       INTEGER NOT NULL
) WITHOUT ROWID;
