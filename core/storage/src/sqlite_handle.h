// RAII wrappers for the SQLite C API, private to core: a connection, a
// prepared statement and a transaction guard. Every failure becomes a
// StorageError whose message starts with the database file's location.
#pragma once

#include "lfrplan/errors.h"
#include "sqlite_busy.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace lfr::sqlite {

// Throws StorageError "<location>: <what>: <SQLite's message>".
// An empty location leaves the prefix out.
[[noreturn]] inline void fail(sqlite3 *db, std::string_view location, std::string_view what)
{
    std::string message(location);
    if (!message.empty())
        message += ": ";
    message += what;
    message += ": ";
    message += db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    throw StorageError(message);
}

// The start of an SQL text, for messages.
inline std::string sqlExcerpt(std::string_view sql)
{
    constexpr std::size_t kMax = 60;
    const auto start = sql.find_first_not_of(" \n");
    sql = start == std::string_view::npos ? std::string_view() : sql.substr(start);
    std::string text(sql.substr(0, std::min(sql.find('\n'), kMax)));
    return text.size() < sql.size() ? text + "..." : text;
}

// Runs one or more SQL statements that return no rows.
inline void exec(sqlite3 *db, std::string_view location, const char *sql)
{
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        fail(db, location, "cannot run \"" + sqlExcerpt(sql) + "\"");
}

// Owns one connection; closes it on destruction. It may carry the state of
// its busy waits (sqlite_busy.h), and whether it was opened read-only.
class Database {
public:
    Database() = default;
    Database(sqlite3 *db, std::string location) : db_(db), location_(std::move(location)) {}
    ~Database() { sqlite3_close_v2(db_); } // before busy_, which SQLite may call until then
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    Database(Database &&other) noexcept
        : db_(std::exchange(other.db_, nullptr)), location_(std::move(other.location_)), busy_(std::move(other.busy_)),
          readOnly_(other.readOnly_)
    {
    }
    Database &operator=(Database &&other) noexcept
    {
        std::swap(db_, other.db_);
        std::swap(location_, other.location_);
        std::swap(busy_, other.busy_);
        std::swap(readOnly_, other.readOnly_);
        return *this;
    }

    sqlite3 *get() const noexcept { return db_; }
    const std::string &location() const noexcept { return location_; }
    // Runs SQL that returns no rows; a busy database past the wait is a BusyError.
    void exec(const char *sql) const
    {
        try {
            sqlite::exec(db_, location_, sql);
        } catch (const StorageError &) {
            if (busy_ && busy_->gaveUp() && isBusy(sqlite3_errcode(db_)))
                throw busy_->error();
            throw;
        }
    }

    // Waits for a busy database as sqlite_busy.h says, from now on.
    void waitWhenBusy(std::unique_ptr<BusyWait> busy)
    {
        busy_ = std::move(busy);
        busy_->install(db_);
    }
    BusyWait *busyWait() const noexcept { return busy_.get(); }
    void markReadOnly() noexcept { readOnly_ = true; }
    bool readOnly() const noexcept { return readOnly_; }

private:
    sqlite3 *db_ = nullptr;
    std::string location_;
    std::unique_ptr<BusyWait> busy_;
    bool readOnly_ = false;
};

// One prepared statement, reset after each use so it can be reused for bulk
// inserts (the storage code reaches it through sql::Statement, which adds
// the typed getters). Text bound with bindText() is NOT copied: the caller keeps it
// alive until the statement has been stepped.
class Statement {
public:
    Statement(sqlite3 *db, std::string_view location, std::string_view sql) : db_(db), location_(location)
    {
        if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                               nullptr) != SQLITE_OK)
            fail(db, location_, "cannot prepare \"" + sqlExcerpt(sql) + "\"");
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept
        : db_(other.db_), location_(std::move(other.location_)), stmt_(std::exchange(other.stmt_, nullptr))
    {
    }
    Statement &operator=(Statement &&) = delete;

    void bind(int index, std::int64_t value) { check(sqlite3_bind_int64(stmt_, index, value)); }
    void bind(int index, int value) { check(sqlite3_bind_int64(stmt_, index, value)); }
    void bind(int index, std::size_t value) { bind(index, static_cast<std::int64_t>(value)); }
    void bind(int index, double value) { check(sqlite3_bind_double(stmt_, index, value)); }
    void bindNull(int index) { check(sqlite3_bind_null(stmt_, index)); }
    void bindText(int index, std::string_view text)
    {
        check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8));
    }
    void bindCopy(int index, std::string_view text)
    {
        check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }

    // Steps once: true when a row is ready, false when done. Throws on error.
    bool step()
    {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        sqlite3_reset(stmt_);
        fail(db_, location_, "cannot run \"" + sqlExcerpt(sqlite3_sql(stmt_)) + "\"");
    }
    // Steps to completion and resets; returns SQLite's result code
    // (SQLITE_DONE on success, then lastError() says why) so callers can
    // name the failing item.
    int tryRun()
    {
        int rc = sqlite3_step(stmt_);
        while (rc == SQLITE_ROW)
            rc = sqlite3_step(stmt_);
        if (rc != SQLITE_DONE)
            lastError_ = sqlite3_errmsg(db_);
        sqlite3_reset(stmt_);
        return rc;
    }
    const std::string &lastError() const noexcept { return lastError_; }
    void reset() { sqlite3_reset(stmt_); }

    int columnType(int col) const { return sqlite3_column_type(stmt_, col); }
    int columnCount() const { return sqlite3_column_count(stmt_); }
    std::string columnName(int col) const
    {
        const char *name = sqlite3_column_name(stmt_, col);
        return name != nullptr ? name : "";
    }
    std::string excerpt() const { return sqlExcerpt(sqlite3_sql(stmt_)); }
    std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    std::string_view text(int col) const
    {
        const auto *data = sqlite3_column_text(stmt_, col);
        const int size = sqlite3_column_bytes(stmt_, col);
        if (data == nullptr)
            return {};
        return {reinterpret_cast<const char *>(data), static_cast<std::size_t>(size)};
    }

private:
    void check(int rc)
    {
        if (rc != SQLITE_OK)
            fail(db_, location_, "cannot bind a parameter of \"" + sqlExcerpt(sqlite3_sql(stmt_)) + "\"");
    }

    sqlite3 *db_;
    std::string location_;
    sqlite3_stmt *stmt_ = nullptr;
    std::string lastError_;
};

// BEGIN on construction, ROLLBACK on destruction unless commit() ran.
// Writers use Immediate so two processes never deadlock upgrading a read
// lock; busy_timeout makes the second one wait.
class Transaction {
public:
    enum class Kind : std::uint8_t { Deferred, Immediate };
    Transaction(sqlite3 *db, std::string_view location, Kind kind) : db_(db), location_(location)
    {
        exec(db_, location_, kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    }
    ~Transaction()
    {
        if (open_)
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit()
    {
        exec(db_, location_, "COMMIT");
        open_ = false;
    }

private:
    sqlite3 *db_;
    std::string location_;
    bool open_ = true;
};

} // namespace lfr::sqlite
