-- Avtal schema step 21: trigram_counts keeps, for a trigram counted up to
-- where it stops being rare, how many clauses a sample of the register says
-- hold it, so that search asks a rare word by its rarest trigram and the
-- least common of the others (store/searchplan.go). The table is the same;
-- the program counts its trigrams again after this step.
DELETE FROM trigram_counts;
