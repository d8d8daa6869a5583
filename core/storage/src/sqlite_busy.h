// Waiting for a busy SQLite database (private to core): one writer at a
// time, so a second one waits for the lock instead of failing at once.
// Each wait for a lock lasts up to the busy limit (60 s, or
// LFRPLAN_BUSY_TIMEOUT seconds); the first time a connection has waited a
// moment it says so once through the busy-wait notice (storage.h), and when
// the limit runs out the operation fails with lfr::BusyError: nothing it
// meant to write was written. See docs/storage.md, "Several programs at once".
#pragma once

#include "lfrplan/storage.h"

#include <sqlite3.h>

#include <chrono>
#include <optional>
#include <string>

namespace lfr::sqlite {

// The wait allowed for one lock: LFRPLAN_BUSY_TIMEOUT (seconds, 0 to
// 86400, fractions allowed) or 60 s. A value that is not such a number is
// a StorageError naming the variable.
std::chrono::milliseconds busyLimit();

// The busy state of one connection; installed on it with install(), and
// it must outlive the connection's handle.
class BusyWait {
public:
    BusyWait(std::string location, std::chrono::milliseconds limit, BusyWaitNotice notice);
    // Makes SQLite call this object while the database is locked.
    void install(sqlite3 *db);
    // Whether the last wait ran out (SQLite then reports SQLITE_BUSY).
    bool gaveUp() const noexcept { return gaveUp_; }
    // The lfr::BusyError for a wait that ran out: names the database, the
    // wait and that nothing was written. Clears gaveUp().
    BusyError error();

private:
    static int handler(void *self, int count);
    int wait(int count);

    std::string location_;
    std::chrono::milliseconds limit_;
    BusyWaitNotice notice_;
    std::chrono::steady_clock::time_point since_;
    bool told_ = false;
    bool gaveUp_ = false;
};

// True for an SQLite result code that means "busy" or "locked".
inline bool isBusy(int rc) { return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED; }

// "60 s", "1.5 s": a wait, for messages.
std::string describeWait(std::chrono::milliseconds wait);

} // namespace lfr::sqlite
