#include "sqlite_connection.h"

#include "sql_storage_impl.h"
#include "sqlite_functions.h"
#include "sqlite_open.h"

#include "lfrplan/audit_chain.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <thread>

namespace lfr::sqlite {

namespace {

// A wait shorter than this goes unmentioned.
constexpr std::chrono::milliseconds kQuietWait{250};
constexpr std::chrono::milliseconds kDefaultLimit{60'000};

} // namespace

std::chrono::milliseconds busyLimit()
{
    const char *text = std::getenv("LFRPLAN_BUSY_TIMEOUT");
    if (text == nullptr || *text == '\0')
        return kDefaultLimit;
    char *end = nullptr;
    const double seconds = std::strtod(text, &end);
    if (end == text || *end != '\0' || !std::isfinite(seconds) || seconds < 0 || seconds > 86400)
        throw StorageError(std::string("LFRPLAN_BUSY_TIMEOUT=\"") + text +
                           "\": expected how many seconds to wait for a busy database, 0 to 86400 (e.g. 60)");
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(seconds * 1000)));
}

std::string describeWait(std::chrono::milliseconds wait)
{
    const auto ms = wait.count();
    if (ms % 1000 == 0)
        return std::to_string(ms / 1000) + " s";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms) / 1000.0);
    return text;
}

BusyWait::BusyWait(std::string location, std::chrono::milliseconds limit, BusyWaitNotice notice)
    : location_(std::move(location)), limit_(limit), notice_(std::move(notice))
{
}

void BusyWait::install(sqlite3 *db) { sqlite3_busy_handler(db, &BusyWait::handler, this); }

int BusyWait::handler(void *self, int count) { return static_cast<BusyWait *>(self)->wait(count); }

int BusyWait::wait(int count)
{
    using namespace std::chrono;
    const auto now = steady_clock::now();
    if (count == 0) { // a new wait for a lock
        since_ = now;
        gaveUp_ = false;
    }
    const auto waited = duration_cast<milliseconds>(now - since_);
    if (waited >= limit_) {
        gaveUp_ = true;
        return 0; // SQLite reports SQLITE_BUSY
    }
    if (!told_ && waited >= kQuietWait) {
        told_ = true;
        if (notice_) {
            try {
                notice_("waiting for " + location_ + ": another program is writing to it (for up to " +
                        describeWait(limit_) + ")...");
            } catch (...) { // a notice that fails does not stop the wait
            }
        }
    }
    const milliseconds pause = count < 10 ? milliseconds(5 * (count + 1)) : milliseconds(100);
    std::this_thread::sleep_for(std::min(pause, limit_ - waited));
    return 1;
}

BusyError BusyWait::error()
{
    gaveUp_ = false;
    return BusyError(location_ + ": the database is busy: another program has been writing to it for longer than " +
                     describeWait(limit_) +
                     " (the wait allowed; LFRPLAN_BUSY_TIMEOUT sets it in seconds); nothing was written. Try "
                     "again when it has finished");
}

} // namespace lfr::sqlite

namespace lfr::sql {

std::string sqlExcerpt(std::string_view sql) { return sqlite::sqlExcerpt(sql); }

namespace {

// Runs `call` on `db`: a busy database is a BusyError once the wait for it
// ran out, otherwise a BusyRetry (the store runs the whole transaction again).
template <typename Call> auto waiting(sqlite3 *db, sqlite::BusyWait *busy, Call &&call) -> decltype(call())
{
    try {
        return call();
    } catch (const StorageError &error) {
        if (!sqlite::isBusy(sqlite3_errcode(db)))
            throw;
        if (busy != nullptr && busy->gaveUp())
            throw busy->error();
        throw BusyRetry(error.what());
    }
}

class SqliteStatement final : public StatementImpl {
public:
    SqliteStatement(sqlite3 *db, const std::string &location, std::string_view sql, sqlite::BusyWait *busy)
        : stmt_(db, location, sql), db_(db), busy_(busy)
    {
    }

