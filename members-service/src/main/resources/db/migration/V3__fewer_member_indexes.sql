-- Every registration updates every index of member; two of them were redundant.
-- * The national ID had a unique index (equality) and a second, pattern-ops index for the prefix
--   search. One unique pattern-ops index does both: it enforces uniqueness, INSERT ... ON CONFLICT
--   (national_id) infers it, and it serves equality lookups and LIKE 'prefix%' whatever the
--   database's collation.
-- * member_county_idx duplicated the leading column of member_hardship_idx (county_code, hardship_status).
CREATE UNIQUE INDEX member_national_id_key ON member (national_id bpchar_pattern_ops);
ALTER TABLE member DROP CONSTRAINT member_national_id_unique;
DROP INDEX member_national_id_prefix_idx;
DROP INDEX member_county_idx;
