// The SQLite side of sql::Connection (private to core).
#pragma once

#include "sql_connection.h"
#include "sqlite_handle.h"

#include <memory>

namespace lfr::sql {

// Takes over an open connection (see sqlite::openDatabase).
std::unique_ptr<Connection> sqliteConnection(sqlite::Database db);

} // namespace lfr::sql
