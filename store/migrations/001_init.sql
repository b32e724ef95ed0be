-- Avtal schema version 1: the register, documents and clauses with a
-- full-text index, sub-processors, notices, incidents, recorded events,
-- deadline decisions and the audit log.

CREATE TABLE agreements (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    status     TEXT NOT NULL,
    supplier   TEXT NOT NULL,
    parent_id  TEXT, -- the framework it is a call-off of; may name one not yet imported
    -- sort_key orders the register with each framework's call-offs right
    -- after it, so the list pages with one indexed keyset query.
    sort_key   TEXT NOT NULL,
    data       TEXT NOT NULL, -- the model.Agreement as JSON, without documents and sub-processors
    updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX agreements_sort ON agreements(sort_key);
CREATE INDEX agreements_parent ON agreements(parent_id);

-- Relations between agreements, indexed by target so "who points at me"
-- (a framework's call-offs) is one lookup, not a scan of every agreement.
CREATE TABLE relations (
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    target       TEXT NOT NULL,
    PRIMARY KEY (agreement_id, kind, target)
) STRICT, WITHOUT ROWID;
CREATE INDEX relations_target ON relations(target);

CREATE TABLE documents (
    id           INTEGER PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT '',
    version      TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL,
    imported_at  TEXT NOT NULL,
    source       TEXT NOT NULL DEFAULT '', -- the file it was imported from
    -- A re-imported document keeps its old versions: the new row points at
    -- the one it replaces, and the old row is marked superseded.
    replaces     INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    superseded   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX documents_agreement ON documents(agreement_id, position);
CREATE INDEX documents_replaces ON documents(replaces);

CREATE TABLE clauses (
    id           INTEGER PRIMARY KEY,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    number       TEXT NOT NULL,
    heading      TEXT NOT NULL,
    body         TEXT NOT NULL
) STRICT;
CREATE INDEX clauses_document ON clauses(document_id, position);

-- An appendix that changes or removes a clause (Pureservice's Tillägg D).
CREATE TABLE amendments (
    id            INTEGER PRIMARY KEY,
    agreement_id  TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    target_number TEXT NOT NULL,            -- the clause amended, as printed ("8.9.2")
    kind          TEXT NOT NULL,            -- changed | removed
    by_clause_id  INTEGER REFERENCES clauses(id) ON DELETE CASCADE,
    by_number     TEXT NOT NULL DEFAULT '', -- the amending clause ("D", "D.2")
    text          TEXT NOT NULL DEFAULT '',
    confirmed     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX amendments_target ON amendments(agreement_id, target_number);

-- What the importer found and proposes (rules, SLA tiers, sub-processors,
-- amendments); the user accepts or rejects each, nothing is applied silently.
CREATE TABLE proposals (
    id           INTEGER PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    document_id  INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    clause       TEXT NOT NULL DEFAULT '',
    evidence     TEXT NOT NULL DEFAULT '',
    payload      TEXT NOT NULL,             -- the proposal as JSON
    status       TEXT NOT NULL DEFAULT 'pending', -- pending | accepted | rejected
    decided_at   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX proposals_agreement ON proposals(agreement_id, status);
CREATE INDEX clauses_agreement ON clauses(agreement_id, number);

CREATE TABLE clause_tags (
    clause_id INTEGER NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
    tag       TEXT NOT NULL,
    PRIMARY KEY (clause_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX clause_tags_tag ON clause_tags(tag);

CREATE TABLE clause_notes (
    id        INTEGER PRIMARY KEY,
    clause_id INTEGER NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
    text      TEXT NOT NULL,
    risk      TEXT NOT NULL DEFAULT 'ok',
    created   TEXT NOT NULL,
    author    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX clause_notes_clause ON clause_notes(clause_id);

-- The full-text index over clause headings and bodies; trigram tokens let a
-- part of a Swedish compound find the compound.
CREATE VIRTUAL TABLE clauses_fts USING fts5(
    heading, body, content='clauses', content_rowid='id', tokenize='trigram remove_diacritics 1'
);
CREATE TRIGGER clauses_ai AFTER INSERT ON clauses BEGIN
    INSERT INTO clauses_fts(rowid, heading, body) VALUES (new.id, new.heading, new.body);
END;
CREATE TRIGGER clauses_ad AFTER DELETE ON clauses BEGIN
    INSERT INTO clauses_fts(clauses_fts, rowid, heading, body) VALUES ('delete', old.id, old.heading, old.body);
END;
CREATE TRIGGER clauses_au AFTER UPDATE OF heading, body ON clauses BEGIN
    INSERT INTO clauses_fts(clauses_fts, rowid, heading, body) VALUES ('delete', old.id, old.heading, old.body);
    INSERT INTO clauses_fts(rowid, heading, body) VALUES (new.id, new.heading, new.body);
END;

CREATE TABLE subprocessors (
    id             INTEGER PRIMARY KEY,
    agreement_id   TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    org_number     TEXT NOT NULL DEFAULT '',
    country        TEXT NOT NULL DEFAULT '',
    purpose        TEXT NOT NULL DEFAULT '',
    clause         TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    transfer_basis TEXT NOT NULL DEFAULT '',
    since          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX subprocessors_agreement ON subprocessors(agreement_id, position);
CREATE INDEX subprocessors_name ON subprocessors(name);

CREATE TABLE incidents (
    id             INTEGER PRIMARY KEY,
    agreement_id   TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    start          TEXT NOT NULL, -- RFC 3339 with offset
    end            TEXT NOT NULL,
    planned        INTEGER NOT NULL DEFAULT 0,
    excluded       INTEGER NOT NULL DEFAULT 0,
    exclude_reason TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL DEFAULT '',
    reported       TEXT NOT NULL DEFAULT '',
    claim_sent     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX incidents_agreement ON incidents(agreement_id, start);

-- Events the user records that deadline rules count from
-- (event:notice_received, event:downtime, event:termination …).
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    date         TEXT NOT NULL,
    ref          TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX events_agreement ON events(agreement_id, date);

-- A decision on one deadline occurrence: done (with date and comment) or snoozed.
CREATE TABLE decisions (
    agreement_id  TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    deadline_key  TEXT NOT NULL,
    done_on       TEXT NOT NULL DEFAULT '',
    snoozed_until TEXT NOT NULL DEFAULT '',
    comment       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (agreement_id, deadline_key)
) STRICT;

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    who       TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    before    TEXT NOT NULL DEFAULT '',
    after     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity_id, id);
-- The log is append-only: the app can add entries but never change or remove one.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
