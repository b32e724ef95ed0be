-- Avtal schema step 22: each kept day with a digest of its body.
--
-- A full computation of the kept deadlines (a new year, an upgrade) writes
-- only the days whose body changed (store/kept.go): it tells them by the
-- digest, read without the megabytes of bodies. The digest comes before the
-- body, so that it is read from the row's first page. Without a kept span,
-- the upgrade's commit computes every day again, with its digest.
DROP TABLE kept_days;
CREATE TABLE kept_days (
    act_by TEXT PRIMARY KEY,
    digest BLOB NOT NULL, -- the first 16 bytes of the body's SHA-256
    body   BLOB NOT NULL
) STRICT;
DELETE FROM kept_span;
