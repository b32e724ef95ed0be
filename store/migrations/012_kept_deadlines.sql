-- Avtal schema step 12: the register's deadlines kept, not recomputed.
--
-- The calendar, the reminders, `avtal deadlines` and --ics read the
-- deadlines of a span of years from kept_days by act-by day instead of
-- computing the whole register at every request. The store computes them:
-- every write transaction that changes what a deadline counts from (an
-- agreement's facts or place in the list, its events, incidents, notices,
-- sub-processor policy or done marks) leaves the agreement's id in
-- kept_dirty through the triggers below, and the same transaction computes
-- that agreement's deadlines again before it commits (store/kept.go). The
-- upgrade computes them all before it commits, as there is no span yet.

-- kept_span is the span of days the kept deadlines were computed over,
-- [from_day, to_day] (one row; none until the first computation), and gap
-- the most days a kept deadline's act-by day comes before its date, so a
-- range of dates is a range of act-by days.
CREATE TABLE kept_span (
    one      INTEGER PRIMARY KEY CHECK (one = 1),
    from_day TEXT NOT NULL,
    to_day   TEXT NOT NULL,
    gap      INTEGER NOT NULL
) STRICT;

-- The deadlines acted on one day, in one language (model.Lang: 0 English,
-- 1 Swedish), in the order every reader wants them: in list order (by the
-- agreements' sort keys), each agreement's in the engine's order. A row per
-- day rather than per deadline: a year of the register is some 365 rows
-- to read, not tens of thousands. store/kept.go encodes the body.
CREATE TABLE kept_days (
    lang   INTEGER NOT NULL,
    act_by TEXT NOT NULL,
    body   BLOB NOT NULL,
    PRIMARY KEY (lang, act_by)
) STRICT;

-- What the calendar shows of every agreement whether or not it has a
-- deadline in view (its title and the events its rules count from), and
-- the act-by days its kept deadlines are on, separated by spaces.
CREATE TABLE kept_agreements (
    id       TEXT PRIMARY KEY,
    sort_key TEXT NOT NULL,
    title    TEXT NOT NULL,
    events   TEXT NOT NULL, -- the event names, separated by newlines
    days     TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The agreements whose deadlines the running transaction changed. The
-- triggers insert only what is not there yet rather than INSERT OR IGNORE:
-- a statement's own conflict clause (an upsert's) would override theirs.
CREATE TABLE kept_dirty (
    agreement_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

CREATE TRIGGER kept_agreements_ai AFTER INSERT ON agreements BEGIN
    INSERT INTO kept_dirty SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.id);
END;
CREATE TRIGGER kept_agreements_au AFTER UPDATE OF id, facts, sort_key ON agreements
WHEN old.id IS NOT new.id OR old.facts IS NOT new.facts OR old.sort_key IS NOT new.sort_key BEGIN
    INSERT INTO kept_dirty SELECT old.id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.id);
    INSERT INTO kept_dirty SELECT new.id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.id);
END;
CREATE TRIGGER kept_agreements_ad AFTER DELETE ON agreements BEGIN
    INSERT INTO kept_dirty SELECT old.id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.id);
END;

CREATE TRIGGER kept_events_ai AFTER INSERT ON events BEGIN
    INSERT INTO kept_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER kept_events_au AFTER UPDATE ON events BEGIN
    INSERT INTO kept_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.agreement_id);
    INSERT INTO kept_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER kept_events_ad AFTER DELETE ON events BEGIN
    INSERT INTO kept_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.agreement_id);
END;

CREATE TRIGGER kept_incidents_ai AFTER INSERT ON incidents BEGIN
    INSERT INTO kept_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER kept_incidents_au AFTER UPDATE ON incidents BEGIN
    INSERT INTO kept_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.agreement_id);
    INSERT INTO kept_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER kept_incidents_ad AFTER DELETE ON incidents BEGIN
    INSERT INTO kept_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.agreement_id);
END;

CREATE TRIGGER kept_sub_notices_ai AFTER INSERT ON sub_notices BEGIN
    INSERT INTO kept_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER kept_sub_notices_au AFTER UPDATE ON sub_notices BEGIN
    INSERT INTO kept_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.agreement_id);
    INSERT INTO kept_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER kept_sub_notices_ad AFTER DELETE ON sub_notices BEGIN
    INSERT INTO kept_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.agreement_id);
END;

CREATE TRIGGER kept_sub_policies_ai AFTER INSERT ON sub_policies BEGIN
    INSERT INTO kept_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER kept_sub_policies_au AFTER UPDATE ON sub_policies BEGIN
    INSERT INTO kept_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.agreement_id);
    INSERT INTO kept_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER kept_sub_policies_ad AFTER DELETE ON sub_policies BEGIN
    INSERT INTO kept_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.agreement_id);
END;

-- A snooze or a comment changes no deadline; a done mark does.
CREATE TRIGGER kept_decisions_ai AFTER INSERT ON decisions BEGIN
    INSERT INTO kept_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER kept_decisions_au AFTER UPDATE OF agreement_id, deadline_key, done_on ON decisions BEGIN
    INSERT INTO kept_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.agreement_id);
    INSERT INTO kept_dirty SELECT new.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = new.agreement_id);
END;
CREATE TRIGGER kept_decisions_ad AFTER DELETE ON decisions BEGIN
    INSERT INTO kept_dirty SELECT old.agreement_id WHERE NOT EXISTS (SELECT 1 FROM kept_dirty WHERE agreement_id = old.agreement_id);
END;
