// What only SQLite needs of each schema version (private to core): the
// triggers, in SQLite's own language, that keep the audit trail
// append-only and (version 6) write and chain it. The shared tables are in
// schema_tables.h; schema.cpp's schemaLadder() runs both. A released
// version is never edited.
#pragma once

namespace lfr::schema {

// Version 2: the audit trail is append-only. Triggers refuse UPDATE and
// DELETE, and an INSERT that reuses an entry's number (INSERT OR REPLACE
// would otherwise overwrite the entry without firing the DELETE trigger).
// In a BEFORE INSERT trigger NEW.seq is -1 when the row gets its number
// automatically, hence the test for an existing entry.
inline constexpr const char *kSqliteV2 = R"sql(
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: UPDATE is refused');
END;

CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: DELETE is refused');
END;

CREATE TRIGGER audit_log_append_only_insert BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq)
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: an entry cannot be replaced');
END;
)sql";

// Version 5 (issue 15): audit entries are numbered from 1. Version 2's
// insert trigger refused an insert whose NEW.seq already existed, so one
// entry written by hand with seq -1 made every later audited write fail.
// Now the replacement check looks only at numbers a writer chose (1 and
// up), and an entry numbered below 1 is refused once SQLite has numbered
// it. Minimum compatible version 4: older builds write entries as before.
inline constexpr const char *kSqliteV5 = R"sql(
DROP TRIGGER audit_log_append_only_insert;

CREATE TRIGGER audit_log_append_only_insert BEFORE INSERT ON audit_log
WHEN NEW.seq >= 1 AND EXISTS (SELECT 1 FROM audit_log WHERE seq = NEW.seq)
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: an entry cannot be replaced');
END;

CREATE TRIGGER audit_log_numbered_from_one AFTER INSERT ON audit_log
WHEN NEW.seq < 1
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is numbered from 1: an entry numbered below 1 is refused');
END;
)sql";

// Version 6 (issue 15): the audit trail the database writes and chains.
// Every change to an authorisation record, a setting or a user mapping
// writes its audit entry from a trigger, however it was made; the chain
// starts at audit_chain.chain_start. The triggers call functions only
// lfrplan defines on its connections (sqlite_functions.h): another
// program's change fails instead of going unrecorded. schema.cpp adds the
// generated triggers (refuseOtherPrograms) and chains the entries written
// before. Minimum compatible version 6: an older build would write entries
// the chain refuses.
inline constexpr const char *kSqliteV6 = R"sql(
CREATE TABLE audit_chain (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    chain_start INTEGER NOT NULL CHECK (chain_start >= 1)
) STRICT;
INSERT INTO audit_chain (singleton, chain_start) SELECT 1, coalesce(max(seq), 0) + 1 FROM audit_log;

CREATE TRIGGER authorisations_audit_insert AFTER INSERT ON authorisations WHEN lfrplan_auditing()
BEGIN
    INSERT INTO audit_log (at, actor, action, subject, old_value, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), lfrplan_actor(), 'authorisation.' || NEW.status,
            coalesce((SELECT name FROM scenarios WHERE id = NEW.scenario_id), 'scenario ' || NEW.scenario_id)
                || ' / ' || NEW.hotspot || ' ' || NEW.date || ' ' || NEW.window_id,
            NULL, NEW.record);
END;

CREATE TRIGGER authorisations_audit_update AFTER UPDATE ON authorisations
WHEN lfrplan_auditing() AND (NEW.record IS NOT OLD.record OR NEW.status IS NOT OLD.status
                             OR NEW.scenario_id IS NOT OLD.scenario_id)
BEGIN
    INSERT INTO audit_log (at, actor, action, subject, old_value, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), lfrplan_actor(),
            CASE WHEN NEW.status IS OLD.status THEN 'authorisation.changed' ELSE 'authorisation.' || NEW.status END,
            coalesce((SELECT name FROM scenarios WHERE id = NEW.scenario_id), 'scenario ' || NEW.scenario_id)
                || ' / ' || NEW.hotspot || ' ' || NEW.date || ' ' || NEW.window_id,
            OLD.record, NEW.record);
END;

CREATE TRIGGER authorisations_audit_delete AFTER DELETE ON authorisations WHEN lfrplan_auditing()
BEGIN
    INSERT INTO audit_log (at, actor, action, subject, old_value, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), lfrplan_actor(), 'authorisation.deleted',
            coalesce((SELECT name FROM scenarios WHERE id = OLD.scenario_id), 'scenario ' || OLD.scenario_id)
                || ' / ' || OLD.hotspot || ' ' || OLD.date || ' ' || OLD.window_id,
            OLD.record, NULL);
END;

CREATE TRIGGER settings_audit_insert AFTER INSERT ON settings WHEN lfrplan_auditing()
BEGIN
    INSERT INTO audit_log (at, actor, action, subject, old_value, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), lfrplan_actor(), 'settings.changed', NEW.key, NULL,
            json_quote(NEW.value));
END;

