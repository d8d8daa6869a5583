// Schema versions and the checks on opening, in the manner of Mixxx's
// schema manager tests: fresh database, idempotent re-open, newer but
// compatible, newer and incompatible, foreign and damaged files, and a
// failed upgrade rolled back. Files that are refused must be left byte for
// byte as they were, with no companion files created next to them.
#include "lfrplan/audit_chain.h"
#include "lfrplan/errors.h"
#include "lfrplan/storage.h"

#include "pg_connection.h"
#include "schema.h"
#include "sqlite_connection.h"
#include "sqlite_functions.h"
#include "sqlite_open.h"
#include "tools/storage_fixtures.h"
#include "tools/temp_store.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <stdexcept>

using namespace lfr;
using lfrtest::TempDatabase;

namespace {

// A raw read-write connection for arranging and inspecting files.
class Raw {
public:
    explicit Raw(const std::filesystem::path &file, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
    {
        REQUIRE(sqlite3_open_v2(file.string().c_str(), &db_, flags, nullptr) == SQLITE_OK);
    }
    ~Raw() { sqlite3_close(db_); }
    Raw(const Raw &) = delete;
    Raw &operator=(const Raw &) = delete;

    sqlite3 *get() const { return db_; }
    void exec(const std::string &sql) const
    {
        char *error = nullptr;
        const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
        const std::string message = error != nullptr ? error : "";
        sqlite3_free(error);
        INFO(sql << ": " << message);
        REQUIRE(rc == SQLITE_OK);
    }
    std::string text(const std::string &sql) const
    {
        sqlite3_stmt *stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
        std::string result;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            const auto *value = sqlite3_column_text(stmt, 0);
            result += value != nullptr ? reinterpret_cast<const char *>(value) : "NULL";
            result += '\n';
        }
        sqlite3_finalize(stmt);
        return result;
    }
    long long number(const std::string &sql) const { return std::stoll(text(sql)); }

private:
    sqlite3 *db_ = nullptr;
};

Scenario smallScenario(const std::string &name)
{
    Scenario s = lfrtest::largeScenario(7, 40);
    s.name = name;
    return s;
}

// A file holding one scenario at the current schema version.
void makeStore(const std::filesystem::path &file, const Scenario &scenario)
{
    const auto storage = openStorage(file);
    storage->importScenario(scenario, ImportMode::FailIfExists);
}

// Opening must fail with a message naming the file and containing `why`,
// leave the bytes alone and create nothing next to the file.
void refusedUnchanged(const TempDatabase &file, const std::string &why)
{
    const std::string before = lfrtest::readBytes(file.path());
    for (const OpenMode mode : {OpenMode::CreateIfMissing, OpenMode::ExistingOnly}) {
        try {
            openStorage(file.path(), mode);
            FAIL("opening must fail: " << why);
        } catch (const StorageError &error) {
            CHECK_THAT(error.what(), Catch::Contains(file.path().string()) && Catch::Contains(why));
        }
        CHECK(lfrtest::readBytes(file.path()) == before);
        CHECK_FALSE(file.hasCompanions());
    }
}

schema::Step step(int version, int minCompatible, std::string description, std::string sql)
{
    return {version, minCompatible, std::move(description),
            [sql = std::move(sql)](sql::Connection &db) { db.exec(sql); }};
}

// The schema's migrate() on a raw handle the test keeps open.
int migrateOn(const Raw &raw, const std::vector<schema::Step> &steps, const std::string &location = "test")
{
    return schema::migrate(*sql::sqliteConnectionOn(raw.get(), location), steps);
}

// This build's version: the tests' own steps come after it.
const int kLatest = schema::latestVersion();

std::vector<schema::Step> withSteps(std::vector<schema::Step> extra)
{
    std::vector<schema::Step> steps = schema::ladder();
    for (auto &s : extra)
        steps.push_back(std::move(s));
    return steps;
}

} // namespace

