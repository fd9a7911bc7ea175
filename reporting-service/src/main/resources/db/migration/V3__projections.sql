-- Everything reporting derives from events now lives in a projection schema (projection_1,
-- projection_2, ...) built by replaying the topics from their start; this registry says which
-- one the reports read, so a rebuild can fill a new schema beside the live one and switch over.
-- The public schema keeps only reference data. The first projection is built by replay, so the
-- tables that held the figures here go.
DROP TABLE member_state;
DROP TABLE county_statistics;

CREATE SEQUENCE projection_number;

CREATE TABLE projection_registry (
    singleton     BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    active_schema TEXT        NOT NULL,
    switched_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
