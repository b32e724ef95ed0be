-- Avtal schema step 19: clauses committed before the full-text index has
-- taken them in. Putting a document's text into the trigram index costs an
-- import more than everything else it writes (15-20 ms for an 80 KB
-- document), so an import commits its clauses with their ids here, and the
-- index takes them in its own transaction right after (Store.indexPending).
-- Meanwhile search reads these clauses itself and checks every word, as it
-- does when it scans an agreement; a program that stops between the two
-- leaves them here, and the next one that opens the register indexes them.
--
-- The triggers keep the index in step only for clauses it holds: a clause
-- listed here is indexed later with its text as it is then, and one deleted
-- before that leaves nothing in the index to take out.

CREATE TABLE clauses_unindexed (
    id INTEGER PRIMARY KEY -- a clause id; no foreign key: the delete trigger removes it
);

DROP TRIGGER clauses_ai;
CREATE TRIGGER clauses_ai AFTER INSERT ON clauses WHEN NOT EXISTS (SELECT 1 FROM clauses_unindexed WHERE id = new.id) BEGIN
    INSERT INTO clauses_fts(rowid, heading, body) VALUES (new.id, new.heading, new.body);
END;

DROP TRIGGER clauses_ad;
CREATE TRIGGER clauses_ad AFTER DELETE ON clauses BEGIN
    INSERT INTO clauses_fts(clauses_fts, rowid, heading, body) SELECT 'delete', old.id, old.heading, old.body
        WHERE NOT EXISTS (SELECT 1 FROM clauses_unindexed WHERE id = old.id);
    DELETE FROM clauses_unindexed WHERE id = old.id;
END;

DROP TRIGGER clauses_au;
CREATE TRIGGER clauses_au AFTER UPDATE OF heading, body ON clauses WHEN NOT EXISTS (SELECT 1 FROM clauses_unindexed WHERE id = new.id) BEGIN
    INSERT INTO clauses_fts(clauses_fts, rowid, heading, body) VALUES ('delete', old.id, old.heading, old.body);
    INSERT INTO clauses_fts(rowid, heading, body) VALUES (new.id, new.heading, new.body);
END;
