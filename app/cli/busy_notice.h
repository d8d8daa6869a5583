// The command line's busy-wait notice: when a database is busy (another
// program is writing to it), the store waits for it and says so once on
// standard error (storage.h, setBusyWaitNotice). Installing it again is
// harmless; main() may install it once for every command.
#pragma once

#include "lfrplan/storage.h"

#include <iostream>
#include <string>

namespace lfrcli {

inline void installBusyWaitNotice()
{
    lfr::setBusyWaitNotice([](const std::string &message) { std::cerr << "lfrplan: " << message << std::endl; });
}

} // namespace lfrcli
