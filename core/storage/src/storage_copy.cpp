#include "lfrplan/storage_copy.h"

#include "lfrplan/errors.h"
#include "lfrplan/storage.h"

#include "sql_read.h"
#include "sql_storage_impl.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>

namespace lfr {

namespace {

// Every table of the current schema with its columns, parents before
// children. The names come from here, never from the source database (a
// crafted file's column names were run as SQL: issue 15, finding 9); a
// test checks the list against the schema. audit_log's hash is left out:
// the destination computes its own chain, which must come out equal.
struct Table {
    std::string_view name;
    std::vector<std::string_view> columns;
};

const std::vector<Table> &tablesParentsFirst()
{
    // clang-format off
    static const std::vector<Table> tables = {
        {"scenarios", {"id", "name", "max_deployments", "max_days", "max_per_date", "max_duties_per_officer",
                       "travel_weight", "created_at", "updated_at", "revision"}},
        {"scenario_dates", {"scenario_id", "ord", "date"}},
        {"windows", {"scenario_id", "id", "ord", "start_time", "end_time"}},
        {"shifts", {"scenario_id", "id", "ord", "start_time", "end_time"}},
        {"roles", {"scenario_id", "id", "ord", "min_rank", "skill"}},
        {"default_crew", {"scenario_id", "role_id", "count"}},
        {"teams", {"scenario_id", "id", "ord", "name", "base_lat", "base_lon", "min_on_duty", "max_abstracted"}},
        {"officers", {"scenario_id", "id", "ord", "name", "rank", "team_id", "max_duties"}},
        {"officer_skills", {"scenario_id", "officer_id", "ord", "skill"}},
        {"roster_entries", {"scenario_id", "officer_id", "date", "shift_id"}},
        {"hotspots", {"scenario_id", "id", "ord", "name", "borough", "lat", "lon", "value", "max_per_horizon",
                      "min_gap_days", "repeat_decay", "has_dates", "has_crew"}},
        {"hotspot_windows", {"scenario_id", "hotspot_id", "window_id", "multiplier"}},
        {"hotspot_weekday_factors", {"scenario_id", "hotspot_id", "weekday", "factor"}},
        {"hotspot_dates", {"scenario_id", "hotspot_id", "ord", "date"}},
        {"hotspot_crew", {"scenario_id", "hotspot_id", "role_id", "count"}},
        {"vans", {"scenario_id", "id", "ord", "name", "max_per_date"}},
        {"van_unavailable_dates", {"scenario_id", "van_id", "ord", "date"}},
        {"pins", {"scenario_id", "ord", "hotspot_id", "date", "window_id", "van_id"}},
        {"pin_crew", {"scenario_id", "pin_ord", "ord", "officer_id", "role_id"}},
        {"plans", {"scenario_id", "status", "objective", "value", "travel_penalty", "bound", "reason", "saved_at"}},
        {"plan_deployments", {"scenario_id", "ord", "date", "window_id", "hotspot_id", "van_id"}},
        {"plan_crew", {"scenario_id", "deployment_ord", "ord", "officer_id", "role_id"}},
        {"scenario_notes", {"scenario_id", "notes"}},
        {"authorisations", {"scenario_id", "hotspot", "date", "window_id", "status", "record", "updated_at",
                            "updated_by", "revision"}},
        {"published_records", {"source", "line", "date", "record"}},
        {"published_plans", {"scenario_id", "version", "published_at", "published_by", "plan"}},
        {"settings", {"key", "value"}},
        {"users", {"login", "officer"}},
        {"audit_log", {"seq", "at", "actor", "action", "subject", "old_value", "new_value"}},
    };
    // clang-format on
    return tables;
}

std::string quoted(std::string_view identifier)
{
    std::string out = "\"";
    for (const char c : identifier) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

std::string columnList(const Table &table, bool withHash = false)
{
    std::string out;
    for (const std::string_view c : table.columns)
        out += (out.empty() ? "" : ", ") + quoted(c);
    if (withHash)
        out += ", " + quoted("hash");
    return out;
}

sql::Connection &connectionOf(Storage &store)
{
    auto *sqlStore = dynamic_cast<SqlStorage *>(&store);
    if (sqlStore == nullptr)
        throw StorageError(store.location() + ": not a database this build can copy");
    return sqlStore->connection();
}

std::int64_t rowCount(sql::Connection &db, const Table &table)
{
    sql::Statement stmt = db.prepare("SELECT count(*) FROM " + quoted(table.name));
    stmt.step();
    return stmt.int64(0);
}

std::int64_t copyTable(sql::Connection &from, sql::Connection &to, const Table &table)
{
    const std::string columns = columnList(table);
    sql::Statement select = from.prepare("SELECT " + columns + " FROM " + quoted(table.name) +
                                         (table.name == "audit_log" ? " ORDER BY seq" : ""));
    std::string marks;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        marks += c ? ", ?" : "?";
    sql::Statement insert =
        to.prepare("INSERT INTO " + quoted(table.name) + " (" + columns + ") VALUES (" + marks + ")");
    std::int64_t rows = 0;
    const int count = static_cast<int>(table.columns.size());
    while (select.step()) {
        for (int c = 0; c < count; ++c) {
            switch (select.type(c)) {
            case sql::ValueType::Null:
                insert.bindNull(c + 1);
                break;
            case sql::ValueType::Integer:
                insert.bind(c + 1, select.int64(c));
                break;
            case sql::ValueType::Real:
                insert.bind(c + 1, select.real(c));
                break;
            case sql::ValueType::Text:
                insert.bindCopy(c + 1, select.text(c));
                break;
            }
        }
        if (insert.tryRun() != sql::RunResult::Done)
            throw StorageError(to.location() + ": copying row " + std::to_string(rows + 1) + " of " +
                               std::string(table.name) + ": " + insert.lastError());
        ++rows;
    }
    return rows;
}

// Every row of a table as text, sorted: the same on both databases when
// the copy is exact (integers in decimal, reals to 17 digits).
std::vector<std::string> tableRows(sql::Connection &db, const Table &table, bool withHash)
{
    const int count = static_cast<int>(table.columns.size()) + (withHash ? 1 : 0);
    sql::Statement select = db.prepare("SELECT " + columnList(table, withHash) + " FROM " + quoted(table.name));
    std::vector<std::string> rows;
    while (select.step()) {
        std::string row;
        for (int c = 0; c < count; ++c) {
            switch (select.type(c)) {
            case sql::ValueType::Null:
                row += "N";
                break;
            case sql::ValueType::Integer:
                row += "I" + std::to_string(select.int64(c));
                break;
            case sql::ValueType::Real: {
                std::array<char, 40> text{};
                std::snprintf(text.data(), text.size(), "%.17g", select.real(c));
                row += std::string("R") + text.data();
                break;
            }
            case sql::ValueType::Text:
                row += "T" + std::to_string(select.text(c).size()) + ":" + std::string(select.text(c));
                break;
            }
            row += '|';
        }
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::int64_t chainStart(sql::Connection &db)
{
    sql::Statement stmt = db.prepare(db.dialect() == sql::Dialect::Postgres ? "SELECT chain_start FROM audit_head"
                                                                            : "SELECT chain_start FROM audit_chain");
    return stmt.step() ? stmt.int64(0) : 1;
}

template <typename T> void same(const T &a, const T &b, const std::string &what)
{
    if (!(a == b))
        throw StorageError("the copy differs from the source in " + what + "; the copy is not to be trusted");
}

void verify(Storage &source, Storage &copy)
{
    const auto scenarios = source.listScenarios();
    same(scenarios, copy.listScenarios(), "the list of scenarios");
    for (const ScenarioSummary &s : scenarios) {
        const std::string label = "scenario \"" + s.name + "\"";
        same(source.peekScenario(s.name), copy.peekScenario(s.name), label + "'s data");
        same(source.loadPlan(s.name), copy.loadPlan(s.name), label + "'s plan");
        same(source.loadNotes(s.name), copy.loadNotes(s.name), label + "'s notes");
        same(source.revision(s.name), copy.revision(s.name), label + "'s revision");
        same(source.loadAuthorisations(s.name), copy.loadAuthorisations(s.name), label + "'s authorisation records");
    }
    same(source.loadRecords(), copy.loadRecords(), "the published records");
    same(source.safeguardSettings(), copy.safeguardSettings(), "the safeguard settings");
    same(source.users(), copy.users(), "the user mappings");
    same(source.auditTrail(), copy.auditTrail(), "the audit trail");
}

void removeFileStore(const std::filesystem::path &file)
{
    std::error_code ignored;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(file.string() + suffix, ignored);
}

CopyReport copyInto(Storage &from, Storage &to)
{
    const std::string target = to.location();
    if (from.schemaVersion() != to.schemaVersion())
        throw StorageError(target + ": schema version " + std::to_string(to.schemaVersion()) + ", but " +
                           from.location() + " is at version " + std::to_string(from.schemaVersion()) +
                           "; open both with the same lfrplan first");
    const Permissions rights = to.permissions();
    if (rights.role != "administrator" && rights.role != "file owner")
        throw StorageError(target +
                           ": copying keeps the audit trail's names and times, which only the "
                           "administrator (the owner of the tables) may write; you are connected as " +
                           rights.role);
    // A copy recomputes the chain: copying a broken one would launder it.
    if (const ChainCheck chain = from.verifyAuditTrail(); !chain.ok())
        throw StorageError(from.location() + ": its audit trail does not verify (" + chain.problems.front() +
                           "); a copy would hide that, so nothing was copied");
    sql::Connection &in = connectionOf(from);
    sql::Connection &out = connectionOf(to);
    for (const Table &table : tablesParentsFirst())
        if (const std::int64_t rows = rowCount(out, table); rows != 0)
            throw StorageError(target + ": not empty (" + std::string(table.name) + " has " + std::to_string(rows) +
                               " rows); a copy goes into a new file or an empty database");

    CopyReport report;
    sql::Transaction read(in, sql::TxKind::Read);
    sql::Transaction write(out, sql::TxKind::Write);
    out.setTriggerAuditing(false);
    for (const Table &table : tablesParentsFirst())
        report.rows.emplace_back(std::string(table.name), copyTable(in, out, table));
    {
        sql::Statement start =
            out.prepare(out.dialect() == sql::Dialect::Postgres ? "UPDATE audit_head SET chain_start = ?"
                                                                : "UPDATE audit_chain SET chain_start = ?");
        start.bind(1, chainStart(in));
        start.run();
    }
    if (out.dialect() == sql::Dialect::Postgres)
        out.exec("SELECT setval(pg_get_serial_sequence('scenarios', 'id'), coalesce(max(id), 0) + 1, false) "
                 "FROM scenarios");
    out.setTriggerAuditing(true);
    // Row for row, the chain's hashes included, before anything is kept.
    for (const Table &table : tablesParentsFirst()) {
        const bool chained = table.name == "audit_log";
        if (tableRows(in, table, chained) != tableRows(out, table, chained))
            throw StorageError(target + ": the copied " + std::string(table.name) +
                               " differs from the source's; nothing was copied");
    }
    write.commit();
    read.commit();
    return report;
}

} // namespace

CopyReport copyStore(const std::string &source, const std::string &destination)
{
    const auto from = openStorage(source, OpenMode::ReadOnly); // only read: an archived copy will do
    const bool newFile = !isServerLocation(destination) && !std::filesystem::exists(destination);
    CopyReport report;
    try {
        const auto to = openStorage(destination, OpenMode::CreateIfMissing);
        report = copyInto(*from, *to);
    } catch (...) {
        if (newFile)
            removeFileStore(destination); // nothing is left of a failed copy
        throw;
    }
    // Read back through fresh connections, as a user of the copy would.
    const auto reread = openStorage(destination, OpenMode::ExistingOnly);
    verify(*from, *reread);
    if (!reread->verifyAuditTrail().ok())
        throw StorageError(destination + ": the copy's audit trail does not verify; the copy is not to be trusted");
    for (const auto &[table, rows] : report.rows) {
        if (table == "scenarios")
            report.scenarios = static_cast<int>(rows);
        if (table == "audit_log")
            report.auditEntries = rows;
    }
    return report;
}

const std::vector<std::string> &copiedTables()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const Table &t : tablesParentsFirst()) {
            std::string row(t.name);
            for (const std::string_view c : t.columns)
                row += " " + std::string(c);
            out.push_back(row);
        }
        return out;
    }();
    return names;
}

} // namespace lfr