    void bindInt(int index, std::int64_t value) override { stmt_.bind(index, value); }
    void bindReal(int index, double value) override { stmt_.bind(index, value); }
    void bindText(int index, std::string_view text) override { stmt_.bindText(index, text); }
    void bindCopy(int index, std::string_view text) override { stmt_.bindCopy(index, text); }
    void bindNull(int index) override { stmt_.bindNull(index); }
    bool step() override
    {
        return waiting(db_, busy_, [this] { return stmt_.step(); });
    }
    RunResult tryRun() override
    {
        const int rc = stmt_.tryRun();
        switch (rc) {
        case SQLITE_DONE:
            return RunResult::Done;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return RunResult::ForeignKey;
        case SQLITE_CONSTRAINT_PRIMARYKEY:
        case SQLITE_CONSTRAINT_UNIQUE:
            return RunResult::Unique;
        case SQLITE_CONSTRAINT_CHECK:
        case SQLITE_CONSTRAINT_NOTNULL:
            return RunResult::Check;
        default:
            return RunResult::Other;
        }
    }
    const std::string &lastError() const override { return stmt_.lastError(); }
    void reset() override { stmt_.reset(); }
    ValueType type(int col) const override
    {
        switch (stmt_.columnType(col)) {
        case SQLITE_NULL:
            return ValueType::Null;
        case SQLITE_INTEGER:
            return ValueType::Integer;
        case SQLITE_FLOAT:
            return ValueType::Real;
        default:
            return ValueType::Text;
        }
    }
    std::int64_t int64(int col) const override { return stmt_.int64(col); }
    double real(int col) const override { return stmt_.real(col); }
    std::string_view text(int col) const override { return stmt_.text(col); }
    std::string describe() const override { return stmt_.excerpt(); }
    int columnCount() const override { return stmt_.columnCount(); }
    std::string columnName(int col) const override { return stmt_.columnName(col); }

private:
    sqlite::Statement stmt_;
    sqlite3 *db_;
    sqlite::BusyWait *busy_;
};

class SqliteConnection final : public Connection {
public:
    // Owns `db`, or (db empty) borrows `raw`, which the caller keeps open.
    SqliteConnection(sqlite::Database db, sqlite3 *raw, std::string location, sqlite::BusyWait *busy, bool readOnly)
        : owned_(std::move(db)), db_(raw), location_(std::move(location)), busy_(busy), readOnly_(readOnly)
    {
    }

    Dialect dialect() const override { return Dialect::Sqlite; }
    const std::string &location() const override { return location_; }
    Statement prepare(std::string_view sql) override
    {
        return Statement(std::make_unique<SqliteStatement>(db_, location_, sql, busy_), location_);
    }
    void exec(std::string_view sql) override
    {
        const std::string text(sql);
        waiting(db_, busy_, [&] { sqlite::exec(db_, location_, text.c_str()); });
    }
    void begin(TxKind kind) override
    {
        if (kind == TxKind::Write && readOnly_)
            throw StorageError(location_ + ": opened read-only: nothing can be changed through this connection");
        waiting(db_, busy_,
                [&] { sqlite::exec(db_, location_, kind == TxKind::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"); });
    }
    void commit() override
    {
        waiting(db_, busy_, [&] { sqlite::exec(db_, location_, "COMMIT"); });
    }
    void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
    const char *nowSql() const override { return "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"; }
    const char *forUpdate() const override { return ""; }
    void setTriggerAuditing(bool on) override { sqlite::setAuditing(db_, location_, on); }

private:
    sqlite::Database owned_;
    sqlite3 *db_;
    std::string location_;
    sqlite::BusyWait *busy_;
    bool readOnly_;
};

} // namespace

std::unique_ptr<Connection> sqliteConnection(sqlite::Database db)
{
    sqlite3 *raw = db.get();
    std::string location = db.location();
    sqlite::BusyWait *busy = db.busyWait();
    const bool readOnly = db.readOnly();
    return std::make_unique<SqliteConnection>(std::move(db), raw, std::move(location), busy, readOnly);
}

std::unique_ptr<Connection> sqliteConnectionOn(sqlite3 *db, std::string location, sqlite::BusyWait *busy)
{
    return std::make_unique<SqliteConnection>(sqlite::Database(), db, std::move(location), busy, false);
}

} // namespace lfr::sql

namespace lfr {

std::unique_ptr<Storage> openSqliteStorageAs(const std::filesystem::path &file, OpenMode mode, const std::string &login)
{
    StoreTraits traits;
    traits.schemaVersion = [](sql::Connection &db) {
        sql::Statement stmt = db.prepare("PRAGMA user_version");
        stmt.step();
        return stmt.integer(0);
    };
    // Whoever can write the file can do everything; the file's permissions
    // are the only access control an embedded database has. Opened
    // read-only, it is read and nothing more.
    if (mode == OpenMode::ReadOnly)
        traits.permissions = [](sql::Connection &) {
            return Permissions{"reader (opened read-only)", false, false, false, false, false, true, false};
        };
    else
        traits.permissions = [](sql::Connection &) {
            return Permissions{"file owner", true, true, true, true, true, true, true};
        };
    traits.readOnly = mode == OpenMode::ReadOnly;
    // An SQLite file cannot authenticate anyone: the operating system did,
    // when it let this process open the file.
    traits.actor = login;
    return std::make_unique<SqlStorage>(sql::sqliteConnection(sqlite::openDatabase(file, mode, login)),
                                        std::move(traits));
}

} // namespace lfr
