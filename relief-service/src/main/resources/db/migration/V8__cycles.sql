-- Programme cycles: a county's round of one kind of disbursement (the yearly living subsidy, a
-- holiday visit, a startup round), evaluated against the eligibility rules into entitlements and
-- approved in one transaction, which charges the fund the total and turns every entitlement into an
-- APPROVED disbursement that names its cycle.
CREATE TABLE cycle (
    id               UUID PRIMARY KEY,
    county_code      VARCHAR(12)    NOT NULL,
    year             INTEGER        NOT NULL,
    kind             VARCHAR(20)    NOT NULL,
    fund_id          UUID           NOT NULL REFERENCES fund (id),
    name             VARCHAR(200)   NOT NULL,
    amount           NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    disbursed_on     DATE           NOT NULL,
    mechanism        VARCHAR(30),
    status           VARCHAR(10)    NOT NULL,
    evaluated_at     TIMESTAMPTZ,
    entitled         INTEGER        NOT NULL DEFAULT 0,
    total            NUMERIC(16, 2) NOT NULL DEFAULT 0,
    excluded         JSONB          NOT NULL DEFAULT '{}',
    created_by       VARCHAR(100)   NOT NULL,
    decided_by       VARCHAR(100),
    decision_reason  VARCHAR(500),
    version          BIGINT         NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL,
    CHECK (year = EXTRACT(YEAR FROM disbursed_on))
);

CREATE INDEX cycle_county_idx ON cycle (county_code, year);

-- One row per member the evaluation admitted; a removed one keeps its row (who, why) and is
-- neither counted nor paid, and stays removed when the cycle is evaluated again.
CREATE TABLE cycle_entitlement (
    cycle_id         UUID           NOT NULL REFERENCES cycle (id),
    member_id        UUID           NOT NULL,
    amount           NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    removed_by       VARCHAR(100),
    removal_reason   VARCHAR(500),
    PRIMARY KEY (cycle_id, member_id)
);

ALTER TABLE disbursement ADD COLUMN cycle_id UUID REFERENCES cycle (id);
CREATE INDEX disbursement_cycle_idx ON disbursement (cycle_id) WHERE cycle_id IS NOT NULL;

-- An evaluation reads every member of one county.
CREATE INDEX member_replica_county_idx ON member_replica (county_code);
