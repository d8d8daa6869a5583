// The one schema ladder and the one migrate() (schema.h). Each step runs
// the tables written once for both databases, then what only its
// database needs; the dialects' words and bookkeeping are in
// schema_dialects.cpp.
#include "schema.h"

#include "schema_dialects.h"
#include "schema_postgres.h"
#include "schema_postgres_v6.h"
#include "schema_postgres_v7.h"
#include "schema_sqlite.h"
#include "schema_tables.h"

#include <array>
#include <stdexcept>

namespace lfr::schema {

namespace {

using sql::Dialect;

// Version 6's generated SQLite triggers. A change to a scenario's data,
// plan or notes, or to the published records, made by another program
// than lfrplan (which audits each) fails: the trigger calls
// lfrplan_actor(), which only lfrplan's connections define. (On
// PostgreSQL the server stamps such a change with its login instead.)
void refuseOtherPrograms(sql::Connection &db)
{
    static constexpr std::array kTables = {"scenarios",
                                           "scenario_dates",
                                           "windows",
                                           "shifts",
                                           "roles",
                                           "default_crew",
                                           "teams",
                                           "officers",
                                           "officer_skills",
                                           "roster_entries",
                                           "hotspots",
                                           "hotspot_windows",
                                           "hotspot_weekday_factors",
                                           "hotspot_dates",
                                           "hotspot_crew",
                                           "vans",
                                           "van_unavailable_dates",
                                           "pins",
                                           "pin_crew",
                                           "plans",
                                           "plan_deployments",
                                           "plan_crew",
                                           "scenario_notes",
                                           "published_records"};
    std::string ddl;
    for (const char *table : kTables)
        for (const char *op : {"INSERT", "UPDATE", "DELETE"})
            ddl += std::string("CREATE TRIGGER ") + table + "_through_lfrplan_" + op + " BEFORE " + op + " ON " +
                   table + " WHEN lfrplan_actor() IS NULL BEGIN SELECT RAISE(ABORT, 'a change to " + table +
                   " goes through lfrplan, which audits it'); END;\n";
    // One truth: an authorisation record's columns are its JSON's.
    for (const char *op : {"insert", "update"})
        ddl += std::string("CREATE TRIGGER authorisations_one_truth_") + op + " BEFORE " + op +
               " ON authorisations WHEN json_extract(NEW.record, '$.status') IS NOT NEW.status "
               "OR json_extract(NEW.record, '$.hotspot') IS NOT NEW.hotspot "
               "OR json_extract(NEW.record, '$.date') IS NOT NEW.date "
               "OR json_extract(NEW.record, '$.window') IS NOT NEW.window_id BEGIN SELECT RAISE(ABORT, "
               "'authorisations: the status, hotspot, date and window columns must be those of the record'); END;\n";
    ddl += "CREATE TRIGGER scenarios_revision_up_by_one BEFORE UPDATE OF revision ON scenarios "
           "WHEN NEW.revision IS NOT OLD.revision AND NEW.revision IS NOT OLD.revision + 1 "
           "BEGIN SELECT RAISE(ABORT, 'scenarios: a revision only goes up by one'); END;\n";
    db.exec(ddl);
}

// Version 6's chain over the SQLite entries written before it, oldest
// first (the update trigger accepts exactly this one filling-in of each
// hash). PostgreSQL's step chains them in its own DDL.
void chainExistingEntries(sql::Connection &db)
{
    std::vector<std::int64_t> numbers;
    {
        sql::Statement all = db.prepare("SELECT seq FROM audit_log WHERE hash IS NULL ORDER BY seq");
        while (all.step())
            numbers.push_back(all.int64(0));
    }
    sql::Statement fill =
        db.prepare("UPDATE audit_log SET hash = lfrplan_entry_hash((SELECT a.hash FROM audit_log a "
                   "WHERE a.seq < audit_log.seq ORDER BY a.seq DESC LIMIT 1), seq, at, actor, action, subject, "
                   "old_value, new_value) WHERE seq = ?");
    for (const std::int64_t seq : numbers) {
        fill.bind(1, seq);
        fill.run();
    }
}

// A step of shared tables followed by what each database alone needs
// (either may be empty).
std::function<void(sql::Connection &)> step(const char *shared, const char *sqliteOnly, const char *postgresOnly)
{
    return [=](sql::Connection &db) {
        if (shared != nullptr)
            execShared(db, shared);
        const char *own = db.dialect() == Dialect::Sqlite ? sqliteOnly : postgresOnly;
        if (own != nullptr)
            db.exec(own);
    };
}

void requireContiguous(const std::vector<Step> &steps)
{
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].version != static_cast<int>(i) + 1 || steps[i].minCompatibleVersion < 1 ||
            steps[i].minCompatibleVersion > steps[i].version || !steps[i].apply)
            throw std::logic_error(
                "migration steps must be numbered 1, 2, ... with a compatible version in 1..version");
}

} // namespace

