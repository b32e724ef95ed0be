-- Avtal schema step 7: the deadline engine's facts in list order, in an
-- index of their own. Reading every agreement's facts through the table
-- meant one lookup per agreement into rows three times their size; the
-- index holds just the facts, side by side in list order.

CREATE INDEX agreements_facts ON agreements(sort_key, id, facts);
