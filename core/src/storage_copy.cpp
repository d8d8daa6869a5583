#include "lfrplan/storage_copy.h"

#include "lfrplan/errors.h"
#include "lfrplan/storage.h"

#include "sql_read.h"
#include "sql_storage_impl.h"

#include <algorithm>

namespace lfr {

namespace {

// Every table, parents before children.
std::vector<std::string> tablesParentsFirst()
{
    std::vector<std::string> tables = {"scenarios"};
    const auto &children = sql::scenarioTablesChildrenFirst();
    for (auto it = children.rbegin(); it != children.rend(); ++it)
        tables.emplace_back(*it);
    for (const char *table : {"published_records", "settings", "audit_log"})
        tables.emplace_back(table);
    return tables;
}

sql::Connection &connectionOf(Storage &store)
{
    auto *sqlStore = dynamic_cast<SqlStorage *>(&store);
    if (sqlStore == nullptr)
        throw StorageError(store.location() + ": not a database this build can copy");
    return sqlStore->connection();
}

std::int64_t rowCount(sql::Connection &db, const std::string &table)
{
    sql::Statement stmt = db.prepare("SELECT count(*) FROM " + table);
    stmt.step();
    return stmt.int64(0);
}

std::int64_t copyTable(sql::Connection &from, sql::Connection &to, const std::string &table)
{
    sql::Statement select = from.prepare("SELECT * FROM " + table);
    std::optional<sql::Statement> insert;
    std::int64_t rows = 0;
    while (select.step()) {
        const int columns = select.columnCount();
        if (!insert) {
            std::string names, marks;
            for (int c = 0; c < columns; ++c) {
                names += (c ? ", " : "") + select.columnName(c);
                marks += c ? ", ?" : "?";
            }
            insert.emplace(to.prepare("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")"));
        }
        for (int c = 0; c < columns; ++c) {
            switch (select.type(c)) {
            case sql::ValueType::Null:
                insert->bindNull(c + 1);
                break;
            case sql::ValueType::Integer:
                insert->bind(c + 1, select.int64(c));
                break;
            case sql::ValueType::Real:
                insert->bind(c + 1, select.real(c));
                break;
            case sql::ValueType::Text:
                insert->bindCopy(c + 1, select.text(c));
                break;
            }
        }
        if (insert->tryRun() != sql::RunResult::Done)
            throw StorageError(to.location() + ": copying row " + std::to_string(rows + 1) + " of " + table + ": " +
                               insert->lastError());
        ++rows;
    }
    return rows;
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
    same(source.auditTrail(), copy.auditTrail(), "the audit trail");
}

} // namespace

CopyReport copyStore(const std::string &source, const std::string &destination)
{
    const auto from = openStorage(source, OpenMode::ExistingOnly);
    const auto to = openStorage(destination, OpenMode::CreateIfMissing);
    const std::string target = to->location();
    if (from->schemaVersion() != to->schemaVersion())
        throw StorageError(target + ": schema version " + std::to_string(to->schemaVersion()) + ", but " +
                           from->location() + " is at version " + std::to_string(from->schemaVersion()) +
                           "; open both with the same lfrplan first");
    const Permissions rights = to->permissions();
    if (rights.role != "administrator" && rights.role != "file owner")
        throw StorageError(target +
                           ": copying keeps the audit trail's names and times, which only the "
                           "administrator (the owner of the tables) may write; you are connected as " +
                           rights.role);
    sql::Connection &in = connectionOf(*from);
    sql::Connection &out = connectionOf(*to);
    const std::vector<std::string> tables = tablesParentsFirst();
    for (const std::string &table : tables)
        if (const std::int64_t rows = rowCount(out, table); rows != 0)
            throw StorageError(target + ": not empty (" + table + " has " + std::to_string(rows) +
                               " rows); a copy goes into a new file or an empty database");

    CopyReport report;
    sql::Transaction read(in, sql::TxKind::Read);
    sql::Transaction write(out, sql::TxKind::Write);
    for (const std::string &table : tables)
        report.rows.emplace_back(table, copyTable(in, out, table));
    if (out.dialect() == sql::Dialect::Postgres) {
        // The identity columns continue after the copied numbers.
        for (const auto &[table, column] : {std::pair{"scenarios", "id"}, std::pair{"audit_log", "seq"}})
            out.exec(std::string("SELECT setval(pg_get_serial_sequence('") + table + "', '" + column +
                     "'), coalesce(max(" + column + "), 0) + 1, false) FROM " + table);
    }
    write.commit();
    read.commit();

    // Read back through fresh connections, as a user of the copy would.
    const auto reread = openStorage(destination, OpenMode::ExistingOnly);
    verify(*from, *reread);
    for (const auto &[table, rows] : report.rows) {
        if (table == "scenarios")
            report.scenarios = static_cast<int>(rows);
        if (table == "audit_log")
            report.auditEntries = rows;
    }
    return report;
}

} // namespace lfr
