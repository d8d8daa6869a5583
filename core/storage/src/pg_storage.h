// The PostgreSQL store (pg_storage.cpp): the server database behind the
// Storage interface. Open it through openStorage() (storage.h).
#pragma once

#include "lfrplan/storage.h"

#include <memory>
#include <string>

namespace lfr {

// Connects to the "postgresql://" location, migrates the schema (or refuses,
// as OpenMode says) and takes the login the server authenticated.
std::unique_ptr<Storage> openPgStorage(const std::string &location, OpenMode mode);

} // namespace lfr
