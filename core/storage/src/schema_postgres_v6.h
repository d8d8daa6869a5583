// What only PostgreSQL needs of schema version 6 (private to core); the
// shared tables are in schema_tables.h (kTablesV6), versions 2 to 5's part
// in schema_postgres.h. A released version is never edited.
#pragma once

namespace lfr::schema {

// Version 6 (issue 15), the server's side of the safeguards:
// - users: which database login is which officer (collar number); only
//   the administrator writes it, everyone with a role reads it.
// - authorisations: the status, hotspot, date and window columns must be
//   the record's own; a non-administrator's change is checked by the
//   server: planned_by is the login that first saved it, the status moves
//   only as the rules allow, and only the login mapped to the named
//   authorising officer authorises, never the login that planned it nor a
//   login of the same officer, and only a complete record (the items of
//   lfr::authorisationProblems, the settings' rank and rationale length);
//   a closed record has its outcome, a cancelled one its reason;
//   authorised_by is that login; revision, updated_at and updated_by are
//   stamped.
// - Every change to an authorisation record, a setting or a user mapping
//   writes its audit entry from a trigger, however it was made.
// - A scenario's rows (data, plan, notes) change only in a transaction
//   that raised its revision first, by exactly one; at commit, a scenario
//   inserted, revised or deleted without an audit entry about it (a change
//   made outside lfrplan) gets one, under the login that made it. The same
//   for the published records.
// - audit_log: numbered by the server without gaps (a counter row in
//   audit_head, taken under a lock, instead of a sequence that skips
//   numbers on rollback); each entry carries its chain hash
//   (lfr::auditEntryHash). Entries written before are chained now;
//   chain_start is the first number under this version.
// The stamping function runs as the owner (it alone writes audit_head)
// and tells the administrator by session_user, which no SET ROLE changes.
inline constexpr const char *kPostgresV6 = R"sql(
GRANT SELECT ON users TO lfrplan_planner, lfrplan_commander, lfrplan_auditor;

ALTER TABLE audit_log ALTER COLUMN seq DROP IDENTITY IF EXISTS;
ALTER TABLE audit_log ADD COLUMN txid xid8;
CREATE INDEX audit_log_by_txid ON audit_log (txid);
ALTER TABLE scenarios ADD COLUMN revised_in xid8;

CREATE TABLE audit_head (
    singleton integer PRIMARY KEY CHECK (singleton = 1),
    seq bigint NOT NULL,
    hash text COLLATE "C",
    chain_start bigint NOT NULL CHECK (chain_start >= 1)
);
GRANT SELECT ON audit_head TO lfrplan_planner, lfrplan_commander, lfrplan_auditor;

DO $v6$
DECLARE
    t text;
    schema_id text := quote_ident(current_schema());
    schema_name text := quote_literal(current_schema());
    body text;
BEGIN
    body := $body$
CREATE FUNCTION @S@.lfrplan_entry_hash(previous text, seq bigint, at text, actor text, action text, subject text,
                                       old_value text, new_value text) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $f$
    -- Lengths in UTF-8 bytes, whatever the server's encoding.
    SELECT encode(sha256(convert_to(
        coalesce(octet_length(convert_to(previous, 'UTF8'))::text || ':' || previous, '-')
        || '|' || octet_length(convert_to(seq::text, 'UTF8'))::text || ':' || seq::text
        || '|' || octet_length(convert_to(at, 'UTF8'))::text || ':' || at
        || '|' || octet_length(convert_to(actor, 'UTF8'))::text || ':' || actor
        || '|' || octet_length(convert_to(action, 'UTF8'))::text || ':' || action
        || '|' || octet_length(convert_to(subject, 'UTF8'))::text || ':' || subject
        || '|' || coalesce(octet_length(convert_to(old_value, 'UTF8'))::text || ':' || old_value, '-')
        || '|' || coalesce(octet_length(convert_to(new_value, 'UTF8'))::text || ':' || new_value, '-'), 'UTF8')),
        'hex')
$f$;

CREATE FUNCTION @S@.lfrplan_login_is_administrator(login name) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = login), false)
        OR coalesce(pg_catalog.pg_has_role(login,
               (SELECT c.relowner FROM pg_catalog.pg_class c
                    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = @L@ AND c.relname = 'audit_log' AND c.relkind = 'r'), 'MEMBER'), false)
