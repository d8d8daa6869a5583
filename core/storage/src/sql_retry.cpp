// Retrying a transaction the server aborted (deadlock, serialization
// failure): the pause between attempts and the process-wide count. Shared
// by both databases (see SqlStorage::Impl::retrying).
#include "lfrplan/storage.h"

#include "sql_connection.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <thread>

namespace lfr {

namespace {
std::atomic<std::uint64_t> retries{0};
} // namespace

std::uint64_t storageRetries() { return retries.load(); }

namespace sql {

void countRetry() { ++retries; }

void pause(int attempt)
{
    thread_local std::minstd_rand random(std::random_device{}());
    const int ms = (1 << std::min(attempt, 6)) + static_cast<int>(random() % 8U);
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

} // namespace sql

} // namespace lfr
