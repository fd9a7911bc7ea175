-- Who did what, when, to what, and with what outcome: every write answered by the service (also the
-- refused ones: 403, 404, 409, 422) and every reveal of personal data. Append-only: the trigger below
-- refuses UPDATE, DELETE and TRUNCATE, whoever asks.
CREATE TABLE audit_record (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    roles       text        NOT NULL,
    region      text,
    action      text        NOT NULL,
    target      text,
    request_id  text        NOT NULL,
    outcome     smallint    NOT NULL
);

-- Lines arrive in time order and never change: a BRIN index serves time ranges for almost nothing
-- per insert; actor and target (the auditor's usual questions) get B-trees.
CREATE INDEX audit_record_at ON audit_record USING brin (at);
CREATE INDEX audit_record_actor ON audit_record (actor, at);
CREATE INDEX audit_record_target ON audit_record (target, at) WHERE target IS NOT NULL;

CREATE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_record_no_change BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only();
