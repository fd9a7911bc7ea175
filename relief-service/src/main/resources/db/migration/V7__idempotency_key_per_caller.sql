-- Idempotency keys are kept per caller (kind:length-of-sub:sub:key). A token's sub is at most 255
-- characters (OpenID Connect Core 2), the client's key at most 200: 600 holds any of them. Raising
-- a VARCHAR's limit rewrites neither the table nor its primary key index. Keys kept before this
-- migration (kind:key) match no new request and expire with the retention as before.
ALTER TABLE idempotency_key ALTER COLUMN scoped_key TYPE VARCHAR(600);
