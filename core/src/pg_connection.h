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

// The connection string without its password, for messages.
std::string redactedLocation(std::string_view uri);

} // namespace lfr::sql
