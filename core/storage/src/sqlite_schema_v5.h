// The DDL of schema version 5 (issue 15): on SQLite, audit entries are
// numbered from 1. Private to core; used by the fifth migration step. A
// released version is never edited.
#pragma once

namespace lfr::sqlite {

// In a BEFORE INSERT trigger SQLite shows an entry whose number it has yet
// to choose as seq = -1. Version 2's trigger refused an insert whose
// NEW.seq already existed, so one entry written by hand with seq -1 made
// every later audited write fail ("an entry cannot be replaced"). Now the
// replacement check looks only at numbers a writer chose (1 and up), and an
// entry numbered below 1 is refused once SQLite has numbered it. Minimum
// compatible version 4: older builds write entries as before.
inline constexpr const char *kSchemaV5 = R"sql(
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

} // namespace lfr::sqlite