$f$;

-- One definition: the current user's is the same question.
CREATE OR REPLACE FUNCTION @S@.lfrplan_is_administrator() RETURNS boolean
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $f$
    SELECT @S@.lfrplan_login_is_administrator(current_user)
$f$;

CREATE OR REPLACE FUNCTION @S@.lfrplan_stamp_audit_entry() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    head record;
BEGIN
    -- It runs as the owner: only ever as the trigger lfrplan made on the
    -- trail itself (anyone could otherwise attach it to a table of their own).
    IF TG_RELID IS DISTINCT FROM '@S@.audit_log'::regclass OR TG_WHEN <> 'BEFORE' OR TG_OP <> 'INSERT'
       OR TG_LEVEL <> 'ROW' OR TG_NAME <> 'audit_log_stamp' THEN
        RAISE EXCEPTION 'lfrplan_stamp_audit_entry stamps the audit trail only' USING ERRCODE = '42501';
    END IF;
    SELECT h.seq, h.hash INTO head FROM @S@.audit_head h WHERE h.singleton = 1 FOR UPDATE;
    IF NOT @S@.lfrplan_login_is_administrator(session_user) THEN
        NEW.actor := session_user;
        -- The clock when the entry is written, not when its transaction began.
        NEW.at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
        NEW.seq := head.seq + 1;
    ELSIF NEW.seq IS NULL THEN
        NEW.seq := head.seq + 1;
    ELSIF NEW.seq <= head.seq THEN
        RAISE EXCEPTION 'the audit trail is append-only: entry % would not follow the last one (%)', NEW.seq, head.seq
            USING ERRCODE = '42501';
    END IF;
    NEW.txid := pg_current_xact_id();
    NEW.hash := @S@.lfrplan_entry_hash(head.hash, NEW.seq, NEW.at, NEW.actor, NEW.action, NEW.subject,
                                       NEW.old_value, NEW.new_value);
    UPDATE @S@.audit_head SET seq = NEW.seq, hash = NEW.hash WHERE singleton = 1;
    RETURN NEW;
END
$f$;

CREATE FUNCTION @S@.lfrplan_write_audit(action text, subject text, old_value text, new_value text) RETURNS void
    LANGUAGE sql SET search_path = pg_catalog, pg_temp AS $f$
    INSERT INTO @S@.audit_log (at, actor, action, subject, old_value, new_value)
    VALUES (to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), session_user, action,
            subject, old_value, new_value)
$f$;

CREATE FUNCTION @S@.lfrplan_check_authorisation() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    r jsonb := NEW.record::jsonb;
    planner text;
    kept text := '';
    mapped text;
    planner_officer text;
    officer text;
    officer_rank text;
    min_rank text;
    min_length int;
    missing text[] := ARRAY[]::text[];
    ranks text[] := ARRAY['PC', 'PS', 'Insp', 'CI', 'Supt', 'CS', 'Cmdr'];
    blank text := E' \t\r\n';
    o jsonb;
