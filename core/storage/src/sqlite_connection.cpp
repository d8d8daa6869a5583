#include "sqlite_connection.h"

#include "sql_storage_impl.h"
#include "sqlite_functions.h"
#include "sqlite_open.h"

#include "lfrplan/audit_chain.h"

namespace lfr::sql {

std::string sqlExcerpt(std::string_view sql) { return sqlite::sqlExcerpt(sql); }

namespace {

class SqliteStatement final : public StatementImpl {
public:
    SqliteStatement(sqlite3 *db, const std::string &location, std::string_view sql) : stmt_(db, location, sql), db_(db)
    {
    }

    void bindInt(int index, std::int64_t value) override { stmt_.bind(index, value); }
    void bindReal(int index, double value) override { stmt_.bind(index, value); }
    void bindText(int index, std::string_view text) override { stmt_.bindText(index, text); }
    void bindCopy(int index, std::string_view text) override { stmt_.bindCopy(index, text); }
    void bindNull(int index) override { stmt_.bindNull(index); }
    bool step() override
    {
        try {
            return stmt_.step();
        } catch (const StorageError &error) {
            if (sqlite3_extended_errcode(db_) == SQLITE_BUSY || sqlite3_errcode(db_) == SQLITE_BUSY)
                throw TransientError(error.what());
            throw;
        }
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
};

class SqliteConnection final : public Connection {
public:
    // Owns `db`, or (db empty) borrows `raw`, which the caller keeps open.
    SqliteConnection(sqlite::Database db, sqlite3 *raw, std::string location)
        : owned_(std::move(db)), db_(raw), location_(std::move(location))
    {
    }

    Dialect dialect() const override { return Dialect::Sqlite; }
    const std::string &location() const override { return location_; }
    Statement prepare(std::string_view sql) override
    {
        return Statement(std::make_unique<SqliteStatement>(db_, location_, sql), location_);
    }
    void exec(std::string_view sql) override
    {
        const std::string text(sql);
        sqlite::exec(db_, location_, text.c_str());
    }
    void begin(TxKind kind) override
    {
        sqlite::exec(db_, location_, kind == TxKind::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    }
    void commit() override { sqlite::exec(db_, location_, "COMMIT"); }
    void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
    const char *nowSql() const override { return "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"; }
    const char *forUpdate() const override { return ""; }
    void setTriggerAuditing(bool on) override { sqlite::setAuditing(db_, location_, on); }

private:
    sqlite::Database owned_;
    sqlite3 *db_;
    std::string location_;
};

} // namespace

std::unique_ptr<Connection> sqliteConnection(sqlite::Database db)
{
    sqlite3 *raw = db.get();
    std::string location = db.location();
    return std::make_unique<SqliteConnection>(std::move(db), raw, std::move(location));
}

std::unique_ptr<Connection> sqliteConnectionOn(sqlite3 *db, std::string location)
{
    return std::make_unique<SqliteConnection>(sqlite::Database(), db, std::move(location));
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
    // are the only access control an embedded database has.
    traits.permissions = [](sql::Connection &) {
        return Permissions{"file owner", true, true, true, true, true, true, true};
    };
    // An SQLite file cannot authenticate anyone: the operating system did,
    // when it let this process open the file.
    traits.actor = login;
    return std::make_unique<SqlStorage>(sql::sqliteConnection(sqlite::openDatabase(file, mode, login)),
                                        std::move(traits));
}

} // namespace lfr
