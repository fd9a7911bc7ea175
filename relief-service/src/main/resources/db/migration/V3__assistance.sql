-- Help that moves no money: training, placements, social policies, project recommendations, pairings.
CREATE TABLE assistance_record (
    id           UUID PRIMARY KEY,
    member_id    UUID         NOT NULL,
    county_code  VARCHAR(12)  NOT NULL,
    kind         VARCHAR(30)  NOT NULL,
    provided_on  DATE         NOT NULL,
    skills       VARCHAR(300),
    employer     VARCHAR(200),
    project_name VARCHAR(200),
    helper_id    VARCHAR(100),
    helper_name  VARCHAR(100),
    helper_type  VARCHAR(20),
    note         VARCHAR(500),
    recorded_by  VARCHAR(100) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX assistance_member_idx ON assistance_record (member_id, provided_on);
CREATE INDEX assistance_county_idx ON assistance_record (county_code, kind, provided_on);