BEGIN
    IF jsonb_typeof(r) IS DISTINCT FROM 'object' OR r->>'status' IS DISTINCT FROM NEW.status
       OR r->>'hotspot' IS DISTINCT FROM NEW.hotspot OR r->>'date' IS DISTINCT FROM NEW.date
       OR r->>'window' IS DISTINCT FROM NEW.window_id THEN
        RAISE EXCEPTION 'authorisations: the status, hotspot, date and window columns must be those of the record (the column says %, the record %)',
            NEW.status, coalesce(r->>'status', 'nothing') USING ERRCODE = '23514';
    END IF;
    IF @S@.lfrplan_is_administrator() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        IF (NEW.scenario_id, NEW.hotspot, NEW.date, NEW.window_id)
           IS DISTINCT FROM (OLD.scenario_id, OLD.hotspot, OLD.date, OLD.window_id) THEN
            RAISE EXCEPTION 'authorisations: a record belongs to its scenario and deployment for good'
                USING ERRCODE = '42501';
        END IF;
        -- Past draft, what was authorised stays as it was: only the status,
        -- the outcome and a cancellation's reason change (and authorised_by,
        -- checked below), unless it goes back to draft, to be authorised again.
        IF OLD.status IN ('authorised', 'deployed') AND NEW.status <> 'draft'
           AND r - ARRAY['status', 'outcome', 'cancel_reason', 'authorised_by']
               IS DISTINCT FROM OLD.record::jsonb - ARRAY['status', 'outcome', 'cancel_reason', 'authorised_by'] THEN
            RAISE EXCEPTION 'authorisations: an % record cannot be changed; return it to draft first', OLD.status
                USING ERRCODE = '42501';
        END IF;
        NEW.revision := OLD.revision + 1;
        planner := OLD.record::jsonb->>'planned_by';
        IF NEW.status <> 'draft' THEN
            kept := coalesce(OLD.record::jsonb->>'authorised_by', '');
        END IF;
    ELSE
        NEW.revision := 1;
        planner := session_user;
    END IF;
    NEW.updated_by := session_user;
    NEW.updated_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    IF r->>'planned_by' IS DISTINCT FROM planner THEN
        RAISE EXCEPTION 'authorisations: planned_by is "%", but the server records who planned a record: %',
            r->>'planned_by', planner USING ERRCODE = '42501';
    END IF;
    IF TG_OP = 'INSERT' AND NEW.status NOT IN ('draft', 'authorised', 'cancelled')
       OR TG_OP = 'UPDATE' AND NEW.status <> OLD.status AND (OLD.status, NEW.status) NOT IN (
           ('draft', 'authorised'), ('draft', 'cancelled'), ('authorised', 'deployed'), ('authorised', 'cancelled'),
           ('authorised', 'draft'), ('deployed', 'closed'))
       OR TG_OP = 'UPDATE' AND OLD.status IN ('closed', 'cancelled', 'authorised') AND NEW.status = OLD.status
           AND NEW.record IS DISTINCT FROM OLD.record THEN
        RAISE EXCEPTION 'authorisations: a record cannot go from % to % so', CASE TG_OP WHEN 'UPDATE' THEN OLD.status
            ELSE 'nothing' END, NEW.status USING ERRCODE = '42501';
    END IF;
    IF NEW.status = 'authorised' AND (TG_OP = 'INSERT' OR OLD.status <> 'authorised') THEN
        officer := r->>'authorising_officer';
        SELECT u.officer INTO mapped FROM @S@.users u WHERE u.login = session_user;
        IF mapped IS NULL OR mapped IS DISTINCT FROM officer THEN
            RAISE EXCEPTION 'authorisations: only the login mapped to the authorising officer % may authorise; % is %',
                coalesce(officer, 'nobody'), session_user, coalesce('officer ' || mapped, 'not mapped to an officer')
                USING ERRCODE = '42501';
        END IF;
        SELECT u.officer INTO planner_officer FROM @S@.users u WHERE u.login = planner;
        IF session_user = planner OR planner_officer = officer THEN
            RAISE EXCEPTION 'authorisations: % planned this deployment and cannot authorise it (no self-authorisation)',
                planner USING ERRCODE = '42501';
        END IF;
        -- What lfr::authorisationProblems requires, for hand-written SQL too.
        -- As lfrplan reads the settings: an unknown rank is Supt.
        min_rank := coalesce((SELECT st.value FROM @S@.settings st WHERE st.key = 'minimum_authorising_rank'), 'Supt');
        IF array_position(ranks, min_rank) IS NULL THEN
            min_rank := 'Supt';
        END IF;
        min_length := coalesce((SELECT CASE WHEN st.value ~ '^[0-9]{1,9}$' THEN st.value::int END
                                    FROM @S@.settings st WHERE st.key = 'minimum_rationale_length'), 40);
        SELECT o.rank INTO officer_rank FROM @S@.officers o WHERE o.scenario_id = NEW.scenario_id AND o.id = officer;
        IF officer_rank IS NULL THEN
            missing := missing || 'the authorising officer is not an officer of the scenario';
        ELSIF array_position(ranks, officer_rank) < array_position(ranks, min_rank) THEN
            missing := missing || ('the authorising officer is a ' || officer_rank || ', below ' || min_rank);
        END IF;
        IF coalesce(r->>'use_case', '') NOT IN ('crime-hotspot', 'missing-person-hotspot', 'critical-infrastructure',
                                                'event-protection', 'sought-persons') THEN
            missing := missing || 'no use case'::text;
        END IF;
        IF coalesce(octet_length(btrim(r->>'rationale', blank)), 0) = 0
           OR octet_length(convert_to(r->>'rationale', 'UTF8')) < min_length THEN
            missing := missing || ('a rationale of at least ' || min_length || ' characters');
        END IF;
        IF coalesce(r->>'watchlist_size', '') !~ '^[1-9][0-9]{0,8}$' THEN
            missing := missing || 'no watchlist size'::text;
        END IF;
        IF jsonb_typeof(r->'watchlist_categories') IS DISTINCT FROM 'array'
           OR NOT EXISTS (SELECT FROM jsonb_array_elements_text(r->'watchlist_categories') c
                              WHERE btrim(c, blank) <> '') THEN
            missing := missing || 'no watchlist categories'::text;
        END IF;
        IF (r->'community_impact_assessed') IS DISTINCT FROM 'true'::jsonb THEN
            missing := missing || 'no community impact assessment'::text;
        END IF;
        IF (r->'public_notice_given') IS DISTINCT FROM 'true'::jsonb THEN
            missing := missing || 'no public notice'::text;
        END IF;
        IF (r->'signage_planned') IS DISTINCT FROM 'true'::jsonb THEN
            missing := missing || 'no signage'::text;
        END IF;
        IF jsonb_typeof(r->'start') IS DISTINCT FROM 'string' OR jsonb_typeof(r->'end') IS DISTINCT FROM 'string' THEN
            missing := missing || 'no start or end time'::text;
        END IF;
        IF cardinality(missing) > 0 THEN
            RAISE EXCEPTION 'authorisations: cannot authorise: %', array_to_string(missing, '; ')
                USING ERRCODE = '23514';
        END IF;
        kept := session_user;
    END IF;
    IF NEW.status = 'closed' THEN
        o := r->'outcome';
        IF jsonb_typeof(o) IS DISTINCT FROM 'object' THEN
            RAISE EXCEPTION 'authorisations: cannot close: the outcome is not recorded' USING ERRCODE = '23514';
        END IF;
        -- lfr::outcomeProblems: counts of 0 or more that add up.
        IF EXISTS (SELECT FROM unnest(ARRAY['true_alerts_confirmed', 'true_alerts_unconfirmed',
                                            'false_alerts_confirmed', 'false_alerts_unconfirmed', 'arrests',
                                            'other_disposal', 'no_action']) k
                       WHERE coalesce(o->>k, '0') !~ '^[0-9]{1,9}$')
           OR coalesce(o->>'faces_seen', '0') !~ '^[0-9]{1,9}$'
           OR coalesce(o->>'duration_minutes', '0') !~ '^[0-9]{1,9}$'
           OR (o->>'threshold' IS NOT NULL AND (jsonb_typeof(o->'threshold') <> 'number'
                                                OR (o->>'threshold')::numeric NOT BETWEEN 0 AND 1)) THEN
            RAISE EXCEPTION 'authorisations: cannot close: the outcome''s counts must be whole numbers of 0 or more, and the threshold within 0..1'
                USING ERRCODE = '23514';
        END IF;
        IF coalesce((o->>'arrests')::int, 0) + coalesce((o->>'other_disposal')::int, 0)
               + coalesce((o->>'no_action')::int, 0)
               > coalesce((o->>'true_alerts_confirmed')::int, 0) + coalesce((o->>'true_alerts_unconfirmed')::int, 0)
           OR (o->>'faces_seen' IS NOT NULL
               AND coalesce((o->>'true_alerts_confirmed')::int, 0) + coalesce((o->>'true_alerts_unconfirmed')::int, 0)
                   + coalesce((o->>'false_alerts_confirmed')::int, 0)
                   + coalesce((o->>'false_alerts_unconfirmed')::int, 0) > (o->>'faces_seen')::int) THEN
            RAISE EXCEPTION 'authorisations: cannot close: the outcome does not add up (disposals beyond the true alerts, or alerts beyond the faces seen)'
                USING ERRCODE = '23514';
        END IF;
    END IF;
    IF NEW.status = 'cancelled' AND coalesce(btrim(r->>'cancel_reason', blank), '') = '' THEN
        RAISE EXCEPTION 'authorisations: cannot cancel: give the reason' USING ERRCODE = '23514';
    END IF;
    IF coalesce(r->>'authorised_by', '') IS DISTINCT FROM kept THEN
        RAISE EXCEPTION 'authorisations: authorised_by is "%", but the server records who authorised a record: %',
            coalesce(r->>'authorised_by', ''), CASE kept WHEN '' THEN 'nobody' ELSE kept END USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$f$;