CREATE TRIGGER settings_audit_update AFTER UPDATE ON settings
WHEN lfrplan_auditing() AND (NEW.value IS NOT OLD.value OR NEW.key IS NOT OLD.key)
BEGIN
    INSERT INTO audit_log (at, actor, action, subject, old_value, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), lfrplan_actor(), 'settings.changed', NEW.key,
            json_quote(OLD.value), json_quote(NEW.value));
END;

CREATE TRIGGER settings_audit_delete AFTER DELETE ON settings WHEN lfrplan_auditing()
BEGIN
    INSERT INTO audit_log (at, actor, action, subject, old_value, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), lfrplan_actor(), 'settings.removed', OLD.key,
            json_quote(OLD.value), NULL);
END;

CREATE TRIGGER users_audit_insert AFTER INSERT ON users WHEN lfrplan_auditing()
BEGIN
    INSERT INTO audit_log (at, actor, action, subject, old_value, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), lfrplan_actor(), 'user.mapped', NEW.login, NULL,
            json_object('officer', NEW.officer));
END;

CREATE TRIGGER users_audit_update AFTER UPDATE ON users WHEN lfrplan_auditing()
BEGIN
    INSERT INTO audit_log (at, actor, action, subject, old_value, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), lfrplan_actor(), 'user.mapped', NEW.login,
            json_object('officer', OLD.officer), json_object('officer', NEW.officer));
END;

CREATE TRIGGER users_audit_delete AFTER DELETE ON users WHEN lfrplan_auditing()
BEGIN
    INSERT INTO audit_log (at, actor, action, subject, old_value, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), lfrplan_actor(), 'user.unmapped', OLD.login,
            json_object('officer', OLD.officer), NULL);
END;

DROP TRIGGER audit_log_append_only_update;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
WHEN NOT (OLD.hash IS NULL AND NEW.seq IS OLD.seq AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor
          AND NEW.action IS OLD.action AND NEW.subject IS OLD.subject AND NEW.old_value IS OLD.old_value
          AND NEW.new_value IS OLD.new_value
          AND NEW.hash IS lfrplan_entry_hash((SELECT a.hash FROM audit_log a WHERE a.seq < OLD.seq
                                              ORDER BY a.seq DESC LIMIT 1),
                                             OLD.seq, OLD.at, OLD.actor, OLD.action, OLD.subject, OLD.old_value,
                                             OLD.new_value))
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only: UPDATE is refused');
END;

CREATE TRIGGER audit_log_no_gaps AFTER INSERT ON audit_log
WHEN lfrplan_auditing() AND NEW.seq <> coalesce((SELECT max(a.seq) FROM audit_log a WHERE a.seq < NEW.seq), 0) + 1
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is numbered without gaps: an entry must take the next number');
END;

CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log
BEGIN
    UPDATE audit_log
    SET hash = lfrplan_entry_hash((SELECT a.hash FROM audit_log a WHERE a.seq < NEW.seq ORDER BY a.seq DESC LIMIT 1),
                                  NEW.seq, NEW.at, NEW.actor, NEW.action, NEW.subject, NEW.old_value, NEW.new_value)
    WHERE seq = NEW.seq;
END;
)sql";

// Version 7 (issue 20): a published plan is written only by lfrplan (the
// published_by is the connection's login), takes the scenario's next
// version, is never changed or removed, and its audit entry carries the
// whole plan as published, in the chained trail.
inline constexpr const char *kSqliteV7 = R"sql(
CREATE TRIGGER published_plans_through_lfrplan BEFORE INSERT ON published_plans
WHEN lfrplan_actor() IS NULL
BEGIN
    SELECT RAISE(ABORT, 'a change to published_plans goes through lfrplan, which audits it');
END;

CREATE TRIGGER published_plans_next_version BEFORE INSERT ON published_plans
WHEN NEW.version IS NOT coalesce((SELECT max(p.version) FROM published_plans p
                                  WHERE p.scenario_id = NEW.scenario_id), 0) + 1
BEGIN
    SELECT RAISE(ABORT, 'published_plans: a scenario''s versions are numbered 1, 2, ... in the order published');
END;

CREATE TRIGGER published_plans_by_login BEFORE INSERT ON published_plans
WHEN lfrplan_auditing() AND NEW.published_by IS NOT lfrplan_actor()
BEGIN
    SELECT RAISE(ABORT, 'published_plans: published_by is the login that publishes');
END;

CREATE TRIGGER published_plans_never_changed BEFORE UPDATE ON published_plans
BEGIN
    SELECT RAISE(ABORT, 'published_plans: a published version is never changed');
END;

CREATE TRIGGER published_plans_never_removed BEFORE DELETE ON published_plans
BEGIN
    SELECT RAISE(ABORT, 'published_plans: a published version is never removed');
END;

CREATE TRIGGER published_plans_audit AFTER INSERT ON published_plans WHEN lfrplan_auditing()
BEGIN
    INSERT INTO audit_log (at, actor, action, subject, old_value, new_value)
    VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), lfrplan_actor(), 'plan.published',
            coalesce((SELECT name FROM scenarios WHERE id = NEW.scenario_id), 'scenario ' || NEW.scenario_id),
            NULL, json_object('version', NEW.version, 'published_at', NEW.published_at, 'plan', json(NEW.plan)));
END;
)sql";

} // namespace lfr::schema
