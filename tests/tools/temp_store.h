// A fresh, empty store for one test, on either database. By default an
// SQLite file in the temp folder. When the test run has a PostgreSQL
// cluster (LFRPLAN_TEST_PG_STATE names the state folder of
// tests/pg/pg-cluster.sh, which CTest sets for the "postgresql:" copies of
// the storage tests), a new database on that server instead, dropped with
// every connection to it when the test ends. Tests tagged [both] use this
// and run on both databases.
#pragma once

#include "storage_fixtures.h"

#include "lfrplan/storage.h"
#include "sqlite_connection.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>

namespace lfrtest {

// The admin connection string of the test run's cluster, or nothing.
inline std::optional<std::string> testServerAdminUri()
{
    const char *state = std::getenv("LFRPLAN_TEST_PG_STATE");
    if (state == nullptr || *state == '\0')
        return std::nullopt;
    std::ifstream in(std::string(state) + "/admin-uri");
    std::string uri;
    if (!std::getline(in, uri) || uri.empty())
        throw std::runtime_error(std::string("LFRPLAN_TEST_PG_STATE is set but ") + state +
                                 "/admin-uri is missing: is the cluster started?");
    return uri;
}

// Runs one SQL command on the cluster as its administrator.
inline void adminCommand(const std::string &adminUri, const std::string &sql)
{
    PGconn *conn = PQconnectdb(adminUri.c_str());
    const std::unique_ptr<PGconn, void (*)(PGconn *)> guard(conn, PQfinish);
    if (PQstatus(conn) != CONNECTION_OK)
        throw std::runtime_error("cannot connect to the test cluster: " + std::string(PQerrorMessage(conn)));
    PGresult *r = PQexec(conn, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    const std::string error = ok ? "" : PQresultErrorMessage(r);
    PQclear(r);
    if (!ok)
        throw std::runtime_error(sql + ": " + error);
}

class TempStore {
public:
    explicit TempStore(const std::string &tag = "db") : admin_(testServerAdminUri())
    {
        if (!admin_) {
            file_ = std::make_unique<TempDatabase>(tag);
            return;
        }
        std::random_device random;
        name_ = "lfrtest_" + std::to_string(random()) + "_" + std::to_string(random());
        adminCommand(*admin_, "CREATE DATABASE " + name_);
    }
    ~TempStore()
    {
        if (admin_) {
            try {
                adminCommand(*admin_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
            } catch (...) { // NOLINT(bugprone-empty-catch): a leftover database goes with the cluster
            }
        }
    }
    TempStore(const TempStore &) = delete;
    TempStore &operator=(const TempStore &) = delete;

    bool onServer() const { return admin_.has_value(); }
    // Where the store is, as openStorage takes it (on the server: as the
    // administrator, who creates the schema on first open).
    std::string location() const { return onServer() ? locationAs("lfrplan_admin") : file_->path().string(); }
    // Runs SQL by hand on the database, as its administrator (the file's
    // owner on SQLite): "" when it worked, else the database's message.
    std::string rawSql(const std::string &sql) const
    {
        if (onServer()) {
            try {
                adminCommand(locationAs("lfrplan_admin"), sql);
                return "";
            } catch (const std::exception &e) {
                return e.what();
            }
        }
        return sqliteExec(file_->path(), sql);
    }
    // The store as `login` would open it: on the server that login user of
    // the cluster (planner_pat, commander_kim, auditor_ali, both_bo,
    // outsider_oz, lfrplan_admin); on SQLite, as if the operating system
    // had logged them in (the programs take the real login).
    std::unique_ptr<lfr::Storage> openAs(const std::string &login) const
    {
        if (onServer())
            return lfr::openStorage(locationAs(login));
        return lfr::openSqliteStorageAs(file_->path(), lfr::OpenMode::CreateIfMissing, login);
    }
    // The same database as another login user of the cluster.
    std::string locationAs(const std::string &user) const
    {
        const std::string &admin = *admin_;
        const auto at = admin.find('@');
        const auto slash = admin.rfind('/');
        return "postgresql://" + user + admin.substr(at, slash - at) + "/" + name_;
    }

private:
    std::optional<std::string> admin_;
    std::unique_ptr<TempDatabase> file_;
    std::string name_;
};

} // namespace lfrtest
