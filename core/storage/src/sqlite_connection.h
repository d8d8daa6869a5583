// The SQLite side of sql::Connection (private to core).
#pragma once

#include "sql_connection.h"
#include "sqlite_handle.h"

#include "lfrplan/storage.h"

#include <filesystem>
#include <memory>
#include <string>

namespace lfr::sql {

// Takes over an open connection (see sqlite::openDatabase).
std::unique_ptr<Connection> sqliteConnection(sqlite::Database db);
// Borrows an open connection, which the caller keeps open longer (opening
// runs the schema's migrate() on it; the tests, on their own handles);
// `busy`, when given, is how it waits for a busy database (sqlite_busy.h).
std::unique_ptr<Connection> sqliteConnectionOn(sqlite3 *db, std::string location, sqlite::BusyWait *busy = nullptr);

} // namespace lfr::sql

namespace lfr {

// openStorage(file) as if the operating system had logged in `login`. For
// the tests, which need several people on one machine; the programs always
// take the login from the operating system.
std::unique_ptr<Storage> openSqliteStorageAs(const std::filesystem::path &file, OpenMode mode,
                                             const std::string &login);

} // namespace lfr
