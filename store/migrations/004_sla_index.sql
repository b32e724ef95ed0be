-- Avtal schema step 4: the agreements that state SLA terms, in register
-- order, so the SLA pane pages through them and counts them without
-- reading every agreement's JSON. Queries must name the same condition.

CREATE INDEX agreements_sla ON agreements(sort_key) WHERE json_extract(data, '$.sla') IS NOT NULL;