TEST_CASE("a fresh database gets the latest schema, the lfrplan mark and the pragmas", "[migrations]")
{
    TempDatabase file;
    const auto storage = openStorage(file.path(), OpenMode::CreateIfMissing);
    CHECK(storage->schemaVersion() == schema::latestVersion());
    CHECK(schema::latestVersion() == static_cast<int>(schema::ladder().size()));
    const Raw raw(file.path());
    CHECK(raw.number("PRAGMA application_id") == sqlite::kApplicationId);
    CHECK(raw.number("PRAGMA user_version") == schema::latestVersion());
    CHECK(raw.text("PRAGMA journal_mode") == "wal\n");
    CHECK(raw.number("SELECT min_compatible_version FROM schema_info") == schema::ladder().back().minCompatibleVersion);
    CHECK(raw.text("PRAGMA integrity_check") == "ok\n");
    CHECK(raw.number("SELECT count(*) FROM sqlite_schema WHERE type = 'table'") >= 22);
}

TEST_CASE("re-opening a current database changes nothing", "[migrations]")
{
    TempDatabase file;
    const Scenario s = smallScenario("week");
    makeStore(file.path(), s);
    const std::string schema = Raw(file.path()).text("SELECT sql FROM sqlite_schema ORDER BY name");
    const std::string before = lfrtest::readBytes(file.path());
    for (int i = 0; i < 3; ++i) {
        const auto storage = openStorage(file.path(), OpenMode::ExistingOnly);
        CHECK(storage->schemaVersion() == schema::latestVersion());
        CHECK(storage->loadScenario("week") == s);
    }
    CHECK(lfrtest::readBytes(file.path()) == before);
    const Raw raw(file.path());
    CHECK(raw.text("SELECT sql FROM sqlite_schema ORDER BY name") == schema);
    CHECK(migrateOn(raw, schema::ladder(), "test") == schema::latestVersion());
    CHECK(raw.text("SELECT sql FROM sqlite_schema ORDER BY name") == schema);
}

TEST_CASE("an empty file or empty SQLite database becomes a store only when creating", "[migrations]")
{
    TempDatabase zero;
    lfrtest::writeBytes(zero.path(), "");
    CHECK_THROWS_WITH(openStorage(zero.path(), OpenMode::ExistingOnly), Catch::Contains("an empty file"));
    CHECK(std::filesystem::file_size(zero.path()) == 0);
    CHECK(openStorage(zero.path(), OpenMode::CreateIfMissing)->schemaVersion() == schema::latestVersion());

    TempDatabase empty;
    Raw(empty.path()).exec("CREATE TABLE t (x); DROP TABLE t");
    REQUIRE(std::filesystem::file_size(empty.path()) > 0);
    {
        const std::string before = lfrtest::readBytes(empty.path());
        CHECK_THROWS_WITH(openStorage(empty.path(), OpenMode::ExistingOnly),
                          Catch::Contains("an empty SQLite database"));
        CHECK(lfrtest::readBytes(empty.path()) == before);
    }
    const auto storage = openStorage(empty.path(), OpenMode::CreateIfMissing);
    CHECK(storage->schemaVersion() == schema::latestVersion());
}

TEST_CASE("a database from a newer lfrplan is refused unless declared compatible", "[migrations]")
{
    TempDatabase file;
    const Scenario s = smallScenario("week");
    makeStore(file.path(), s);

    SECTION("newer and incompatible: refused, file unchanged")
    {
        Raw(file.path()).exec("PRAGMA user_version = 99; UPDATE schema_info SET min_compatible_version = 99");
        refusedUnchanged(file, "newer lfrplan (schema version 99");
    }
    SECTION("newer but compatible: opened as it is, nothing migrated")
    {
        {
            const Raw raw(file.path());
            const auto steps = withSteps({step(kLatest + 1, kLatest, "add an index",
                                               "CREATE INDEX officers_by_name ON officers "
                                               "(scenario_id, name)")});
            CHECK(migrateOn(raw, steps) == kLatest + 1);
        }
        const std::string before = lfrtest::readBytes(file.path());
        {
            const auto storage = openStorage(file.path(), OpenMode::ExistingOnly);
            CHECK(storage->schemaVersion() == kLatest + 1);
            CHECK(storage->loadScenario("week") == s);
        }
        CHECK(lfrtest::readBytes(file.path()) == before);
    }
    SECTION("newer and declared incompatible by its migration")
    {
        {
            const Raw raw(file.path());
            CHECK(migrateOn(raw,
                            withSteps({step(kLatest + 1, kLatest + 1, "change officers",
                                            "ALTER TABLE officers ADD "
                                            "COLUMN note TEXT")}),
                            "test") == kLatest + 1);
        }
        refusedUnchanged(file, "this build reads versions up to " + std::to_string(schema::latestVersion()));
    }
}

