-- An approval changes a disbursement's status, and the living-subsidy index's condition named the
-- status: PostgreSQL cannot update a row in place (a HOT update: the new version on the same page,
-- no index touched) when a column an index depends on changes, so every approval wrote a new
-- entry into each of the table's four indexes. The once-a-year rule now rests on a column that
-- holds the year only while a living subsidy is live (REQUESTED or APPROVED) and is emptied when
-- it is rejected or reversed; approving changes no indexed column.
ALTER TABLE disbursement ADD COLUMN living_subsidy_year integer;
UPDATE disbursement SET living_subsidy_year = year
    WHERE kind = 'LIVING_SUBSIDY' AND status IN ('REQUESTED', 'APPROVED');
ALTER TABLE disbursement ADD CONSTRAINT disbursement_living_subsidy_year_check
    CHECK (living_subsidy_year IS NULL
           OR (kind = 'LIVING_SUBSIDY' AND status IN ('REQUESTED', 'APPROVED') AND living_subsidy_year = year));
ALTER TABLE disbursement ADD CONSTRAINT disbursement_live_living_subsidy_has_year
    CHECK (kind <> 'LIVING_SUBSIDY' OR status NOT IN ('REQUESTED', 'APPROVED') OR living_subsidy_year IS NOT NULL);

DROP INDEX disbursement_one_living_subsidy_a_year;
CREATE UNIQUE INDEX disbursement_one_living_subsidy_a_year
    ON disbursement (member_id, living_subsidy_year) WHERE living_subsidy_year IS NOT NULL;

-- Room on each page for the approved version of the rows written there (a HOT update needs it on
-- the same page); a request is approved or rejected within moments, so the room is used at once.
ALTER TABLE disbursement SET (fillfactor = 70);
