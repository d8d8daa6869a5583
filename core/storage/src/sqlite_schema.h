// The SQLite schema of lfrplan and its versioned migrations (private to
// core; the tests include it to drive migrate() with their own steps).
//
// A database is marked as lfrplan's by PRAGMA application_id and carries
// its schema version in PRAGMA user_version. See docs/storage.md.
#pragma once

#include "lfrplan/storage.h"
#include "sqlite_handle.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr::sqlite {

// "LFRP" in ASCII: PRAGMA application_id of every lfrplan database.
inline constexpr std::int32_t kApplicationId = 0x4C465250;

// One schema change: brings a database from version - 1 to `version`.
// minCompatibleVersion is the oldest schema version whose code can still
// read and write a database at `version` (an added index keeps it low; a
// changed table raises it to `version`). It is stored in schema_info so an
// older build can decide whether a newer file is safe to open.
struct MigrationStep {
    int version = 0;
    int minCompatibleVersion = 0;
    std::string description;
    std::function<void(sqlite3 *db)> apply;
};

// The ordered migrations of this build: step 1 creates the schema.
const std::vector<MigrationStep> &migrationSteps();
// The schema version this build writes: migrationSteps().back().version.
int latestSchemaVersion();

// What the header of an SQLite database says about it.
struct DatabaseHeader {
    std::int32_t applicationId = 0;
    int userVersion = 0;
    int schemaObjects = 0;        // rows of sqlite_schema
    int minCompatibleVersion = 0; // from schema_info; 0 when absent
};
DatabaseHeader readHeader(sqlite3 *db, std::string_view location);

// Brings the database up to the last step's version, all pending steps in
// ONE transaction with foreign keys checked at the end: on any failure
// everything is rolled back, the file stays at its old version and a
// StorageError names the failed step. A fresh (empty) database gets the
// application_id. Refuses, changing nothing, a database of another
// application and a newer one that is not declared compatible with the
// last step. Returns the schema version of the database afterwards.
int migrate(sqlite3 *db, const std::vector<MigrationStep> &steps, std::string_view location);

// Opens (or creates) the lfrplan database at `file` for reading and
// writing: checks it through a read-only connection first so that a file
// it refuses (not SQLite, corrupt, another application's database, a newer
// schema) is left byte for byte as it was, then migrates it and sets the
// connection's pragmas (foreign_keys, WAL, synchronous, busy_timeout).
// The connection's SQL functions (sqlite_functions.h) record changes under
// `login`.
Database openDatabase(const std::filesystem::path &file, OpenMode mode, const std::string &login);

} // namespace lfr::sqlite
