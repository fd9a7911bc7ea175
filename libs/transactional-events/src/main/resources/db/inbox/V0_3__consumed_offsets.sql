-- How far each partition has been applied, written in the same transaction as the effect: a
-- consumer resumes from here after a rebalance or restart, and freshness reports read it.
CREATE TABLE consumed_offset (
    topic             TEXT        NOT NULL,
    partition_no      INTEGER     NOT NULL,
    next_offset       BIGINT      NOT NULL,
    newest_event_time TIMESTAMPTZ,
    applied_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition_no)
);
