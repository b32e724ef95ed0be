-- Avtal schema step 11: the register's list from one index. The list read
-- each agreement's row for its kind, status, supplier and framework: one
-- lookup per agreement into a row many times the size of what it shows.
-- The facts index (step 7) holds those too now, so the list and the
-- deadline engine both read the register side by side in list order.

DROP INDEX agreements_facts;
CREATE INDEX agreements_facts ON agreements(sort_key, id, facts, kind, status, supplier, parent_id);
