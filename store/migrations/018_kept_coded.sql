-- Avtal schema step 19: the kept deadlines computed once for both languages.
--
-- A kept day's body holds each deadline once, its title, act-by reason and
-- explanation in the coded form that deadlines.Word turns into English or
-- Swedish when it is read (store/kept.go), instead of a body per language.
-- The bodies kept before cannot be read that way: without a kept span, the
-- upgrade's commit computes them all again.
DROP TABLE kept_days;
CREATE TABLE kept_days (
    act_by TEXT PRIMARY KEY,
    body   BLOB NOT NULL
) STRICT;
DELETE FROM kept_span;
