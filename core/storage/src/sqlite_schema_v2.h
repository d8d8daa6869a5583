// The DDL of schema version 2 (issue 6): accountability. Private to core;
// used by the second migration step. A released version is never edited.
#pragma once

namespace lfr::sqlite {

// Version 2 adds, beside the scenarios of version 1:
// - authorisations: one record per deployment of a scenario (keyed by
//   hotspot, date and window, so it survives re-planning), its status in a
//   column and the whole record as JSON;
// - published_records: imported published deployment records, as JSON, by
//   source and line;
// - settings: the force's safeguard settings (minimum authorising rank...);
// - audit_log: every change, append-only. Triggers refuse UPDATE and
//   DELETE, and an INSERT that reuses an entry's sequence number (INSERT OR
//   REPLACE would otherwise overwrite the entry without firing the DELETE
//   trigger). In a BEFORE INSERT trigger NEW.seq is -1 when the row gets
//   its number automatically, hence the test for an existing entry.
// Its minimum compatible version is 2: a version-1 build would change data
// without writing the audit trail.
inline constexpr const char *kSchemaV2 = R"sql(
CREATE TABLE authorisations (
    scenario_id INTEGER NOT NULL REFERENCES scenarios (id) ON DELETE CASCADE,
    hotspot TEXT NOT NULL,
    date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    window_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'authorised', 'deployed', 'closed', 'cancelled')),
    record TEXT NOT NULL CHECK (json_valid(record)),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (scenario_id, hotspot, date, window_id)
) STRICT;

CREATE TABLE published_records (
    source TEXT NOT NULL,
    line INTEGER NOT NULL CHECK (line >= 1),
    date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
    record TEXT NOT NULL CHECK (json_valid(record)),
    PRIMARY KEY (source, line)
) STRICT;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL CHECK (actor <> ''),
    action TEXT NOT NULL CHECK (action <> ''),
    subject TEXT NOT NULL,
    old_value TEXT CHECK (old_value IS NULL OR json_valid(old_value)),
    new_value TEXT CHECK (new_value IS NULL OR json_valid(new_value))
) STRICT;

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

} // namespace lfr::sqlite
