-- What reporting knows of each member: enough to move the counts correctly on every transition.
CREATE TABLE member_state (
    member_id           UUID PRIMARY KEY,
    county_code         VARCHAR(12) NOT NULL,
    registration_status VARCHAR(20) NOT NULL,
    version             BIGINT      NOT NULL
);

CREATE TABLE county_statistics (
    county_code   VARCHAR(12) PRIMARY KEY,
    members_total BIGINT      NOT NULL DEFAULT 0
);
