// The database connection the storage code is written against, private to
// core: one interface over SQLite (sqlite_connection.cpp) and PostgreSQL
// (pg_connection.cpp), so that every query, check and audit entry of the
// store is the same code on both. SQL uses `?` placeholders; the
// PostgreSQL side numbers them. Every failure is a StorageError whose
// message starts with the store's location; a failure the server says can
// succeed when retried (a deadlock, a serialization failure) is a
// TransientError, which the store retries (sql_storage.cpp).
#pragma once

#include "lfrplan/errors.h"

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace lfr::sql {

enum class Dialect : std::uint8_t { Sqlite, Postgres };

// What a statement run with tryRun() came to: Done, or the kind of
// constraint it broke (so callers can name the item), or another error.
enum class RunResult : std::uint8_t { Done, ForeignKey, Unique, Check, Other };

// The type of a column's value in the current row.
enum class ValueType : std::uint8_t { Null, Integer, Real, Text };

class TransientError : public StorageError {
public:
    using StorageError::StorageError;
};

// SQLite said the database is busy before the wait for it ran out (a lock
// it does not wait for): the store runs the whole transaction again, and
// reports a BusyError if that keeps happening.
class BusyRetry : public TransientError {
public:
    using TransientError::TransientError;
};

// One prepared statement, kept prepared so it can be reused for bulk work:
// bind, step (or run), bind again. Text bound with bindText() may be read
// only when the statement runs: the caller keeps it alive until then.
class StatementImpl {
public:
    virtual ~StatementImpl() = default;
    virtual void bindInt(int index, std::int64_t value) = 0;
    virtual void bindReal(int index, double value) = 0;
    virtual void bindText(int index, std::string_view text) = 0;
    virtual void bindCopy(int index, std::string_view text) = 0;
    virtual void bindNull(int index) = 0;
    // Steps once: true when a row is ready, false when done. Throws on error.
    virtual bool step() = 0;
    // Runs to completion and resets; on failure lastError() says why.
    virtual RunResult tryRun() = 0;
    virtual const std::string &lastError() const = 0;
    virtual void reset() = 0;
    virtual ValueType type(int col) const = 0;
    virtual std::int64_t int64(int col) const = 0;
    virtual double real(int col) const = 0;
    virtual std::string_view text(int col) const = 0;
    virtual std::string describe() const = 0; // the statement's start, for messages
    // The result's columns (valid once step() has run).
    virtual int columnCount() const = 0;
    virtual std::string columnName(int col) const = 0;
};

class Statement {
public:
    explicit Statement(std::unique_ptr<StatementImpl> impl, std::string location)
        : impl_(std::move(impl)), location_(std::move(location))
    {
    }

    void bind(int index, std::int64_t value) { impl_->bindInt(index, value); }
    void bind(int index, int value) { impl_->bindInt(index, value); }
    void bind(int index, std::size_t value) { impl_->bindInt(index, static_cast<std::int64_t>(value)); }
    void bind(int index, double value) { impl_->bindReal(index, value); }
    void bindNull(int index) { impl_->bindNull(index); }
    void bindText(int index, std::string_view text) { impl_->bindText(index, text); }
    void bindCopy(int index, std::string_view text) { impl_->bindCopy(index, text); }
    template <typename T> void bindOptional(int index, const std::optional<T> &value)
    {
        if (!value)
            bindNull(index);
        else if constexpr (std::is_same_v<T, std::string>)
            bindText(index, *value);
        else
            bind(index, *value);
    }

    bool step() { return impl_->step(); }
    RunResult tryRun() { return impl_->tryRun(); }
    const std::string &lastError() const { return impl_->lastError(); }
    void run()
    {
        while (step()) {
        }
        reset();
    }
    void reset() { impl_->reset(); }

    ValueType type(int col) const { return impl_->type(col); }
    bool isNull(int col) const { return impl_->type(col) == ValueType::Null; }
    std::int64_t int64(int col) const { return impl_->int64(col); }
    int integer(int col) const
    {
        const std::int64_t value = int64(col);
        if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
            throw StorageError(location_ + ": damaged database: integer out of range in \"" + impl_->describe() + "\"");
        return static_cast<int>(value);
    }
    double real(int col) const { return impl_->real(col); }
    int columnCount() const { return impl_->columnCount(); }
    std::string columnName(int col) const { return impl_->columnName(col); }
    std::string_view text(int col) const { return impl_->text(col); }
    std::string string(int col) const { return std::string(text(col)); }
    std::optional<int> optionalInt(int col) const { return isNull(col) ? std::nullopt : std::optional(integer(col)); }
    std::optional<double> optionalReal(int col) const { return isNull(col) ? std::nullopt : std::optional(real(col)); }
    std::optional<std::string> optionalString(int col) const
    {
        return isNull(col) ? std::nullopt : std::optional(string(col));
    }

private:
    std::unique_ptr<StatementImpl> impl_;
    std::string location_;
};

enum class TxKind : std::uint8_t {
    Read,  // a consistent snapshot (SQLite: deferred; PostgreSQL: repeatable read, read only)
    Write, // SQLite: immediate (one writer at a time); PostgreSQL: read committed, rows locked as needed
};

class Connection {
public:
    virtual ~Connection() = default;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    virtual Dialect dialect() const = 0;
    // Where the store lives, for messages (a PostgreSQL password is left out).
    virtual const std::string &location() const = 0;
    virtual Statement prepare(std::string_view sql) = 0;
    // Runs one or more statements that take no parameters and return no rows.
    virtual void exec(std::string_view sql) = 0;
    virtual void begin(TxKind kind) = 0;
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    // An SQL expression for the current UTC time as "2026-11-26T13:36:05Z".
    virtual const char *nowSql() const = 0;
    // Appended to a SELECT that reads a row about to be changed: the row is
    // locked until the transaction ends (PostgreSQL); SQLite's writer holds
    // the whole database already.
    virtual const char *forUpdate() const = 0;
    // Whether the triggers that write audit entries for authorisation
    // records, settings and user mappings run (on by default). Only
    // lfrplan copy turns them off, inside its transaction: the entries it
    // copies are the trail. On PostgreSQL this needs the tables' owner.
    virtual void setTriggerAuditing(bool on) = 0;

protected:
    Connection() = default;
};

// BEGIN on construction, ROLLBACK on destruction unless commit() ran.
class Transaction {
public:
    Transaction(Connection &db, TxKind kind) : db_(db) { db_.begin(kind); }
    ~Transaction()
    {
        if (open_)
            db_.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit()
    {
        db_.commit();
        open_ = false;
    }

private:
    Connection &db_;
    bool open_ = true;
};

// The start of an SQL text, for messages.
std::string sqlExcerpt(std::string_view sql);

// Waits a little before retry number `attempt` (growing, with jitter).
void pause(int attempt);
// Counts one transaction run again (see storageRetries()).
void countRetry();

} // namespace lfr::sql
