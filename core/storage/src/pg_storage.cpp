// Opening a PostgreSQL store: the schema's ladder (schema.h, the same as
// SQLite's), and what the connected user may do. See docs/storage.md,
// "PostgreSQL".
#include "pg_storage.h"

#include "pg_connection.h"
#include "schema.h"
#include "sql_storage_impl.h"

namespace lfr {

namespace {

using sql::Statement;

std::int64_t queryInt(sql::Connection &db, const std::string &query)
{
    Statement stmt = db.prepare(query);
    return stmt.step() && !stmt.isNull(0) ? stmt.int64(0) : 0;
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
    const bool readOnly = mode == OpenMode::ReadOnly;
    // Read-only: the server refuses any write of this session too, not only
    // the store (which refuses every change before it starts).
    if (readOnly)
        db->exec("SET default_transaction_read_only = on");
    schema::migrate(*db, schema::ladder(), mode);
    StoreTraits traits;
    traits.schemaVersion = [](sql::Connection &c) {
        return static_cast<int>(queryInt(c, "SELECT version FROM schema_info"));
    };
    traits.readOnly = readOnly;
    if (readOnly)
        traits.permissions = [](sql::Connection &c) {
            Permissions p = pgPermissions(c);
            p = Permissions{p.role + " (opened read-only)", false, false, false, false, false, p.readAuditTrail, false};
            return p;
        };
    else
        traits.permissions = pgPermissions;
    // The server authenticated the login; the administrator is recorded
    // under theirs too (only lfrplan copy writes other names, with SQL).
    Statement user = db->prepare("SELECT session_user");
    user.step();
    traits.actor = user.string(0);
    return std::make_unique<SqlStorage>(std::move(db), std::move(traits));
}

} // namespace lfr
