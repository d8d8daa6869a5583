// Opening an SQLite store (private to core): the checks that leave a file
// it refuses byte for byte as it was, and how SQLite marks and versions
// lfrplan's databases. A database is marked as lfrplan's by PRAGMA
// application_id and carries its schema version in PRAGMA user_version;
// the schema itself and its ladder are schema.h's, shared with
// PostgreSQL. See docs/storage.md.
#pragma once

#include "lfrplan/storage.h"
#include "schema.h"
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

// What the header of an SQLite database says about it.
struct DatabaseHeader {
    std::int32_t applicationId = 0;
    int userVersion = 0;
    int schemaObjects = 0;        // rows of sqlite_schema
    int minCompatibleVersion = 0; // from schema_info; 0 when absent
};
// Read with `queryInt`, which runs a query of one row and one integer.
DatabaseHeader readHeader(const std::function<std::int64_t(const char *sql)> &queryInt);

// Where a database with this header stands; throws StorageError, naming
// `location`, for another application's database.
schema::Standing standingOf(const DatabaseHeader &header, const std::string &location);

// Opens (or creates) the lfrplan database at `file` for reading and
// writing: refuses a file or folder this process may not write (naming
// which), checks it through a read-only connection first so that a file
// it refuses (not SQLite, corrupt, another application's database, a newer
// schema) is left byte for byte as it was, then migrates it and sets the
// connection's pragmas (foreign_keys, WAL, synchronous) and its busy wait
// (sqlite_busy.h). OpenMode::ReadOnly opens an existing, current one for
// reading only, upgrading nothing and creating nothing beside a file or in a
// folder it may not write. The connection's SQL functions
// (sqlite_functions.h) record changes under `login`.
Database openDatabase(const std::filesystem::path &file, OpenMode mode, const std::string &login);

} // namespace lfr::sqlite
