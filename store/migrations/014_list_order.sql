-- Avtal schema step 14: the register's list sorted by a column, at any
-- size. The list is read a page at a time; sorted by supplier, title,
-- status, end or cancel-by, each page is one indexed keyset query on
-- list_order (store/order.go). Supplier and title are kept folded (case
-- and accents, as the filter matches them); end and cancel-by depend on
-- the day, so each row keeps the last day they hold (until, '' for as
-- long as the agreement is unchanged) and a sort by a date computes again
-- the rows whose day has passed. A date that is not there is '~', after
-- every date.
CREATE TABLE list_order (
    id        TEXT PRIMARY KEY,
    sort_key  TEXT NOT NULL,
    supplier  TEXT NOT NULL,
    title     TEXT NOT NULL,
    status    TEXT NOT NULL,
    ends      TEXT NOT NULL,
    cancel_by TEXT NOT NULL,
    until     TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX list_order_supplier ON list_order(supplier, sort_key);
CREATE INDEX list_order_title ON list_order(title, sort_key);
CREATE INDEX list_order_status ON list_order(status, sort_key);
CREATE INDEX list_order_ends ON list_order(ends, sort_key);
CREATE INDEX list_order_cancel_by ON list_order(cancel_by, sort_key);
CREATE INDEX list_order_until ON list_order(until) WHERE until != '';

-- The agreements whose list_order row the running transaction changed:
-- the same transaction computes them before it commits (store/order.go).
CREATE TABLE list_dirty (
    agreement_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

CREATE TRIGGER list_agreements_ai AFTER INSERT ON agreements BEGIN
    INSERT INTO list_dirty SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM list_dirty WHERE agreement_id = new.id);
END;
CREATE TRIGGER list_agreements_au AFTER UPDATE OF id, title, supplier, status, facts, sort_key ON agreements BEGIN
    INSERT INTO list_dirty SELECT old.id WHERE NOT EXISTS (SELECT 1 FROM list_dirty WHERE agreement_id = old.id);
    INSERT INTO list_dirty SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM list_dirty WHERE agreement_id = new.id);
END;
CREATE TRIGGER list_agreements_ad AFTER DELETE ON agreements BEGIN
    INSERT INTO list_dirty SELECT old.id WHERE NOT EXISTS (SELECT 1 FROM list_dirty WHERE agreement_id = old.id);
END;
-- A termination event moves the end.
CREATE TRIGGER list_events_ai AFTER INSERT ON events WHEN new.name = 'termination' BEGIN
    INSERT INTO list_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM list_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER list_events_au AFTER UPDATE ON events WHEN old.name = 'termination' OR new.name = 'termination' BEGIN
    INSERT INTO list_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM list_dirty WHERE agreement_id = old.agreement_id);
    INSERT INTO list_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM list_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER list_events_ad AFTER DELETE ON events WHEN old.name = 'termination' BEGIN
    INSERT INTO list_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM list_dirty WHERE agreement_id = old.agreement_id);
END;

-- The upgrade computes every agreement's row before it commits.
INSERT INTO list_dirty SELECT id FROM agreements;
