#include "pg_connection.h"

#include <libpq-fe.h>

#include <array>
#include <charconv>
#include <cstdlib>
#include <unordered_map>
#include <vector>

namespace lfr::sql {

namespace {

// SQLite's `?` placeholders as PostgreSQL's $1, $2...; quoted text and
// identifiers are left alone.
std::string numbered(std::string_view sql, int &count)
{
    std::string out;
    out.reserve(sql.size() + 16);
    char quote = 0;
    count = 0;
    for (const char c : sql) {
        if (quote != 0) {
            if (c == quote)
                quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$';
            out += std::to_string(++count);
        } else {
            out += c;
        }
    }
    return out;
}

struct ResultDeleter {
    void operator()(PGresult *r) const noexcept { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string trimmed(const char *text)
{
    std::string s = text != nullptr ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

std::string stateOf(const PGresult *r)
{
    const char *state = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    return state != nullptr ? state : "";
}

bool transient(const std::string &state) { return state == "40001" || state == "40P01"; }

// The server's message, with a plainer word for a refused privilege.
std::string serverMessage(PGconn *conn, const PGresult *r)
{
    std::string message = trimmed(r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(conn));
    if (message.rfind("ERROR:  ", 0) == 0)
        message.erase(0, 8);
    if (stateOf(r) == "42501")
        message += " (your database role may not do this)";
    return message;
}

[[noreturn]] void failWith(const std::string &location, PGconn *conn, const PGresult *r, const std::string &what)
{
    const std::string message = location + ": " + what + ": " + serverMessage(conn, r);
    if (transient(stateOf(r)))
        throw TransientError(message);
    throw StorageError(message);
}

class PgConnection;

class PgStatement final : public StatementImpl {
public:
    PgStatement(PGconn *conn, const std::string &location, std::string name, std::string excerpt, int params)
        : conn_(conn), location_(location), name_(std::move(name)), excerpt_(std::move(excerpt)),
          values_(static_cast<std::size_t>(params)), isNull_(static_cast<std::size_t>(params), true)
    {
    }

    void bindInt(int index, std::int64_t value) override { set(index, std::to_string(value)); }
    void bindReal(int index, double value) override
    {
        if (value != value) { // NaN is NULL, as in SQLite
            bindNull(index);
            return;
        }
        std::array<char, 32> text{};
        const auto result = std::to_chars(text.data(), text.data() + text.size(), value);
        set(index, std::string(text.data(), result.ptr));
    }
    void bindText(int index, std::string_view text) override { set(index, std::string(text)); }
    void bindCopy(int index, std::string_view text) override { set(index, std::string(text)); }
    void bindNull(int index) override
    {
        check(index);
        isNull_[static_cast<std::size_t>(index - 1)] = true;
    }

    bool step() override
    {
        if (!result_) {
            execute();
            if (!result_)
                failWith(location_, conn_, failed_.get(), "cannot run \"" + excerpt_ + "\"");
            row_ = -1;
        }
        ++row_;
        return row_ < PQntuples(result_.get());
    }
    RunResult tryRun() override
    {
        execute();
        if (result_) {
            reset();
            return RunResult::Done;
        }
        const std::string state = stateOf(failed_.get());
        lastError_ = serverMessage(conn_, failed_.get());
        if (transient(state))
            throw TransientError(location_ + ": " + lastError_);
        if (state == "23503")
            return RunResult::ForeignKey;
        if (state == "23505")
            return RunResult::Unique;
        if (state == "23514" || state == "23502")
            return RunResult::Check;
        return RunResult::Other;
    }
    const std::string &lastError() const override { return lastError_; }
    void reset() override
    {
        result_.reset();
        row_ = -1;
    }

    ValueType type(int col) const override
    {
        if (PQgetisnull(result_.get(), row_, col) != 0)
            return ValueType::Null;
        switch (PQftype(result_.get(), col)) {
        case 16: // bool
        case 20: // int8
        case 21: // int2
        case 23: // int4
            return ValueType::Integer;
        case 700:  // float4
        case 701:  // float8
        case 1700: // numeric
            return ValueType::Real;
        default:
            return ValueType::Text;
        }
    }
    std::int64_t int64(int col) const override
    {
        const std::string_view t = text(col);
        if (t == "t")
            return 1;
        if (t == "f")
            return 0;
        std::int64_t value = 0;
        std::from_chars(t.data(), t.data() + t.size(), value);
        return value;
    }
    double real(int col) const override
    {
        const std::string value(text(col));
        return std::strtod(value.c_str(), nullptr);
    }
    std::string_view text(int col) const override
    {
        const char *value = PQgetvalue(result_.get(), row_, col);
        return {value, static_cast<std::size_t>(PQgetlength(result_.get(), row_, col))};
    }
    std::string describe() const override { return excerpt_; }
    int columnCount() const override { return result_ ? PQnfields(result_.get()) : 0; }
    std::string columnName(int col) const override
    {
        const char *name = result_ ? PQfname(result_.get(), col) : nullptr;
        return name != nullptr ? name : "";
    }

private:
    void check(int index) const
    {
        if (index < 1 || static_cast<std::size_t>(index) > values_.size())
            throw StorageError(location_ + ": parameter " + std::to_string(index) + " out of range in \"" + excerpt_ +
                               "\"");
    }
    void set(int index, std::string value)
    {
        check(index);
        values_[static_cast<std::size_t>(index - 1)] = std::move(value);
        isNull_[static_cast<std::size_t>(index - 1)] = false;
    }
    void execute()
    {
        std::vector<const char *> pointers(values_.size());
        for (std::size_t i = 0; i < values_.size(); ++i)
            pointers[i] = isNull_[i] ? nullptr : values_[i].c_str();
        Result r(PQexecPrepared(conn_, name_.c_str(), static_cast<int>(pointers.size()), pointers.data(), nullptr,
                                nullptr, 0));
        const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
        if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
            result_ = std::move(r);
            failed_.reset();
        } else {
            result_.reset();
            failed_ = std::move(r);
        }
    }

    PGconn *conn_;
    const std::string &location_;
    std::string name_;
    std::string excerpt_;
    std::vector<std::string> values_;
    std::vector<bool> isNull_;
    Result result_;
    Result failed_;
    int row_ = -1;
    std::string lastError_;
};

void ignoreNotice(void * /*arg*/, const char * /*message*/) {}

class PgConnection final : public Connection {
public:
    explicit PgConnection(const std::string &uri) : location_(redactedLocation(uri))
    {
        checkServerLocation(uri);
        // Defaults first: the connection string's own values override them.
        const std::array<const char *, 4> keys = {"connect_timeout", "application_name", "dbname", nullptr};
        const std::array<const char *, 4> values = {"10", "lfrplan", uri.c_str(), nullptr};
        conn_ = PQconnectdbParams(keys.data(), values.data(), 1);
        if (conn_ == nullptr || PQstatus(conn_) != CONNECTION_OK) {
            const std::string why = trimmed(conn_ != nullptr ? PQerrorMessage(conn_) : "out of memory");
            PQfinish(conn_);
            conn_ = nullptr;
            throw StorageError(location_ + ": cannot connect to the PostgreSQL server: " + why);
        }
        PQsetNoticeProcessor(conn_, ignoreNotice, nullptr);
        exec("SET client_encoding = 'UTF8'; SET lock_timeout = '30s'");
    }
    ~PgConnection() override { PQfinish(conn_); }

    Dialect dialect() const override { return Dialect::Postgres; }
    const std::string &location() const override { return location_; }

    Statement prepare(std::string_view sql) override
    {
        const std::string key(sql);
        auto it = prepared_.find(key);
        if (it == prepared_.end()) {
            int params = 0;
            const std::string text = numbered(sql, params);
            std::string name = "lfrplan_" + std::to_string(prepared_.size() + 1);
            Result r(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr));
            if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK)
                failWith(location_, conn_, r.get(), "cannot prepare \"" + sqlExcerpt(sql) + "\"");
            it = prepared_.emplace(key, Prepared{std::move(name), params}).first;
        }
        return Statement(
            std::make_unique<PgStatement>(conn_, location_, it->second.name, sqlExcerpt(sql), it->second.params),
            location_);
    }

