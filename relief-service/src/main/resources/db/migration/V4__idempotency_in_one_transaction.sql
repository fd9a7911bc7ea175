-- A key is now written in the same transaction as its work and its answer, under an advisory
-- lock, so it is never left half-done: claims in PROCESSING belonged to requests that died and
-- are dropped (their retries may run), and every kept key has its answer.
DELETE FROM idempotency_key WHERE state <> 'DONE';
ALTER TABLE idempotency_key DROP COLUMN state;
ALTER TABLE idempotency_key ALTER COLUMN response_status SET NOT NULL;
ALTER TABLE idempotency_key ALTER COLUMN response_body SET NOT NULL;
