// What only PostgreSQL needs of schema versions 2 to 5 (private to core):
// the server functions and triggers that keep the audit trail, the roles,
// their grants and row-level security. The shared tables are in
// schema_tables.h; version 6's part is in schema_postgres_v6.h;
// schema.cpp's schemaLadder() runs them. A released version is never
// edited.
#pragma once

namespace lfr::schema {

// Version 2: the audit trail is append-only (UPDATE, DELETE and TRUNCATE
// refused).
inline constexpr const char *kPostgresV2 = R"sql(
CREATE FUNCTION lfrplan_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % is refused', TG_OP USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION lfrplan_refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION lfrplan_refuse_audit_change();
)sql";

// Version 4: the roles. The three group roles are made when missing (the
// administrator needs CREATEROLE for that, or a database administrator
// makes them first); people log in as their own users, members of one or
// more of them.
inline constexpr const char *kPostgresV4 = R"sql(
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lfrplan_planner') THEN
        CREATE ROLE lfrplan_planner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lfrplan_commander') THEN
        CREATE ROLE lfrplan_commander NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'lfrplan_auditor') THEN
        CREATE ROLE lfrplan_auditor NOLOGIN;
    END IF;
END
$$;

-- The owner of the tables (and a superuser) administers: migrations,
-- copies, and writing audit entries under other names (lfrplan copy).
CREATE FUNCTION lfrplan_is_administrator() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false)
        OR pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_log'::regclass), 'MEMBER')
$$;

-- Everyone else's audit entries are stamped by the server: the database
-- user, the server's clock, the next number.
CREATE FUNCTION lfrplan_stamp_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT lfrplan_is_administrator() THEN
        NEW.actor := session_user;
        NEW.at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
        NEW.seq := nextval(pg_get_serial_sequence('audit_log', 'seq'));
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION lfrplan_stamp_audit_entry();

-- A scenario with authorisation records past draft is deleted only by a
-- commander or the administrator.
CREATE FUNCTION lfrplan_guard_scenario_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM authorisations WHERE scenario_id = OLD.id AND status <> 'draft')
       AND NOT (lfrplan_is_administrator() OR pg_has_role(current_user, 'lfrplan_commander', 'MEMBER')) THEN
        RAISE EXCEPTION 'scenario "%" has authorisation records past draft; only a commander may delete it', OLD.name
            USING ERRCODE = '42501';
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER scenarios_guard_delete BEFORE DELETE ON scenarios
    FOR EACH ROW EXECUTE FUNCTION lfrplan_guard_scenario_delete();

GRANT SELECT ON ALL TABLES IN SCHEMA public TO lfrplan_planner, lfrplan_commander, lfrplan_auditor;
GRANT INSERT, UPDATE, DELETE ON scenarios, scenario_dates, windows, shifts, roles, default_crew, teams, officers,
    officer_skills, roster_entries, hotspots, hotspot_windows, hotspot_weekday_factors, hotspot_dates,
    hotspot_crew, vans, van_unavailable_dates, pins, pin_crew, plans, plan_deployments, plan_crew,
    scenario_notes, published_records TO lfrplan_planner;
GRANT INSERT, UPDATE, DELETE ON authorisations TO lfrplan_planner, lfrplan_commander;
GRANT INSERT, UPDATE ON settings TO lfrplan_commander;
GRANT INSERT ON audit_log TO lfrplan_planner, lfrplan_commander;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO lfrplan_planner, lfrplan_commander;

-- Row-level security: a planner drafts authorisation records, a commander
-- decides them; everyone with a role reads them.
ALTER TABLE authorisations ENABLE ROW LEVEL SECURITY;
CREATE POLICY authorisations_read ON authorisations FOR SELECT
    TO lfrplan_planner, lfrplan_commander, lfrplan_auditor USING (true);
CREATE POLICY authorisations_planner_insert ON authorisations FOR INSERT TO lfrplan_planner
    WITH CHECK (status = 'draft');
CREATE POLICY authorisations_planner_update ON authorisations FOR UPDATE TO lfrplan_planner
    USING (status = 'draft') WITH CHECK (status = 'draft');
CREATE POLICY authorisations_planner_delete ON authorisations FOR DELETE TO lfrplan_planner
    USING (status = 'draft');
CREATE POLICY authorisations_commander ON authorisations FOR ALL TO lfrplan_commander
    USING (true) WITH CHECK (true);
)sql";

// Version 5: the functions that decide a permission or stamp the audit
// trail name every object with its schema and run with a fixed search
// path, temporary objects last; the stamp draws one number an entry (it
// drew a second one, so the numbers stepped by 2). Before, a planner's
// CREATE TEMP TABLE audit_log made 'audit_log'::regclass resolve to the
// planner's own table, so the planner counted as the administrator (issue
// 15, finding 6). The schema is the one the tables are in (the migrating
// administrator's current schema, as inspect() assumes).
inline constexpr const char *kPostgresV5 = R"sql(
DO $v5$
DECLARE
    schema_id text := quote_ident(current_schema());
    schema_name text := quote_literal(current_schema());
    body text;
BEGIN
    body := $body$
CREATE OR REPLACE FUNCTION @S@.lfrplan_is_administrator() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user), false)
        OR coalesce(pg_catalog.pg_has_role(current_user,
               (SELECT c.relowner FROM pg_catalog.pg_class c
                    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = @L@ AND c.relname = 'audit_log' AND c.relkind = 'r'), 'MEMBER'), false)
$f$;

CREATE OR REPLACE FUNCTION @S@.lfrplan_stamp_audit_entry() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF NOT @S@.lfrplan_is_administrator() THEN
        NEW.actor := session_user;
        NEW.at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
        -- The identity default has already drawn this entry's number
        -- (currval); a number the writer chose is replaced by the next one.
        -- Drawing again regardless made the numbers step by 2.
        BEGIN
            IF NEW.seq IS DISTINCT FROM currval(pg_get_serial_sequence(@Q@, 'seq')) THEN
                NEW.seq := nextval(pg_get_serial_sequence(@Q@, 'seq'));
            END IF;
        EXCEPTION WHEN object_not_in_prerequisite_state THEN -- no number drawn yet in this session
            NEW.seq := nextval(pg_get_serial_sequence(@Q@, 'seq'));
        END;
    END IF;
    RETURN NEW;
END
$f$;

CREATE OR REPLACE FUNCTION @S@.lfrplan_guard_scenario_delete() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF EXISTS (SELECT FROM @S@.authorisations a WHERE a.scenario_id = OLD.id AND a.status <> 'draft')
       AND NOT (@S@.lfrplan_is_administrator() OR pg_has_role(current_user, 'lfrplan_commander', 'MEMBER')) THEN
        RAISE EXCEPTION 'scenario "%" has authorisation records past draft; only a commander may delete it', OLD.name
            USING ERRCODE = '42501';
    END IF;
    RETURN OLD;
END
$f$;

CREATE OR REPLACE FUNCTION @S@.lfrplan_refuse_audit_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % is refused', TG_OP USING ERRCODE = '42501';
END
$f$;
$body$;
    body := replace(body, '@S@', schema_id);
    body := replace(body, '@L@', schema_name);
    body := replace(body, '@Q@', quote_literal(schema_id || '.audit_log'));
    EXECUTE body;
END
$v5$;
)sql";

} // namespace lfr::schema