CREATE FUNCTION @S@.lfrplan_audit_authorisation() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    one @S@.authorisations%ROWTYPE;
    action text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        one := OLD;
        action := 'authorisation.deleted';
    ELSE
        one := NEW;
        IF TG_OP = 'UPDATE' AND NEW.status = OLD.status THEN
            IF NEW.record IS NOT DISTINCT FROM OLD.record AND NEW.scenario_id = OLD.scenario_id THEN
                RETURN NULL;
            END IF;
            action := 'authorisation.changed';
        ELSE
            action := 'authorisation.' || NEW.status;
        END IF;
    END IF;
    PERFORM @S@.lfrplan_write_audit(action,
        coalesce((SELECT s.name FROM @S@.scenarios s WHERE s.id = one.scenario_id), 'scenario ' || one.scenario_id)
            || ' / ' || one.hotspot || ' ' || one.date || ' ' || one.window_id,
        CASE TG_OP WHEN 'INSERT' THEN NULL ELSE OLD.record END,
        CASE TG_OP WHEN 'DELETE' THEN NULL ELSE NEW.record END);
    RETURN NULL;
END
$f$;

CREATE FUNCTION @S@.lfrplan_audit_setting() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.value IS NOT DISTINCT FROM OLD.value AND NEW.key IS NOT DISTINCT FROM OLD.key THEN
        RETURN NULL;
    END IF;
    PERFORM @S@.lfrplan_write_audit(CASE TG_OP WHEN 'DELETE' THEN 'settings.removed' ELSE 'settings.changed' END,
        CASE TG_OP WHEN 'DELETE' THEN OLD.key ELSE NEW.key END,
        CASE TG_OP WHEN 'INSERT' THEN NULL ELSE to_json(OLD.value)::text END,
        CASE TG_OP WHEN 'DELETE' THEN NULL ELSE to_json(NEW.value)::text END);
    RETURN NULL;
