-- Hardship counts per county, and the regions the counties roll up to.
ALTER TABLE member_state ADD COLUMN hardship_status VARCHAR(20) NOT NULL DEFAULT 'NOT_IN_DIFFICULTY';

ALTER TABLE county_statistics
    ADD COLUMN members_in_difficulty BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN members_lifted_out    BIGINT NOT NULL DEFAULT 0;

-- The same GB/T 2260 reference data as the registry. A county missing here is still counted and
-- shown with its code; it just rolls up to nothing.
CREATE TABLE region (
    code        VARCHAR(12)  PRIMARY KEY,
    name_zh     VARCHAR(50)  NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    parent_code VARCHAR(12)  REFERENCES region (code),
    level       VARCHAR(10)  NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY'))
);

INSERT INTO region (code, name_zh, name_en, parent_code, level) VALUES
    ('620000', '甘肃省', 'Gansu Province', NULL, 'PROVINCE'),
    ('620700', '张掖市', 'Zhangye City', '620000', 'CITY'),
    ('620702', '甘州区', 'Ganzhou District', '620700', 'COUNTY'),
    ('620721', '肃南裕固族自治县', 'Sunan Yugur Autonomous County', '620700', 'COUNTY'),
    ('620722', '民乐县', 'Minle County', '620700', 'COUNTY'),
    ('620723', '临泽县', 'Linze County', '620700', 'COUNTY'),
    ('620724', '高台县', 'Gaotai County', '620700', 'COUNTY'),
    ('620725', '山丹县', 'Shandan County', '620700', 'COUNTY');
