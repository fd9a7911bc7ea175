-- The tables of one projection, created in its own schema (see Projections). A projection is
-- never migrated: a new shape is built by replaying the topics into a new schema.

-- What reporting knows of each member: enough to move the counts correctly on every transition.
-- since: the business date from which this state counts in the month-end history (the change's
-- effectiveOn, never before the member's registration nor before the state it replaced).
CREATE TABLE member_state (
    member_id           UUID        PRIMARY KEY,
    county_code         VARCHAR(12) NOT NULL,
    registration_status VARCHAR(20) NOT NULL,
    hardship_status     VARCHAR(20) NOT NULL,
    version             BIGINT      NOT NULL,
    since               DATE        NOT NULL
);

-- Additive figures per county and month (first day of the month): money approved (APPROVED and
-- PAID disbursements) and disbursements by kind, money paid (PAID) and money whose payment failed
-- (PAYMENT_FAILED), assistance by kind, members newly in difficulty or lifted out, and the
-- monthly change of the stock (MEMBERS_*), which summed up to a month's end gives the stock then
-- (active members only).
CREATE TABLE county_month_figure (
    county_code VARCHAR(12)    NOT NULL,
    month       DATE           NOT NULL,
    figure      VARCHAR(40)    NOT NULL,
    amount      NUMERIC(18, 2) NOT NULL,
    PRIMARY KEY (county_code, month, figure)
);
CREATE INDEX county_month_figure_month ON county_month_figure (month);

-- Values counted distinctly (beneficiaries, of all kinds and per kind, beneficiaries paid, members
-- given medical or education assistance, employers, paired members, helpers):
-- a weight above zero means present in that county and month; a reversal or a failed payment takes
-- the weight back down.
CREATE TABLE distinct_value (
    county_code VARCHAR(12) NOT NULL,
    month       DATE        NOT NULL,
    measure     VARCHAR(30) NOT NULL,
    value       TEXT        NOT NULL,
    weight      INTEGER     NOT NULL,
    PRIMARY KEY (county_code, month, measure, value)
);
CREATE INDEX distinct_value_month ON distinct_value (month);

CREATE TABLE fund_state (
    fund_id     UUID           PRIMARY KEY,
    county_code VARCHAR(12)    NOT NULL,
    year        INTEGER        NOT NULL,
    kind        VARCHAR(20)    NOT NULL,
    budget      NUMERIC(18, 2) NOT NULL,
    version     BIGINT         NOT NULL
);
CREATE INDEX fund_state_year ON fund_state (year);

CREATE TABLE disbursement_state (
    disbursement_id UUID           PRIMARY KEY,
    member_id       UUID           NOT NULL,
    county_code     VARCHAR(12)    NOT NULL,
    month           DATE           NOT NULL,
    kind            VARCHAR(20)    NOT NULL,
    amount          NUMERIC(18, 2) NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    version         BIGINT         NOT NULL
);

-- The same figures per county and year, kept alongside so a year's report reads one row per
-- county and figure instead of summing the months; the stock at a year's end sums the MEMBERS_*
-- figures of that year and the years before.
CREATE TABLE county_year_figure (
    year        INTEGER        NOT NULL,
    county_code VARCHAR(12)    NOT NULL,
    figure      VARCHAR(40)    NOT NULL,
    amount      NUMERIC(18, 2) NOT NULL,
    PRIMARY KEY (year, county_code, figure)
);

-- Distinct values per county and year with their weights, and how many have a weight above
-- zero: a year's distinct counts per county are then read, not recounted.
CREATE TABLE distinct_year_value (
    county_code VARCHAR(12) NOT NULL,
    year        INTEGER     NOT NULL,
    measure     VARCHAR(30) NOT NULL,
    value       TEXT        NOT NULL,
    weight      INTEGER     NOT NULL,
    PRIMARY KEY (county_code, year, measure, value)
);

CREATE TABLE county_year_distinct (
    year        INTEGER     NOT NULL,
    county_code VARCHAR(12) NOT NULL,
    measure     VARCHAR(30) NOT NULL,
    present     BIGINT      NOT NULL,
    PRIMARY KEY (year, county_code, measure)
);
