// The DDL of schema version 6 (issue 15): identity, one truth per record,
// an audit trail the database writes and chains. Private to core; used by
// the sixth migration step (sqlite_schema.cpp), which then chains the
// entries written before it. A released version is never edited.
#pragma once

namespace lfr::sqlite {

// - users: which operating-system login is which officer (collar number);
//   at most one officer a login and one login an officer.
// - authorisations.revision: a stale save is a conflict (lost updates).
// - The status, hotspot, date and window columns must be the record's own
//   (they were two truths: a column could say draft, the JSON closed).
// - Every change to an authorisation record, a setting or a user mapping
//   writes its audit entry from a trigger, however it was made.
// - audit_log.hash: each entry's chain hash, filled in by the database as
//   the entry is written; numbers follow each other without gaps.
// The triggers call functions only lfrplan defines on its connections
// (sqlite_functions.h): another program's change fails instead of going
// unrecorded. Minimum compatible version 6: an older build would write
// entries the chain refuses.
inline constexpr const char *kSchemaV6 = R"sql(
CREATE TABLE users (
    login TEXT PRIMARY KEY CHECK (login <> ''),
    officer TEXT NOT NULL UNIQUE CHECK (officer <> '')
) STRICT;

ALTER TABLE authorisations ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE audit_log ADD COLUMN hash TEXT;

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

} // namespace lfr::sqlite
