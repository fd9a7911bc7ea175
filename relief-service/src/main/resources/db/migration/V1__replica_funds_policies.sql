-- What relief knows of members: enough to decide eligibility. Filled from members.events only.
CREATE TABLE member_replica (
    id                   UUID PRIMARY KEY,
    county_code          VARCHAR(12)    NOT NULL,
    birth_date           DATE           NOT NULL,
    joined_party_on      DATE,
    labor_capacity       VARCHAR(7),
    annual_income        NUMERIC(12, 2),
    notable_contribution BOOLEAN        NOT NULL,
    hardship_status      VARCHAR(20)    NOT NULL,
    registration_status  VARCHAR(20)    NOT NULL,
    version              BIGINT         NOT NULL
);

-- The same GB/T 2260 reference data as the registry, to validate the county of a fund or policy.
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

-- A county's own rules. A county without a row follows the article's defaults.
CREATE TABLE county_policy (
    county_code          VARCHAR(12)    PRIMARY KEY REFERENCES region (code),
    hardship_relief_min  NUMERIC(14, 2) NOT NULL,
    hardship_relief_max  NUMERIC(14, 2) NOT NULL,
    living_subsidy_min   NUMERIC(14, 2) NOT NULL,
    living_subsidy_max   NUMERIC(14, 2) NOT NULL,
    living_subsidy_age   INTEGER        NOT NULL,
    special_relief_floor NUMERIC(14, 2) NOT NULL,
    startup_support_max  NUMERIC(14, 2) NOT NULL,
    veteran_years        INTEGER        NOT NULL,
    version              BIGINT         NOT NULL,
    updated_at           TIMESTAMPTZ    NOT NULL,
    CHECK (hardship_relief_min > 0 AND hardship_relief_min <= hardship_relief_max),
    CHECK (living_subsidy_min > 0 AND living_subsidy_min <= living_subsidy_max)
);

-- One fund per county, year and kind. approved never exceeds budget: the database says so too.
CREATE TABLE fund (
    id          UUID PRIMARY KEY,
    county_code VARCHAR(12)    NOT NULL REFERENCES region (code),
    year        INTEGER        NOT NULL,
    kind        VARCHAR(20)    NOT NULL,
    budget      NUMERIC(14, 2) NOT NULL CHECK (budget > 0),
    approved    NUMERIC(14, 2) NOT NULL DEFAULT 0 CHECK (approved >= 0),
    version     BIGINT         NOT NULL,
    created_at  TIMESTAMPTZ    NOT NULL,
    updated_at  TIMESTAMPTZ    NOT NULL,
    CONSTRAINT fund_county_year_kind_unique UNIQUE (county_code, year, kind),
    CONSTRAINT fund_within_budget CHECK (approved <= budget)
);
