// What only PostgreSQL needs of schema version 7 (private to core); the
// shared table is in schema_tables.h (kTablesV7). A released version is
// never edited.
#pragma once

namespace lfr::schema {

// Version 7 (issue 20), published plans on the server:
// - everyone with a role reads them; a planner inserts; nobody updates,
//   deletes or truncates (a trigger refuses it whatever the grants);
// - the server stamps a non-administrator's insert: the scenario's next
//   version, published_by = session_user, published_at = now;
// - every insert writes its audit entry ("plan.published", with the whole
//   plan), however it was made.
inline constexpr const char *kPostgresV7 = R"sql(
GRANT SELECT ON published_plans TO lfrplan_planner, lfrplan_commander, lfrplan_auditor;
GRANT INSERT ON published_plans TO lfrplan_planner;

DO $v7$
DECLARE
    schema_id text := quote_ident(current_schema());
    body text;
BEGIN
    body := $body$
CREATE FUNCTION @S@.lfrplan_stamp_published_plan() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF NOT @S@.lfrplan_is_administrator() THEN
        NEW.version := coalesce((SELECT max(p.version) FROM @S@.published_plans p
                                 WHERE p.scenario_id = NEW.scenario_id), 0) + 1;
        NEW.published_by := session_user;
        NEW.published_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    ELSIF NEW.version IS DISTINCT FROM coalesce((SELECT max(p.version) FROM @S@.published_plans p
                                                 WHERE p.scenario_id = NEW.scenario_id), 0) + 1 THEN
        RAISE EXCEPTION 'published_plans: a scenario''s versions are numbered 1, 2, ... in the order published'
            USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END
$f$;

CREATE FUNCTION @S@.lfrplan_refuse_published_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    RAISE EXCEPTION 'published_plans: a published version is never changed or removed (% refused)', TG_OP
        USING ERRCODE = '42501';
END
$f$;

CREATE FUNCTION @S@.lfrplan_audit_published_plan() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    PERFORM @S@.lfrplan_write_audit('plan.published',
        coalesce((SELECT s.name FROM @S@.scenarios s WHERE s.id = NEW.scenario_id), 'scenario ' || NEW.scenario_id),
        NULL, json_build_object('version', NEW.version, 'published_at', NEW.published_at,
                                'plan', NEW.plan::json)::text);
    RETURN NULL;
END
$f$;

CREATE TRIGGER published_plans_stamp BEFORE INSERT ON @S@.published_plans
    FOR EACH ROW EXECUTE FUNCTION @S@.lfrplan_stamp_published_plan();
CREATE TRIGGER published_plans_never_changed BEFORE UPDATE OR DELETE ON @S@.published_plans
    FOR EACH ROW EXECUTE FUNCTION @S@.lfrplan_refuse_published_change();
CREATE TRIGGER published_plans_never_truncated BEFORE TRUNCATE ON @S@.published_plans
    FOR EACH STATEMENT EXECUTE FUNCTION @S@.lfrplan_refuse_published_change();
CREATE TRIGGER published_plans_audit AFTER INSERT ON @S@.published_plans
    FOR EACH ROW EXECUTE FUNCTION @S@.lfrplan_audit_published_plan();

REVOKE EXECUTE ON FUNCTION @S@.lfrplan_stamp_published_plan(), @S@.lfrplan_refuse_published_change(),
    @S@.lfrplan_audit_published_plan() FROM PUBLIC;
$body$;
    body := replace(body, '@S@', schema_id);
    EXECUTE body;
END
$v7$;
)sql";

} // namespace lfr::schema