const std::vector<Step> &ladder()
{
    static const std::vector<Step> steps = {
        {1, 1, "create the schema", step(kTablesV1, nullptr, nullptr)},
        {2, 2, "add authorisations, published records, settings and the append-only audit trail",
         step(kTablesV2, kSqliteV2, kPostgresV2)},
        {3, 2, "add each scenario's notes", step(kTablesV3, nullptr, nullptr)},
        {4, 4, "add each scenario's revision (on PostgreSQL: the roles and their row-level security)",
         step(kColumnsV4, nullptr, kPostgresV4)},
        {5, 4,
         "number audit entries from 1 (on PostgreSQL: harden the server functions: schema-qualified names, a fixed "
         "search path, one audit number an entry)",
         step(nullptr, kSqliteV5, kPostgresV5)},
        {6, 6,
         "add the user mappings, one truth per authorisation record, checks of who may authorise and the "
         "chained audit trail the database writes",
         [](sql::Connection &db) {
             step(kTablesV6, kSqliteV6, kPostgresV6)(db);
             if (db.dialect() == Dialect::Sqlite) {
                 refuseOtherPrograms(db);
                 chainExistingEntries(db);
             }
         }},
        {7, 6, "add the published versions of each scenario's plan, never changed, audited",
         step(kTablesV7, kSqliteV7, kPostgresV7)},
    };
    return steps;
}

int latestVersion() { return ladder().back().version; }

void execShared(sql::Connection &db, std::string_view ddl) { db.exec(renderDdl(ddl, db.dialect())); }

bool upToDate(const Standing &standing, int latest, const std::string &location)
{
    if (standing.empty || standing.version < latest)
        return false;
    if (standing.version > latest && (standing.minCompatibleVersion < 1 || standing.minCompatibleVersion > latest))
        throw StorageError(location + ": written by a newer lfrplan (schema version " +
                           std::to_string(standing.version) + "; this build reads versions up to " +
                           std::to_string(latest) + "); nothing was changed");
    return true;
}

int migrate(sql::Connection &db, const std::vector<Step> &steps, OpenMode mode)
{
    requireContiguous(steps);
    const std::string &where = db.location();
    const int latest = steps.empty() ? 0 : steps.back().version;
    const std::unique_ptr<Catalog> catalog = catalogFor(db);
    // The usual case, a current database, takes no write lock: opening
    // never waits for another process's long import.
    if (const Standing standing = catalog->inspect(); upToDate(standing, latest, where))
        return standing.version;
    else if (standing.empty && mode != OpenMode::CreateIfMissing)
        throw StorageError(where + ": an empty database, not an lfrplan database; nothing was changed");
    else if (mode == OpenMode::ReadOnly)
        throw StorageError(where + ": schema version " + std::to_string(standing.version) +
                           ", older than this build's " + std::to_string(latest) +
                           ": it must be upgraded before it can be read here, by someone who can write to it "
                           "(lfrplan init " +
                           where + " upgrades it)" + catalog->whoMayUpgrade(standing.version) +
                           "; opened read-only, nothing was changed");

    const Catalog::Upgrade upgrade = catalog->beginUpgrade();
    sql::Transaction tx(db, sql::TxKind::Write);
    catalog->lockForUpgrade();
    // Another opener may have upgraded it meanwhile.
    const Standing standing = catalog->inspect();
    if (upToDate(standing, latest, where)) {
        tx.commit();
        return standing.version;
    }
    const int from = standing.version;
    const Step *current = nullptr;
    try {
        for (const Step &s : steps) {
            if (s.version <= from)
                continue;
            current = &s;
            s.apply(db);
        }
        current = nullptr;
        catalog->record(latest, steps.back().minCompatibleVersion);
        catalog->checkUpgraded();
        tx.commit();
    } catch (const std::exception &error) {
        std::string message = where + ": upgrading the schema from version " + std::to_string(from) + " to " +
                              std::to_string(latest) + " failed";
        if (current != nullptr)
            message += " at step " + std::to_string(current->version) + " (" + current->description + ")";
        throw StorageError(message + ": " + error.what() + "; rolled back, the database is still at version " +
                           std::to_string(from) + catalog->whoMayUpgrade(from));
    }
    return latest;
}

} // namespace lfr::schema
