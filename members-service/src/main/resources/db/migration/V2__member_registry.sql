-- The full registry: regions, every member attribute of DESIGN.md §1, and the hardship history.

CREATE TABLE region (
    code        VARCHAR(12)  PRIMARY KEY,
    name_zh     VARCHAR(50)  NOT NULL,
    name_en     VARCHAR(100) NOT NULL,
    parent_code VARCHAR(12)  REFERENCES region (code),
    level       VARCHAR(10)  NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'COUNTY'))
);

-- GB/T 2260 codes of the article's prefecture. Further regions arrive by later migrations.
INSERT INTO region (code, name_zh, name_en, parent_code, level) VALUES
    ('620000', '甘肃省', 'Gansu Province', NULL, 'PROVINCE'),
    ('620700', '张掖市', 'Zhangye City', '620000', 'CITY'),
    ('620702', '甘州区', 'Ganzhou District', '620700', 'COUNTY'),
    ('620721', '肃南裕固族自治县', 'Sunan Yugur Autonomous County', '620700', 'COUNTY'),
    ('620722', '民乐县', 'Minle County', '620700', 'COUNTY'),
    ('620723', '临泽县', 'Linze County', '620700', 'COUNTY'),
    ('620724', '高台县', 'Gaotai County', '620700', 'COUNTY'),
    ('620725', '山丹县', 'Shandan County', '620700', 'COUNTY');

-- Members registered before this migration only gave nationalId, name and county: what the ID
-- tells is filled in, the rest stays empty until the member is updated.
ALTER TABLE member
    ADD COLUMN birth_date            DATE,
    ADD COLUMN gender                VARCHAR(6),
    ADD COLUMN ethnicity             VARCHAR(20),
    ADD COLUMN phone                 VARCHAR(20),
    ADD COLUMN township              VARCHAR(100),
    ADD COLUMN village               VARCHAR(100),
    ADD COLUMN party_branch          VARCHAR(100),
    ADD COLUMN joined_party_on       DATE,
    ADD COLUMN education             VARCHAR(20),
    ADD COLUMN labor_capacity        VARCHAR(7),
    ADD COLUMN annual_income         NUMERIC(12, 2) CHECK (annual_income >= 0),
    ADD COLUMN notable_contribution  BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN hardship_status       VARCHAR(20) NOT NULL DEFAULT 'NOT_IN_DIFFICULTY',
    ADD COLUMN hardship_causes       VARCHAR(200) NOT NULL DEFAULT '',
    ADD COLUMN registered_on         DATE,
    ADD COLUMN deregistered_on       DATE,
    ADD COLUMN deregistration_reason VARCHAR(20);

UPDATE member SET
    birth_date = to_date(substr(national_id, 7, 8), 'YYYYMMDD'),
    gender = CASE WHEN substr(national_id, 17, 1)::int % 2 = 1 THEN 'MALE' ELSE 'FEMALE' END,
    registered_on = (created_at AT TIME ZONE 'Asia/Shanghai')::date;

ALTER TABLE member
    ALTER COLUMN birth_date SET NOT NULL,
    ALTER COLUMN gender SET NOT NULL,
    ALTER COLUMN registered_on SET NOT NULL;

-- Search by name prefix or national-ID prefix, in a stable order.
CREATE INDEX member_name_prefix_idx ON member (name text_pattern_ops);
CREATE INDEX member_national_id_prefix_idx ON member (national_id bpchar_pattern_ops);
CREATE INDEX member_created_idx ON member (created_at, id);
CREATE INDEX member_hardship_idx ON member (county_code, hardship_status);

CREATE TABLE hardship_assessment (
    id             UUID PRIMARY KEY,
    member_id      UUID         NOT NULL REFERENCES member (id),
    status         VARCHAR(20)  NOT NULL,
    causes         VARCHAR(200) NOT NULL,
    assessed_on    DATE         NOT NULL,
    note           VARCHAR(500),
    member_version BIGINT       NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL
);

CREATE INDEX hardship_assessment_member_idx ON hardship_assessment (member_id, recorded_at);