END
$f$;

CREATE FUNCTION @S@.lfrplan_audit_user() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    PERFORM @S@.lfrplan_write_audit(CASE TG_OP WHEN 'DELETE' THEN 'user.unmapped' ELSE 'user.mapped' END,
        CASE TG_OP WHEN 'DELETE' THEN OLD.login ELSE NEW.login END,
        CASE TG_OP WHEN 'INSERT' THEN NULL ELSE json_build_object('officer', OLD.officer)::text END,
        CASE TG_OP WHEN 'DELETE' THEN NULL ELSE json_build_object('officer', NEW.officer)::text END);
    RETURN NULL;
END
$f$;

CREATE TRIGGER authorisations_check BEFORE INSERT OR UPDATE ON @S@.authorisations
    FOR EACH ROW EXECUTE FUNCTION @S@.lfrplan_check_authorisation();
CREATE TRIGGER authorisations_audit AFTER INSERT OR UPDATE OR DELETE ON @S@.authorisations
    FOR EACH ROW EXECUTE FUNCTION @S@.lfrplan_audit_authorisation();
CREATE TRIGGER settings_audit AFTER INSERT OR UPDATE OR DELETE ON @S@.settings
    FOR EACH ROW EXECUTE FUNCTION @S@.lfrplan_audit_setting();
