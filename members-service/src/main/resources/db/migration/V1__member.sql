CREATE TABLE member (
    id                  UUID PRIMARY KEY,
    national_id         CHAR(18)    NOT NULL,
    name                VARCHAR(50) NOT NULL,
    county_code         CHAR(6)     NOT NULL,
    registration_status VARCHAR(20) NOT NULL,
    version             BIGINT      NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    CONSTRAINT member_national_id_unique UNIQUE (national_id)
);

CREATE INDEX member_county_idx ON member (county_code);
