// lfrplan's schema: ONE ladder of versions for both databases and the one
// migrate() that climbs it (private to core; the tests include it to run
// the ladder with their own steps). Each step's tables are written once
// (schema_tables.h); what the dialects spell differently, and how each
// database keeps its version, is in schema_dialects.cpp and nowhere else.
// See docs/storage.md, "Schema versions".
#pragma once

#include "lfrplan/storage.h"
#include "sql_connection.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr::schema {

// One schema change: brings a database from version - 1 to `version`.
// minCompatibleVersion is the oldest schema version whose code can still
// read and write a database at `version` (an added index keeps it low; a
// changed table raises it to `version`). It is stored with the version so
// an older build can decide whether a newer database is safe to open.
struct Step {
    int version = 0;
    int minCompatibleVersion = 0;
    std::string description;
    // Runs the step on the connection, in its dialect.
    std::function<void(sql::Connection &db)> apply;
};

// The ordered steps of this build, the same on SQLite and PostgreSQL:
// step 1 creates the schema.
const std::vector<Step> &ladder();
// The schema version this build writes: ladder().back().version.
int latestVersion();

// Runs DDL written once for both databases (schema_tables.h) in the
// connection's dialect: every {{TOKEN}} or {{TOKEN:column}} becomes that
// dialect's words. An unknown token is a std::logic_error (a bug).
void execShared(sql::Connection &db, std::string_view ddl);
std::string renderDdl(std::string_view ddl, sql::Dialect dialect);

// Where a database stands. `empty`: it holds nothing yet (no lfrplan
// schema, nothing else); otherwise it is lfrplan's at `version`.
struct Standing {
    bool empty = false;
    int version = 0;
    int minCompatibleVersion = 0;
};

// True when a database standing so needs no step of a ladder ending at
// `latest` (its version, or a newer one declared compatible with it).
// Throws StorageError, naming `location`, for a newer database that is not.
bool upToDate(const Standing &standing, int latest, const std::string &location);

// Brings the database up to the last step's version: all pending steps in
// ONE transaction, then the version is recorded and (SQLite) foreign keys
// are checked; on any failure everything is rolled back, the database
// stays at its old version and a StorageError names the failed step. A
// current database is not written at all. Refuses, changing nothing, a
// database of another application, a newer one not declared compatible
// with the last step, and (ExistingOnly) an empty one. Returns the schema
// version of the database afterwards.
int migrate(sql::Connection &db, const std::vector<Step> &steps, OpenMode mode = OpenMode::CreateIfMissing);

} // namespace lfr::schema
