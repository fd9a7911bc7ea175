-- Money paid (or to be paid) to a member from a fund. Lifecycle REQUESTED -> APPROVED | REJECTED;
-- APPROVED -> REVERSED. The fund's approved total moves in the same transaction as the status.
CREATE TABLE disbursement (
    id               UUID PRIMARY KEY,
    member_id        UUID           NOT NULL,
    fund_id          UUID           NOT NULL REFERENCES fund (id),
    county_code      VARCHAR(12)    NOT NULL,
    kind             VARCHAR(20)    NOT NULL,
    amount           NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    disbursed_on     DATE           NOT NULL,
    year             INTEGER        NOT NULL,
    mechanism        VARCHAR(30),
    project_name     VARCHAR(200),
    reason           VARCHAR(500),
    requested_by     VARCHAR(100)   NOT NULL,
    status           VARCHAR(10)    NOT NULL,
    decided_by       VARCHAR(100),
    decision_reason  VARCHAR(500),
    reversed_by      VARCHAR(100),
    reversal_reason  VARCHAR(500),
    version          BIGINT         NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL
);

CREATE INDEX disbursement_member_idx ON disbursement (member_id, disbursed_on);
CREATE INDEX disbursement_county_idx ON disbursement (county_code, disbursed_on);

-- The living subsidy is paid once a calendar year: the database refuses a second live one even
-- when two requests race past the service's check.
CREATE UNIQUE INDEX disbursement_one_living_subsidy_a_year
    ON disbursement (member_id, year) WHERE kind = 'LIVING_SUBSIDY' AND status IN ('REQUESTED', 'APPROVED');

-- Idempotency keys of money-moving requests: the first answer is kept and replayed.
CREATE TABLE idempotency_key (
    scoped_key      VARCHAR(300) PRIMARY KEY,
    request_hash    CHAR(64)     NOT NULL,
    state           VARCHAR(10)  NOT NULL CHECK (state IN ('PROCESSING', 'DONE')),
    response_status INTEGER,
    response_body   TEXT,
    location        TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