CREATE TRIGGER users_audit AFTER INSERT OR UPDATE OR DELETE ON @S@.users
    FOR EACH ROW EXECUTE FUNCTION @S@.lfrplan_audit_user();
CREATE FUNCTION @S@.lfrplan_stamp_scenario() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.revised_in := pg_current_xact_id();
        RETURN NEW;
    END IF;
    IF NEW.revision IS DISTINCT FROM OLD.revision THEN
        IF NEW.revision <> OLD.revision + 1 AND NOT @S@.lfrplan_is_administrator() THEN
            RAISE EXCEPTION 'scenarios: a revision only goes up by one (% to % refused)', OLD.revision, NEW.revision
                USING ERRCODE = '42501';
        END IF;
        NEW.revised_in := pg_current_xact_id();
    ELSE
        NEW.revised_in := OLD.revised_in;
        IF (NEW.id, NEW.name, NEW.max_deployments, NEW.max_days, NEW.max_per_date, NEW.max_duties_per_officer,
            NEW.travel_weight, NEW.created_at)
           IS DISTINCT FROM (OLD.id, OLD.name, OLD.max_deployments, OLD.max_days, OLD.max_per_date,
                             OLD.max_duties_per_officer, OLD.travel_weight, OLD.created_at)
           AND OLD.revised_in IS DISTINCT FROM pg_current_xact_id() THEN
            RAISE EXCEPTION 'scenarios: a change to scenario "%" must raise its revision first, in the same transaction', OLD.name
                USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN NEW;
END
$f$;

CREATE FUNCTION @S@.lfrplan_check_scenario_rows() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    revised xid8;
    sid bigint;
BEGIN
    FOREACH sid IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW.scenario_id] WHEN 'DELETE' THEN ARRAY[OLD.scenario_id]
                                   ELSE ARRAY[OLD.scenario_id, NEW.scenario_id] END LOOP
        SELECT s.revised_in INTO revised FROM @S@.scenarios s WHERE s.id = sid;
        IF FOUND AND revised IS DISTINCT FROM pg_current_xact_id() THEN
            RAISE EXCEPTION '%: a change to a scenario''s rows must raise the scenario''s revision first, in the same transaction (the audit trail records it)', TG_TABLE_NAME
                USING ERRCODE = '42501';
        END IF;
    END LOOP;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$f$;

-- At commit: a scenario inserted, revised or deleted in a transaction
-- that wrote no audit entry about it (a change made outside lfrplan) gets
-- one, under the login that made it.
CREATE FUNCTION @S@.lfrplan_audit_scenario_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    names text[] := ARRAY[]::text[];
BEGIN
    IF TG_OP <> 'INSERT' THEN
        names := names || OLD.name;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        names := names || NEW.name;
        IF TG_OP = 'UPDATE' AND NEW.revision = OLD.revision AND NEW.name = OLD.name THEN
            RETURN NULL;
        END IF;
        -- renamed later in the transaction: its entries name it as it is now
        names := names || coalesce((SELECT s.name FROM @S@.scenarios s WHERE s.id = NEW.id), NEW.name);
    END IF;
    IF EXISTS (SELECT FROM @S@.audit_log a WHERE a.txid = pg_current_xact_id()
                   AND (a.subject = ANY (names) OR split_part(a.subject, ' / ', 1) = ANY (names))) THEN
        RETURN NULL;
    END IF;
    PERFORM @S@.lfrplan_write_audit(
        CASE TG_OP WHEN 'INSERT' THEN 'scenario.inserted' WHEN 'DELETE' THEN 'scenario.removed'
                   ELSE 'scenario.revised' END,
        names[array_length(names, 1)],
        CASE TG_OP WHEN 'INSERT' THEN NULL ELSE json_build_object('name', OLD.name, 'revision', OLD.revision)::text END,
        CASE TG_OP WHEN 'DELETE' THEN NULL
             ELSE json_build_object('name', NEW.name, 'revision', NEW.revision, 'note',
                                    'changed outside lfrplan: no description of the change was recorded')::text END);
    RETURN NULL;
