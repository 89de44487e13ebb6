-- 0008: the audit trail of people's decisions.
--
-- One row per decision (a track cleared, an artist verified, a link approved, a policy set, a judge's score, a
-- round closed by hand, a campaign created, ...): who, when, what, on which entity and why. The API appends
-- rows after the decision is stored and reads them newest first, by entity or by actor. Nothing changes or
-- removes a row: the triggers below refuse UPDATE, DELETE and TRUNCATE for every role but a superuser that
-- disables them on purpose.

CREATE TABLE audit_trail (
    sequence     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL,
    actor        text NOT NULL,
    action       text NOT NULL,
    entity_kind  text NOT NULL,
    entity_id    text NOT NULL,
    reason       text,
    details      jsonb NOT NULL
);

CREATE INDEX audit_trail_by_entity ON audit_trail (entity_id, sequence DESC);
CREATE INDEX audit_trail_by_actor ON audit_trail (actor, sequence DESC);

CREATE FUNCTION audit_trail_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_trail is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_trail_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_trail
    FOR EACH ROW EXECUTE FUNCTION audit_trail_is_append_only();

CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail
    FOR EACH STATEMENT EXECUTE FUNCTION audit_trail_is_append_only();
