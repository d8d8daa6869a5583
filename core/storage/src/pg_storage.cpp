// Opening a PostgreSQL store: the schema's versioned migrations (the same
// steps as SQLite's, in pg_schema_ddl.h), the roles, and what the connected
// user may do. See docs/storage.md, "PostgreSQL".
#include "pg_storage.h"

#include "pg_connection.h"
#include "pg_schema_ddl.h"
#include "pg_schema_v6.h"
#include "sql_storage_impl.h"

#include <functional>
#include <vector>

namespace lfr {

namespace {

using sql::Statement;

struct PgStep {
    int version;
    int minCompatibleVersion;
    const char *description;
    const char *ddl;
};

// Kept in step with sqlite::migrationSteps(): the same versions, the same
// minimum compatible versions.
const std::vector<PgStep> &pgSteps()
{
    static const std::vector<PgStep> steps = {
        {1, 1, "create the schema", pg::kSchemaV1},
        {2, 2, "add authorisations, published records, settings and the append-only audit trail", pg::kSchemaV2},
        {3, 2, "add each scenario's notes", pg::kSchemaV3},
        {4, 4, "add each scenario's revision, the roles and their row-level security", pg::kSchemaV4},
        {5, 4, "harden the server functions: schema-qualified names, a fixed search path; one audit number an entry",
         pg::kSchemaV5},
        {6, 6,
         "add the user mappings, one truth per authorisation record, checks of who may authorise and the "
         "chained audit trail the database writes",
         pg::kSchemaV6},
    };
    return steps;
}

std::int64_t queryInt(sql::Connection &db, const std::string &query)
{
    Statement stmt = db.prepare(query);
    return stmt.step() && !stmt.isNull(0) ? stmt.int64(0) : 0;
}

struct Found {
    bool hasSchemaInfo = false;
    int version = 0;
    int minCompatible = 0;
    std::int64_t otherTables = 0;
};

Found inspect(sql::Connection &db)
{
    Found found;
    found.hasSchemaInfo = queryInt(db, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                                       "AND tablename = 'schema_info'") > 0;
    found.otherTables = queryInt(db, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");
    if (found.hasSchemaInfo) {
        if (queryInt(db, "SELECT has_table_privilege('schema_info', 'SELECT')::int") == 0) {
            Statement user = db.prepare("SELECT current_user");
            user.step();
            throw StorageError(db.location() + ": " + user.string(0) +
                               " has no lfrplan role here; the administrator grants one of lfrplan_planner, "
                               "lfrplan_commander and lfrplan_auditor (docs/storage.md)");
        }
        Statement stmt = db.prepare("SELECT version, min_compatible_version FROM schema_info");
        if (stmt.step()) {
            found.version = stmt.integer(0);
            found.minCompatible = stmt.integer(1);
        }
    }
    return found;
}

// Brings the database to the latest version in one transaction (DDL is
// transactional in PostgreSQL): on failure nothing changes.
void migrate(sql::Connection &db, OpenMode mode)
{
    const std::string &where = db.location();
    const int latest = pgSteps().back().version;
    Found found = inspect(db);
    if (found.hasSchemaInfo && found.version >= latest) {
        if (found.version > latest && (found.minCompatible < 1 || found.minCompatible > latest))
            throw StorageError(where + ": written by a newer lfrplan (schema version " + std::to_string(found.version) +
                               "; this build reads versions up to " + std::to_string(latest) +
                               "); nothing was changed");
        return;
    }
    if (!found.hasSchemaInfo && found.otherTables > 0)
        throw StorageError(where + ": not an lfrplan database (it has " + std::to_string(found.otherTables) +
                           " other tables and no schema_info); nothing was changed");
    if (!found.hasSchemaInfo && mode == OpenMode::ExistingOnly)
        throw StorageError(where + ": an empty database, not an lfrplan database; nothing was changed");

    sql::Transaction tx(db, sql::TxKind::Write);
    // One opener migrates; any other waits here and then finds it done.
    db.exec("SELECT pg_advisory_xact_lock(1279676496)"); // "LFRP"
    found = inspect(db);
    const int from = found.hasSchemaInfo ? found.version : 0;
    if (from >= latest) {
        tx.commit();
        return;
    }
    const PgStep *current = nullptr;
    try {
        for (const PgStep &step : pgSteps()) {
            if (step.version <= from)
                continue;
            current = &step;
            db.exec(step.ddl);
        }
        current = nullptr;
        db.exec("DELETE FROM schema_info; INSERT INTO schema_info (singleton, version, min_compatible_version) "
                "VALUES (1, " +
                std::to_string(latest) + ", " + std::to_string(pgSteps().back().minCompatibleVersion) + ")");
        tx.commit();
    } catch (const std::exception &error) {
        std::string message = where + ": upgrading the schema from version " + std::to_string(from) + " to " +
                              std::to_string(latest) + " failed";
        if (current != nullptr)
            message += " at step " + std::to_string(current->version) + " (" + current->description + ")";
        if (from > 0)
            message += "; only the administrator (the owner of the tables) can upgrade it";
        throw StorageError(message + ": " + error.what() + "; rolled back, nothing was changed");
    }
}

Permissions pgPermissions(sql::Connection &db)
{
    Statement stmt = db.prepare(
        "SELECT lfrplan_is_administrator()::int, "
        "pg_has_role(current_user, 'lfrplan_planner', 'MEMBER')::int, "
        "pg_has_role(current_user, 'lfrplan_commander', 'MEMBER')::int, "
        "pg_has_role(current_user, 'lfrplan_auditor', 'MEMBER')::int, "
        "has_table_privilege('scenarios', 'UPDATE')::int, has_table_privilege('plans', 'INSERT')::int, "
        "has_table_privilege('authorisations', 'INSERT')::int, has_table_privilege('settings', 'UPDATE')::int, "
        "has_table_privilege('audit_log', 'SELECT')::int");
    stmt.step();
    Permissions p;
    const bool admin = stmt.int64(0) != 0;
    const bool commander = stmt.int64(2) != 0;
    std::string role;
    if (admin)
        role = "administrator";
    for (const auto &[col, name] : {std::pair{1, "planner"}, std::pair{2, "commander"}, std::pair{3, "auditor"}})
        if (!admin && stmt.int64(col) != 0)
            role += (role.empty() ? "" : " and ") + std::string(name);
    p.role = role.empty() ? "no lfrplan role" : role;
    p.editData = stmt.int64(4) != 0;
    p.editPlans = stmt.int64(5) != 0;
    p.draftAuthorisations = stmt.int64(6) != 0;
    p.authorise = admin || commander;
    p.changeSettings = stmt.int64(7) != 0;
    p.readAuditTrail = stmt.int64(8) != 0;
    p.manageUsers = admin;
    return p;
}

} // namespace

std::unique_ptr<Storage> openPgStorage(const std::string &location, OpenMode mode)
{
    std::unique_ptr<sql::Connection> db = sql::postgresConnection(location);
    migrate(*db, mode);
    StoreTraits traits;
    traits.schemaVersion = [](sql::Connection &c) {
        return static_cast<int>(queryInt(c, "SELECT version FROM schema_info"));
    };
    traits.permissions = pgPermissions;
    // The server authenticated the login; the administrator is recorded
    // under theirs too (only lfrplan copy writes other names, with SQL).
    Statement user = db->prepare("SELECT session_user");
    user.step();
    traits.actor = user.string(0);
    return std::make_unique<SqlStorage>(std::move(db), std::move(traits));
}

} // namespace lfr
