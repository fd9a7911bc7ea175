-- Payments: an APPROVED disbursement is paid through the bank in a payment batch. The batch takes
-- every approved, unpaid disbursement of one county whose member has payee details, snapshots the
-- payee details into its lines (so its bank file reads the same every time it is downloaded), is
-- exported, sent, and reconciled line by line from the bank's answer: PAID, or PAYMENT_FAILED,
-- whose money goes back to the fund.

-- The payee details of members (bank account, account holder), kept from members-service's
-- members.payees topic; a member whose details were removed keeps a row with NULLs, so an older
-- event arriving later cannot bring them back.
CREATE TABLE member_payee (
    member_id        UUID           PRIMARY KEY,
    bank_account     VARCHAR(30),
    account_holder   VARCHAR(100),
    version          BIGINT         NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL,
    CHECK ((bank_account IS NULL) = (account_holder IS NULL))
);

CREATE TABLE payment_batch (
    id               UUID           PRIMARY KEY,
    county_code      VARCHAR(12)    NOT NULL,
    status           VARCHAR(10)    NOT NULL
                     CHECK (status IN ('DRAFT', 'EXPORTED', 'SENT', 'RECONCILED', 'CANCELLED')),
    lines            INTEGER        NOT NULL CHECK (lines > 0),
    total            NUMERIC(16, 2) NOT NULL CHECK (total > 0),
    paid             INTEGER        NOT NULL DEFAULT 0,
    paid_total       NUMERIC(16, 2) NOT NULL DEFAULT 0,
    failed           INTEGER        NOT NULL DEFAULT 0,
    failed_total     NUMERIC(16, 2) NOT NULL DEFAULT 0,
    file_sha256      CHAR(64),
    created_by       VARCHAR(100)   NOT NULL,
    exported_by      VARCHAR(100),
    exported_at      TIMESTAMPTZ,
    sent_by          VARCHAR(100),
    sent_at          TIMESTAMPTZ,
    cancelled_by     VARCHAR(100),
    cancellation_reason VARCHAR(500),
    version          BIGINT         NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL,
    CHECK (paid + failed <= lines)
);

CREATE INDEX payment_batch_county_idx ON payment_batch (county_code, created_at);

-- One line of a batch's bank file: the disbursement it pays, to whom, and (once reconciled) what
-- the bank answered.
CREATE TABLE payment_line (
    -- Deferred: a batch's lines are written by the statement that takes its disbursements, before
    -- the batch's row, whose counts come from them.
    batch_id         UUID           NOT NULL REFERENCES payment_batch (id) DEFERRABLE INITIALLY DEFERRED,
    line             INTEGER        NOT NULL CHECK (line > 0),
    disbursement_id  UUID           NOT NULL REFERENCES disbursement (id),
    payee_name       VARCHAR(100)   NOT NULL,
    bank_account     VARCHAR(30)    NOT NULL,
    amount           NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    purpose          VARCHAR(200)   NOT NULL,
    outcome          VARCHAR(6)     CHECK (outcome IN ('PAID', 'FAILED')),
    bank_reference   VARCHAR(64),
    settled_on       DATE,
    failure_reason   VARCHAR(500),
    reconciled_at    TIMESTAMPTZ,
    PRIMARY KEY (batch_id, line),
    CHECK ((outcome IS NULL) = (settled_on IS NULL)),
    CHECK (outcome IS DISTINCT FROM 'FAILED' OR failure_reason IS NOT NULL)
);

CREATE INDEX payment_line_disbursement_idx ON payment_line (disbursement_id);

-- The batch an APPROVED disbursement is being paid in (cleared when a batch is cancelled).
-- Not indexed: batches are found through payment_line; an index would stop approvals from being
-- HOT updates.
ALTER TABLE disbursement ADD COLUMN payment_batch_id UUID;

-- PAYMENT_FAILED is longer than the old ten characters (a length increase rewrites nothing).
ALTER TABLE disbursement ALTER COLUMN status TYPE VARCHAR(20);

-- A PAID living subsidy is still the member's one of the year; a PAYMENT_FAILED one is not (its
-- money went back to the fund and a new request may pay it to corrected details).
ALTER TABLE disbursement DROP CONSTRAINT disbursement_living_subsidy_year_check;
ALTER TABLE disbursement ADD CONSTRAINT disbursement_living_subsidy_year_check
    CHECK (living_subsidy_year IS NULL
           OR (kind = 'LIVING_SUBSIDY' AND status IN ('REQUESTED', 'APPROVED', 'PAID') AND living_subsidy_year = year));
ALTER TABLE disbursement DROP CONSTRAINT disbursement_live_living_subsidy_has_year;
ALTER TABLE disbursement ADD CONSTRAINT disbursement_live_living_subsidy_has_year
    CHECK (kind <> 'LIVING_SUBSIDY' OR status NOT IN ('REQUESTED', 'APPROVED', 'PAID') OR living_subsidy_year IS NOT NULL);