TEST_CASE("an SQLite database of another application is refused unchanged", "[migrations]")
{
    TempDatabase file;
    SECTION("no application id, some tables")
    {
        Raw(file.path())
            .exec("CREATE TABLE tracks (id INTEGER PRIMARY KEY, title TEXT); "
                  "INSERT INTO tracks (title) VALUES ('one')");
    }
    SECTION("another application id")
    {
        Raw(file.path()).exec("PRAGMA application_id = 1234; PRAGMA user_version = 1; CREATE TABLE t (x)");
    }
    SECTION("another application id, no tables yet") { Raw(file.path()).exec("PRAGMA application_id = 1234; VACUUM"); }
    SECTION("in WAL mode")
    {
        Raw(file.path()).exec("PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    }
    refusedUnchanged(file, "not an lfrplan database");
    // The same judgement guards the upgrade itself.
    const Raw raw(file.path());
    CHECK_THROWS_WITH(migrateOn(raw, schema::ladder(), "test"), Catch::Contains("not an lfrplan database"));
}

TEST_CASE("a file that is not SQLite is refused unchanged", "[migrations]")
{
    TempDatabase file;
    SECTION("random bytes")
    {
        lfrtest::Sequence random(42);
        std::string bytes;
        for (int i = 0; i < 8192; ++i)
            bytes += static_cast<char>(random.below(256));
        lfrtest::writeBytes(file.path(), bytes);
    }
    SECTION("a short text file") { lfrtest::writeBytes(file.path(), "{\"format\": \"lfrplan-scenario/1\"}\n"); }
    SECTION("a page of text") { lfrtest::writeBytes(file.path(), std::string(4096, 'x')); }
    refusedUnchanged(file, "not an SQLite database");
}

TEST_CASE("a damaged lfrplan database is refused unchanged", "[migrations]")
{
    TempDatabase file;
    makeStore(file.path(), smallScenario("week"));
    std::string bytes = lfrtest::readBytes(file.path());
    REQUIRE(bytes.size() > 8192);
    SECTION("the schema page overwritten")
    {
        for (std::size_t i = 100; i < 4096; ++i)
            bytes[i] = '\xff';
        lfrtest::writeBytes(file.path(), bytes);
        refusedUnchanged(file, "the database is damaged");
    }
    SECTION("cut in half")
    {
        lfrtest::writeBytes(file.path(), bytes.substr(0, bytes.size() / 2));
        refusedUnchanged(file, "the database is damaged");
    }
    SECTION("the last page missing")
    {
        lfrtest::writeBytes(file.path(), bytes.substr(0, bytes.size() - 4096));
        refusedUnchanged(file, "the database is damaged");
    }
}

TEST_CASE("a failed upgrade is rolled back and leaves the data intact", "[migrations]")
{
    TempDatabase file;
    const Scenario s = smallScenario("week");
    makeStore(file.path(), s);
    const std::string schema = Raw(file.path()).text("SELECT sql FROM sqlite_schema ORDER BY name");

    std::vector<schema::Step> steps;
    std::string why;
    SECTION("an SQL error half-way through a step")
    {
        steps = withSteps({step(kLatest + 1, kLatest + 1, "add notes",
                                "CREATE TABLE notes (x); ALTER TABLE officers ADD COLUMN note "
                                "TEXT; INSERT INTO notes VALUES (1); SELECT no_such_function()")});
        why = "at step " + std::to_string(kLatest + 1) + " (add notes)";
    }
    SECTION("a later step of several fails")
    {
        steps = withSteps({step(kLatest + 1, kLatest, "add an index",
                                "CREATE INDEX officers_by_name ON officers (scenario_id, name)"),
                           step(kLatest + 2, kLatest + 2, "drop teams", "DELETE FROM teams; DROP TABLE nonexistent")});
        why = "at step " + std::to_string(kLatest + 2) + " (drop teams)";
    }
    SECTION("a step that throws")
    {
        steps = withSteps({{kLatest + 1, kLatest + 1, "throws", [](sql::Connection &db) {
                                db.exec("DELETE FROM roster_entries");
                                throw std::runtime_error("disk on fire");
                            }}});
        why = "disk on fire";
    }
    SECTION("a step that breaks a foreign key")
    {
        steps = withSteps({step(kLatest + 1, kLatest + 1, "lose teams", "DELETE FROM teams")});
        why = "foreign key";
    }
    {
        const Raw raw(file.path());
        sqlite::registerFunctions(raw.get(), file.path().string(), "test"); // as lfrplan's connections have
        CHECK_THROWS_WITH(migrateOn(raw, steps, file.path().string()),
                          Catch::Contains(why) && Catch::Contains("still at version " + std::to_string(kLatest)) &&
                              Catch::Contains(file.path().string()));
        CHECK(raw.number("PRAGMA user_version") == kLatest);
        CHECK(raw.number("PRAGMA foreign_keys") == 0); // restored to what the connection had
        CHECK(raw.text("SELECT sql FROM sqlite_schema ORDER BY name") == schema);
    }
    const auto storage = openStorage(file.path(), OpenMode::ExistingOnly);
    CHECK(storage->schemaVersion() == kLatest);
    CHECK(storage->loadScenario("week") == s);
}

TEST_CASE("an upgrade runs every pending step in order in one go", "[migrations]")
{
    TempDatabase file;
    const Scenario s = smallScenario("week");
    makeStore(file.path(), s);
    const Raw raw(file.path());
    const auto steps = withSteps(
        {step(kLatest + 1, kLatest, "add notes", "ALTER TABLE officers ADD COLUMN note TEXT DEFAULT 'n'"),
         step(kLatest + 2, kLatest + 1, "note table", "CREATE TABLE notes AS SELECT id, note FROM officers")});
    CHECK(migrateOn(raw, steps) == kLatest + 2);
    CHECK(raw.number("PRAGMA user_version") == kLatest + 2);
    CHECK(raw.number("SELECT min_compatible_version FROM schema_info") == kLatest + 1);
    CHECK(raw.number("SELECT count(*) FROM notes WHERE note = 'n'") == static_cast<long long>(s.officers.size()));
    CHECK(raw.number("PRAGMA application_id") == sqlite::kApplicationId);
    CHECK(migrateOn(raw, steps) == kLatest + 2);
    CHECK_THROWS_AS(migrateOn(raw, {step(1, 1, "x", "SELECT 1"), step(3, 1, "y", "SELECT 1")}, "test"),
                    std::logic_error);
}

TEST_CASE("a version-1 database is upgraded to the accountability schema with its data intact", "[migrations]")
{
    TempDatabase file;
    const Scenario s = smallScenario("week");
    {
        const Raw raw(file.path());
        CHECK(migrateOn(raw, {schema::ladder().front()}, "test") == 1);
    }
    {
        // Version 1 data, written as a version-1 build would.
        const Raw raw(file.path());
        CHECK(raw.number("SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'") == 0);
    }
    auto storage = openStorage(file.path(), OpenMode::ExistingOnly);
    CHECK(storage->schemaVersion() == kLatest);
    storage->importScenario(s, ImportMode::FailIfExists);
    CHECK(storage->loadScenario("week") == s);
    const Raw raw(file.path());
    // Append-only (update, delete, replace), numbered from 1 (version 5),
    // without gaps and chained (version 6).
    CHECK(raw.number("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log'") == 6);
    CHECK(raw.number("SELECT min_compatible_version FROM schema_info") == 6);
    CHECK(storage->verifyAuditTrail().ok());
}

TEST_CASE("a version-5 database's audit trail is chained on the upgrade to version 6", "[migrations][audit]")
{
    // Issue 15: the entries written before the chain existed are chained
    // in their order, so --verify covers them from then on.
    TempDatabase file;
    {
        const Raw raw(file.path());
        const auto &all = schema::ladder();
        REQUIRE(migrateOn(raw, {all.begin(), all.begin() + 5}, "test") == 5);
        for (int i = 1; i <= 3; ++i)
            raw.exec("INSERT INTO audit_log (at, actor, action, subject, new_value) VALUES ('2026-11-0" +
                     std::to_string(i) + "T10:00:00Z', 'planner', 'scenario.notes.changed', 'week', '\"note " +
                     std::to_string(i) + "\"')");
    }
    auto storage = openStorage(file.path(), OpenMode::ExistingOnly);
    CHECK(storage->schemaVersion() == schema::latestVersion());
    const auto trail = storage->auditTrail();
    REQUIRE(trail.size() == 3);
    CHECK(trail[0].hash == auditEntryHash(std::nullopt, 1, "2026-11-01T10:00:00Z", "planner", "scenario.notes.changed",
                                          "week", std::nullopt, std::string("\"note 1\"")));
    CHECK(trail[1].hash == auditEntryHash(trail[0].hash, 2, "2026-11-02T10:00:00Z", "planner", "scenario.notes.changed",
                                          "week", std::nullopt, std::string("\"note 2\"")));
    const ChainCheck check = storage->verifyAuditTrail();
    CHECK(check.ok());
    CHECK(check.entries == 3);
    CHECK(check.headSeq == 3);
    CHECK(check.headHash == trail[2].hash);
}

namespace {

// A connection to a fresh store as its administrator (the file's owner on
// SQLite, with lfrplan's SQL functions), with nothing run on it yet.
std::unique_ptr<sql::Connection> adminConnection(const lfrtest::TempStore &store)
{
    if (store.onServer())
        return sql::postgresConnection(store.location());
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(store.location().c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    sqlite::Database db(raw, store.location());
    REQUIRE(rc == SQLITE_OK);
    sqlite::registerFunctions(raw, store.location(), "test");
    return sql::sqliteConnection(std::move(db));
}

std::int64_t count(sql::Connection &db, const std::string &query)
{
    sql::Statement stmt = db.prepare(query);
    REQUIRE(stmt.step());
    return stmt.int64(0);
}

} // namespace

TEST_CASE("the one ladder climbs from every version to the latest, data intact, on either database",
          "[migrations][both]")
{
    // Issue 16: one schema definition for both dialects. A store left at
    // each older version (by this very ladder, cut short) holding a
    // scenario written then is opened by this build: upgraded in one go,
    // its scenario kept, at revision 1, with a verified audit trail.
    const auto &all = schema::ladder();
    for (int version = 1; version < schema::latestVersion(); ++version) {
        INFO("from version " << version);
        lfrtest::TempStore store("ladder");
        {
            const auto db = adminConnection(store);
            CHECK(schema::migrate(*db, {all.begin(), all.begin() + version}) == version);
            CHECK(schema::migrate(*db, {all.begin(), all.begin() + version}) == version); // idempotent
            db->exec("INSERT INTO scenarios (name, max_deployments, max_days, max_duties_per_officer, travel_weight, "
                     "created_at, updated_at) VALUES ('older week', 4, 2, 1, 0.5, '2026-11-01T10:00:00Z', "
                     "'2026-11-01T10:00:00Z')");
        }
        const auto storage = lfr::openStorage(store.location(), OpenMode::ExistingOnly);
        CHECK(storage->schemaVersion() == schema::latestVersion());
        const auto names = storage->listScenarios();
        CHECK(std::count_if(names.begin(), names.end(), [](const auto &s) { return s.name == "older week"; }) == 1);
        CHECK(storage->revision("older week") == 1);
        storage->importScenario(smallScenario("new week"), ImportMode::FailIfExists);
        CHECK(storage->loadScenario("new week") == smallScenario("new week"));
        CHECK(storage->verifyAuditTrail().ok());
    }
}

TEST_CASE("a failed step leaves either database at its version", "[migrations][both]")
{
    lfrtest::TempStore store("ladder-fails");
    lfr::openStorage(store.location())->importScenario(smallScenario("week"), ImportMode::FailIfExists);
    auto steps = schema::ladder();
    steps.push_back(step(schema::latestVersion() + 1, schema::latestVersion() + 1, "add and break",
                         "CREATE TABLE notes_extra (x integer); SELECT no_such_function()"));
    {
        const auto db = adminConnection(store);
        CHECK_THROWS_WITH(
            schema::migrate(*db, steps),
            Catch::Contains("at step " + std::to_string(schema::latestVersion() + 1) + " (add and break)") &&
                Catch::Contains("still at version " + std::to_string(schema::latestVersion())));
        CHECK(count(*db, store.onServer() ? "SELECT count(*) FROM pg_tables WHERE tablename = 'notes_extra'"
                                          : "SELECT count(*) FROM sqlite_schema WHERE name = 'notes_extra'") == 0);
    }
    const auto storage = lfr::openStorage(store.location(), OpenMode::ExistingOnly);
    CHECK(storage->schemaVersion() == schema::latestVersion());
    CHECK(storage->loadScenario("week") == smallScenario("week"));
}

TEST_CASE("the shared DDL reads the same on both databases but for the words of each", "[migrations]")
{
    const std::string ddl = "CREATE TABLE t (\n    id {{ROWID}},\n    d {{TEXT}} CHECK ({{DATE:d}}),\n"
                            "    j {{TEXT}} CHECK ({{JSON:j}}),\n    n {{INT}}\n){{STRICT}};";
    CHECK(schema::renderDdl(ddl, sql::Dialect::Sqlite) ==
          "CREATE TABLE t (\n    id INTEGER PRIMARY KEY,\n    d TEXT CHECK (date(d, '+0 days') IS d),\n"
          "    j TEXT CHECK (json_valid(j)),\n    n INTEGER\n) STRICT;");
    CHECK(schema::renderDdl(ddl, sql::Dialect::Postgres) ==
          "CREATE TABLE t (\n    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
          "    d text COLLATE \"C\" CHECK (to_char(d::date, 'YYYY-MM-DD') = d),\n"
          "    j text COLLATE \"C\" CHECK (j::json IS NOT NULL),\n    n bigint\n);");
    CHECK_THROWS_AS(schema::renderDdl("x {{NO_SUCH}}", sql::Dialect::Sqlite), std::logic_error);
    CHECK_THROWS_AS(schema::renderDdl("x {{TEXT", sql::Dialect::Postgres), std::logic_error);
}

TEST_CASE("server: the tables and columns are the same on both databases", "[.postgres]")
{
    // What each database alone keeps is named here, and only here.
    const std::set<std::string> sqliteOnly = {"audit_chain",     "audit_chain.chain_start", "audit_chain.singleton",
                                              "sqlite_sequence", "sqlite_sequence.name",    "sqlite_sequence.seq"};
    const std::set<std::string> postgresOnly = {"audit_head",           "audit_head.chain_start", "audit_head.hash",
                                                "audit_head.seq",       "audit_head.singleton",   "audit_log.txid",
                                                "scenarios.revised_in", "schema_info.version"};
    lfrtest::TempDatabase file("columns");
    lfr::openStorage(file.path());
    std::set<std::string> lite;
    for (const std::string &table :
         lfrtest::sqliteColumn(file.path(), "SELECT name FROM sqlite_schema WHERE type = 'table'")) {
        lite.insert(table);
        for (const std::string &c :
             lfrtest::sqliteColumn(file.path(), "SELECT name FROM pragma_table_info('" + table + "')"))
            lite.insert(table + "." + c);
    }
    lfrtest::TempStore server("columns");
    REQUIRE(server.onServer());
    lfr::openStorage(server.location());
    const auto db = adminConnection(server);
    std::set<std::string> pg;
    sql::Statement stmt = db->prepare("SELECT table_name, column_name FROM information_schema.columns "
                                      "WHERE table_schema = current_schema()");
    while (stmt.step()) {
        pg.insert(stmt.string(0));
        pg.insert(stmt.string(0) + "." + stmt.string(1));
    }
    std::set<std::string> liteShared, pgShared;
    for (const std::string &n : lite)
        if (!sqliteOnly.contains(n))
            liteShared.insert(n);
    for (const std::string &n : pg)
        if (!postgresOnly.contains(n))
            pgShared.insert(n);
    CHECK(liteShared == pgShared);
    CHECK(liteShared.size() > 100);
}
