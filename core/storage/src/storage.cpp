// Where a store is opened: an SQLite file or a PostgreSQL server database,
// chosen by the location's form (storage.h).
#include "lfrplan/storage.h"

#include "pg_storage.h"
#include "sqlite_connection.h"

#include <mutex>

namespace lfr {

namespace {

struct NoticeSlot {
    std::mutex mutex;
    BusyWaitNotice notice;
};

NoticeSlot &noticeSlot()
{
    static NoticeSlot slot;
    return slot;
}

} // namespace

void setBusyWaitNotice(BusyWaitNotice notice)
{
    NoticeSlot &slot = noticeSlot();
    const std::lock_guard lock(slot.mutex);
    slot.notice = std::move(notice);
}

BusyWaitNotice busyWaitNotice()
{
    NoticeSlot &slot = noticeSlot();
    const std::lock_guard lock(slot.mutex);
    return slot.notice;
}

bool isServerLocation(std::string_view location)
{
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::unique_ptr<Storage> openStorage(const std::filesystem::path &file, OpenMode mode)
{
    return openSqliteStorageAs(file, mode, operatingSystemLogin());
}

std::unique_ptr<Storage> openStorage(const std::string &location, OpenMode mode)
{
    if (!isServerLocation(location))
        return openStorage(std::filesystem::path(location), mode);
    return openPgStorage(location, mode);
}

std::unique_ptr<Storage> openStorage(const char *location, OpenMode mode)
{
    return openStorage(std::string(location), mode);
}

} // namespace lfr
