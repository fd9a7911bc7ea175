-- Ids of the events whose effect is committed; written in the same transaction as the effect,
-- so a redelivered event is recognised and skipped.
CREATE TABLE processed_event (
    event_id     UUID        PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Records that could not be parsed or broke the contract: kept with the reason and skipped,
-- so one bad record never stops the stream.
CREATE TABLE dead_letter_event (
    id            BIGSERIAL PRIMARY KEY,
    topic         TEXT        NOT NULL,
    partition_no  INTEGER     NOT NULL,
    record_offset BIGINT      NOT NULL,
    message_key   TEXT,
    payload       TEXT,
    reason        TEXT        NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (topic, partition_no, record_offset)
);
