-- Avtal schema step 17: the notices of termination by themselves. The
-- register's list asked each agreement's events for one (a lookup per
-- agreement, a third of reading the list); it now reads them all from
-- this index first, which holds only them.

CREATE INDEX events_termination ON events(agreement_id, date) WHERE name = 'termination';
