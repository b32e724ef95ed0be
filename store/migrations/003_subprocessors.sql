-- Avtal schema step 3: sub-processor change notices with the customer's
-- decision, the history of every sub-processor entry, each agreement's
-- sub-processor policy kept apart, and an index for the portfolio.
--
-- Notices and history must outlive a re-import of their agreement, which
-- PutAgreement does by deleting and inserting the agreement row in one
-- transaction: so their foreign keys do not cascade and are checked at
-- commit, when the agreement is back.

CREATE TABLE sub_notices (
    id             INTEGER PRIMARY KEY,
    agreement_id   TEXT NOT NULL REFERENCES agreements(id) DEFERRABLE INITIALLY DEFERRED,
    received       TEXT NOT NULL,            -- YYYY-MM-DD
    change         TEXT NOT NULL,            -- add, replace, remove
    name           TEXT NOT NULL,            -- the sub-processor the notice is about
    org_number     TEXT NOT NULL DEFAULT '',
    country        TEXT NOT NULL DEFAULT '',
    purpose        TEXT NOT NULL DEFAULT '',
    clause         TEXT NOT NULL DEFAULT '',
    transfer_basis TEXT NOT NULL DEFAULT '',
    replaces       TEXT NOT NULL DEFAULT '',
    effective      TEXT NOT NULL DEFAULT '',
    verdict        TEXT NOT NULL DEFAULT '', -- '' while undecided, accept, object
    decided_on     TEXT NOT NULL DEFAULT '',
    comment        TEXT NOT NULL DEFAULT '',
    recorded_at    TEXT NOT NULL,
    recorded_by    TEXT NOT NULL
) STRICT;
CREATE INDEX sub_notices_agreement ON sub_notices(agreement_id, received, id);
-- The undecided notices of the whole register (the calendar's objection deadlines).
CREATE INDEX sub_notices_open ON sub_notices(received, id) WHERE verdict = '';

CREATE TABLE sub_history (
    id           INTEGER PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) DEFERRABLE INITIALLY DEFERRED,
    name         TEXT NOT NULL,            -- the entry's name after the change
    action       TEXT NOT NULL,            -- added, changed, removed
    fields       TEXT NOT NULL DEFAULT '', -- what changed, comma-separated
    before       TEXT NOT NULL DEFAULT '', -- the entry as JSON; '' when added
    after        TEXT NOT NULL,
    date         TEXT NOT NULL,            -- the day the change counts from
    notice_id    INTEGER REFERENCES sub_notices(id),
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL
) STRICT;
CREATE INDEX sub_history_agreement ON sub_history(agreement_id, id);

-- The portfolio counts entries by these columns in one pass over this index,
-- and finds who uses a sub-processor by its name.
CREATE INDEX subprocessors_tally ON subprocessors(name, org_number, country, status, transfer_basis, agreement_id);

-- Each agreement's sub-processor policy, copied out of its JSON by triggers
-- whenever an agreement is written, so the portfolio, the open notices and
-- the overview read policies without parsing every agreement.
CREATE TABLE sub_policies (
    agreement_id   TEXT PRIMARY KEY,
    policy         TEXT NOT NULL,            -- model.SubPolicy as JSON
    transfer_basis TEXT NOT NULL DEFAULT ''  -- the basis the DPA names for third-country transfers
) STRICT, WITHOUT ROWID;
INSERT INTO sub_policies
    SELECT id, json_extract(data, '$.subprocessor_policy'), coalesce(json_extract(data, '$.subprocessor_policy.transfer_basis'), '')
    FROM agreements WHERE json_extract(data, '$.subprocessor_policy') IS NOT NULL;
CREATE TRIGGER sub_policies_ai AFTER INSERT ON agreements
WHEN json_extract(new.data, '$.subprocessor_policy') IS NOT NULL BEGIN
    INSERT OR REPLACE INTO sub_policies VALUES (new.id, json_extract(new.data, '$.subprocessor_policy'),
        coalesce(json_extract(new.data, '$.subprocessor_policy.transfer_basis'), ''));
END;
CREATE TRIGGER sub_policies_au AFTER UPDATE OF data ON agreements BEGIN
    DELETE FROM sub_policies WHERE agreement_id = old.id;
    INSERT INTO sub_policies SELECT new.id, json_extract(new.data, '$.subprocessor_policy'),
        coalesce(json_extract(new.data, '$.subprocessor_policy.transfer_basis'), '')
        WHERE json_extract(new.data, '$.subprocessor_policy') IS NOT NULL;
END;
CREATE TRIGGER sub_policies_ad AFTER DELETE ON agreements BEGIN
    DELETE FROM sub_policies WHERE agreement_id = old.id;
END;
