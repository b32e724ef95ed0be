-- Avtal schema step 20: the register's list from an index of what it shows.
-- The facts index (steps 7 and 11) holds each agreement's rules, which the
-- list never shows: two thirds of every entry, spilling past its page,
-- copied out and skipped again for each agreement listed. This index holds
-- the list's columns and the facts without the rules. Facts that are not
-- JSON (damaged) are held as they are: the list reports them, and a write
-- that damages them fails where it did, not in this index.

CREATE INDEX agreements_list ON agreements(sort_key, id, kind, status, supplier, parent_id,
    iif(json_valid(facts), json_remove(facts, '$.rules'), facts));