    void exec(std::string_view sql) override
    {
        const std::string text(sql);
        Result r(PQexec(conn_, text.c_str()));
        const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            failWith(location_, conn_, r.get(), "cannot run \"" + sqlExcerpt(sql) + "\"");
    }
    void begin(TxKind kind) override
    {
        exec(kind == TxKind::Read ? "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY" : "BEGIN");
    }
    void commit() override
    {
        Result r(PQexec(conn_, "COMMIT"));
        const ExecStatusType status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_COMMAND_OK)
            failWith(location_, conn_, r.get(), "cannot commit");
        // COMMIT of a transaction that already failed answers ROLLBACK.
        if (std::string_view(PQcmdStatus(r.get())) == "ROLLBACK")
            throw StorageError(location_ + ": the transaction failed and was rolled back");
    }
    void rollback() noexcept override { PQclear(PQexec(conn_, "ROLLBACK")); }
    const char *nowSql() const override
    {
        return "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    }
    const char *forUpdate() const override { return " FOR UPDATE"; }
    void setTriggerAuditing(bool on) override
    {
        const std::string verb = on ? "ENABLE" : "DISABLE";
        exec("ALTER TABLE authorisations " + verb + " TRIGGER authorisations_audit; ALTER TABLE settings " + verb +
             " TRIGGER settings_audit; ALTER TABLE users " + verb + " TRIGGER users_audit; ALTER TABLE scenarios " +
             verb + " TRIGGER scenarios_audit; ALTER TABLE published_records " + verb +
             " TRIGGER published_records_audit");
    }

private:
    struct Prepared {
        std::string name;
        int params = 0;
    };
    std::string location_;
    PGconn *conn_ = nullptr;
    std::unordered_map<std::string, Prepared> prepared_;
};

} // namespace

std::unique_ptr<Connection> postgresConnection(const std::string &uri) { return std::make_unique<PgConnection>(uri); }

} // namespace lfr::sql