END
$f$;

CREATE FUNCTION @S@.lfrplan_audit_records_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    source text := CASE TG_OP WHEN 'DELETE' THEN OLD.source ELSE NEW.source END;
BEGIN
    IF EXISTS (SELECT FROM @S@.audit_log a WHERE a.txid = pg_current_xact_id() AND a.subject = source) THEN
        RETURN NULL;
    END IF;
    PERFORM @S@.lfrplan_write_audit('records.changed', source, NULL,
        json_build_object('note', 'changed outside lfrplan: no description of the change was recorded')::text);
    RETURN NULL;
END
$f$;

CREATE TRIGGER scenarios_stamp BEFORE INSERT OR UPDATE ON @S@.scenarios
    FOR EACH ROW EXECUTE FUNCTION @S@.lfrplan_stamp_scenario();
CREATE CONSTRAINT TRIGGER scenarios_audit AFTER INSERT OR UPDATE OR DELETE ON @S@.scenarios
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION @S@.lfrplan_audit_scenario_change();
CREATE CONSTRAINT TRIGGER published_records_audit AFTER INSERT OR UPDATE OR DELETE ON @S@.published_records
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION @S@.lfrplan_audit_records_change();

-- Trigger functions are not for calling, nor for attaching to a table of
-- one's own (that needs EXECUTE); as lfrplan's triggers they still fire.
REVOKE EXECUTE ON FUNCTION @S@.lfrplan_stamp_audit_entry(), @S@.lfrplan_check_authorisation(),
    @S@.lfrplan_audit_authorisation(), @S@.lfrplan_audit_setting(), @S@.lfrplan_audit_user(),
    @S@.lfrplan_stamp_scenario(), @S@.lfrplan_check_scenario_rows(), @S@.lfrplan_audit_scenario_change(),
    @S@.lfrplan_audit_records_change(), @S@.lfrplan_guard_scenario_delete(), @S@.lfrplan_refuse_audit_change()
    FROM PUBLIC;
$body$;
    body := replace(body, '@S@', schema_id);
    body := replace(body, '@L@', schema_name);
    EXECUTE body;
    FOR t IN SELECT unnest(ARRAY['scenario_dates', 'windows', 'shifts', 'roles', 'default_crew', 'teams', 'officers',
                                 'officer_skills', 'roster_entries', 'hotspots', 'hotspot_windows',
                                 'hotspot_weekday_factors', 'hotspot_dates', 'hotspot_crew', 'vans',
                                 'van_unavailable_dates', 'pins', 'pin_crew', 'plans', 'plan_deployments',
                                 'plan_crew', 'scenario_notes']) LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OR DELETE ON %s.%I FOR EACH ROW '
                       'EXECUTE FUNCTION %s.lfrplan_check_scenario_rows()', t || '_revised', schema_id, t, schema_id);
    END LOOP;
END
$v6$;

-- Chain the entries written before this version, oldest first.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
DO $chain$
DECLARE
    e record;
    previous text := NULL;
BEGIN
    FOR e IN SELECT * FROM audit_log ORDER BY seq LOOP
        previous := lfrplan_entry_hash(previous, e.seq, e.at, e.actor, e.action, e.subject, e.old_value, e.new_value);
        UPDATE audit_log SET hash = previous WHERE seq = e.seq;
    END LOOP;
END
$chain$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
INSERT INTO audit_head (singleton, seq, hash, chain_start)
    SELECT 1, coalesce(max(seq), 0), (SELECT a.hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1),
           coalesce(max(seq), 0) + 1
    FROM audit_log;
)sql";

} // namespace lfr::schema
