// The PostgreSQL side of sql::Connection, over libpq (private to core).
#pragma once

#include "sql_connection.h"

#include <memory>
#include <string>
#include <string_view>

namespace lfr::sql {

// Connects to the server named by a "postgresql://" connection string.
// Throws StorageError naming the server (without the password) when the
// server cannot be reached or refuses the login.
std::unique_ptr<Connection> postgresConnection(const std::string &uri);

// The connection string as shown in messages: no password in any spelling
// (in the user part, or as a query key however it is %-encoded or cased),
// and no value of a query key that is not a known harmless setting.
// Throws StorageError for a malformed %-escape.
std::string redactedLocation(std::string_view uri);

// Refuses (StorageError, naming the redacted location) a connection string
// that gives one setting two values: a database in the path and another in
// ?dbname=, a user or host or port also given as a query key, a key twice.
// libpq would silently take one of them, connecting to something other
// than what the location seems to name.
void checkServerLocation(std::string_view uri);

} // namespace lfr::sql
