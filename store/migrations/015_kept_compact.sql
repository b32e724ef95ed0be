-- Avtal schema step 15: the kept deadlines in a more compact form.
--
-- A kept day's body no longer repeats in every deadline the agreement's
-- sort key, the date as text or a title that is its kind's default
-- (store/kept.go says what it holds). The bodies kept by step 12 cannot be
-- read that way: without a kept span, the upgrade's commit computes them
-- all again, as it did at step 12.
DELETE FROM kept_span;
