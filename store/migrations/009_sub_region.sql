-- Avtal schema step 9: where a sub-processor processes data when no single
-- country is named (a region: "EEA", "EU" or a region's own name, as
-- model.ParseRegion writes it).

ALTER TABLE subprocessors ADD COLUMN region TEXT NOT NULL DEFAULT '';
ALTER TABLE sub_notices ADD COLUMN region TEXT NOT NULL DEFAULT '';

-- The portfolio counts entries by region too.
DROP INDEX subprocessors_tally;
CREATE INDEX subprocessors_tally ON subprocessors(name, org_number, country, region, status, transfer_basis, agreement_id);
