// The PostgreSQL server database (issue 8): roles enforced by the server,
// row-level security, the database user in the audit trail, hand-written
// SQL refused, and whole-database copies in both directions. The [postgres]
// tests need the test run's cluster (tests/pg/pg-cluster.sh) and are hidden
// otherwise; the copy test is [both].
#include "lfrplan/errors.h"
#include "lfrplan/storage.h"
#include "lfrplan/storage_copy.h"

#include "safeguard_fixtures.h"
#include "test_support.h"
#include "tools/pg_session.h"
#include "tools/temp_store.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

using namespace lfr;
using lfrtest::TempStore;

using lfrtest::fill;
using lfrtest::kInsufficientPrivilege;
using lfrtest::Session;

TEST_CASE("server: each role may do what it should and the app is told", "[.postgres]")
{
    TempStore db;
    REQUIRE(db.onServer());
    fill(db.location());
    CHECK(openStorage(db.location())->permissions() ==
          Permissions{"administrator", true, true, true, true, true, true, true});
    CHECK(openStorage(db.locationAs("planner_pat"))->permissions() ==
          Permissions{"planner", true, true, true, false, false, true});
    CHECK(openStorage(db.locationAs("commander_kim"))->permissions() ==
          Permissions{"commander", false, false, true, true, true, true});
    CHECK(openStorage(db.locationAs("auditor_ali"))->permissions() ==
          Permissions{"auditor", false, false, false, false, false, true});
    CHECK(openStorage(db.locationAs("both_bo"))->permissions().role == "planner and commander");
    CHECK_THROWS_WITH(openStorage(db.locationAs("outsider_oz")),
                      Catch::Contains("outsider_oz has no lfrplan role here") && Catch::Contains("lfrplan_auditor"));
    // Every role reads everything.
    const auto auditor = openStorage(db.locationAs("auditor_ali"), OpenMode::ExistingOnly);
    const Scenario s = lfrtest::demoWeek();
    CHECK(auditor->loadScenario(s.name) == s);
    CHECK(auditor->loadAuthorisations(s.name).size() == 1);
    CHECK(auditor->auditTrail().size() > 5);
}

TEST_CASE("server: the auditor role cannot change any table, even with hand-written SQL", "[.postgres]")
{
    TempStore db;
    fill(db.location());
    Session admin(db.location());
    const std::vector<std::string> tables =
        admin.column("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    REQUIRE(tables.size() == 31); // schema 7 added published_plans
    Session auditor(db.locationAs("auditor_ali"));
    for (const std::string &table : tables) {
        INFO(table);
        const std::string first =
            admin
                .column("SELECT column_name FROM information_schema.columns WHERE table_name = '" + table +
                        "' ORDER BY ordinal_position LIMIT 1")
                .at(0);
        CHECK(auditor.run("SELECT count(*) FROM " + table).empty()); // reading is allowed
        CHECK(auditor.run("INSERT INTO " + table + " DEFAULT VALUES") == kInsufficientPrivilege);
        CHECK(auditor.run("UPDATE " + table + " SET " + first + " = " + first) == kInsufficientPrivilege);
        CHECK(auditor.run("DELETE FROM " + table) == kInsufficientPrivilege);
        CHECK(auditor.run("TRUNCATE " + table + " CASCADE") == kInsufficientPrivilege);
        CHECK(auditor.run("ALTER TABLE " + table + " DISABLE TRIGGER ALL") == kInsufficientPrivilege);
        CHECK(auditor.run("DROP TABLE " + table + " CASCADE") == kInsufficientPrivilege);
    }
    CHECK(auditor.run("CREATE TABLE mine (x int)") == kInsufficientPrivilege);
    CHECK(auditor.run("ALTER TABLE authorisations DISABLE ROW LEVEL SECURITY") == kInsufficientPrivilege);
    CHECK(auditor.run("UPDATE audit_head SET seq = 1") == kInsufficientPrivilege); // the numbering
    // Nothing changed, and the store refuses the auditor's writes by name.
    const auto store = openStorage(db.locationAs("auditor_ali"), OpenMode::ExistingOnly);
    const Scenario s = lfrtest::demoWeek();
    CHECK_THROWS_WITH(store->saveNotes(s.name, "auditor was here"),
                      Catch::Contains("permission denied") && Catch::Contains("your database role may not"));
    CHECK_THROWS_AS(store->importScenario(s, ImportMode::Replace), StorageError);
    CHECK(store->loadNotes(s.name) == "filled for the test");
    CHECK(openStorage(db.location())->loadScenario(s.name) == s);
}

TEST_CASE("server: planners draft, commanders authorise, and row-level security holds for SQL too", "[.postgres]")
{
    TempStore db;
    fill(db.location());
    const Scenario s = lfrtest::demoWeek();
    const auto planner = openStorage(db.locationAs("planner_pat"), OpenMode::ExistingOnly);
    const auto commander = openStorage(db.locationAs("commander_kim"), OpenMode::ExistingOnly);
    Authorisation draft = planner->loadAuthorisations(s.name).at(0);
    Authorisation authorised = draft;
    authorised.status = AuthorisationStatus::Authorised;
    // The planner may change a draft, not authorise it.
    draft.rationale += " Checked again.";
    planner->saveAuthorisation(s.name, draft);
    CHECK_THROWS_WITH(planner->saveAuthorisation(s.name, authorised), Catch::Contains("is not mapped to an officer"));
    CHECK(planner->loadAuthorisations(s.name).at(0).status == AuthorisationStatus::Draft);
    Session plannerSql(db.locationAs("planner_pat"));
    CHECK_FALSE(plannerSql.run("UPDATE authorisations SET status = 'authorised'").empty());
    CHECK_FALSE(plannerSql
                    .run("UPDATE authorisations SET status = 'authorised', "
                         "record = jsonb_set(record::jsonb, '{status}', '\"authorised\"')::text")
                    .empty());
    CHECK(plannerSql.column("SELECT status FROM authorisations") == std::vector<std::string>{"draft"});
    // The commander authorises, but may not edit the data or save plans.
    authorised = commander->loadAuthorisations(s.name).at(0);
    authorised.status = AuthorisationStatus::Authorised;
    commander->saveAuthorisation(s.name, authorised);
    CHECK(planner->loadAuthorisations(s.name).at(0).status == AuthorisationStatus::Authorised);
    CHECK_THROWS_WITH(commander->saveNotes(s.name, "x"), Catch::Contains("permission denied"));
    // Now past draft: the planner can neither change nor delete it, nor
    // delete the scenario that holds it.
    CHECK(plannerSql.run("DELETE FROM authorisations").empty()); // no row is visible to delete
    CHECK(plannerSql.column("SELECT count(*) FROM authorisations") == std::vector<std::string>{"1"});
    CHECK_THROWS_WITH(planner->deleteScenario(s.name), Catch::Contains("only a commander may delete it"));
    CHECK(planner->hasScenario(s.name));
}

TEST_CASE("server: the audit trail records the database user, whatever the client writes", "[.postgres]")
{
    TempStore db;
    fill(db.location());
    const Scenario s = lfrtest::demoWeek();
    const auto planner = openStorage(db.locationAs("planner_pat"), OpenMode::ExistingOnly);
    CHECK(planner->actor() == "planner_pat"); // nothing can name another (issue 15)
    const std::int64_t last = planner->auditTrail().back().seq;
    planner->saveNotes(s.name, "changed by the planner");
    const auto entries = planner->auditTrail(last);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].actor == "planner_pat");
    CHECK(entries[0].action == "scenario.notes.changed");
    // A forged entry by hand is stamped with the real user, time and number.
    Session plannerSql(db.locationAs("planner_pat"));
    CHECK(plannerSql
              .run("INSERT INTO audit_log (seq, at, actor, action, subject) "
                   "VALUES (1, '1999-01-01T00:00:00Z', 'someone else', 'forged', 'x')")
              .empty());
    const auto forged = planner->auditTrail(entries[0].seq);
    REQUIRE(forged.size() == 1);
    CHECK(forged[0].actor == "planner_pat");
    CHECK(forged[0].at.substr(0, 4) != "1999");
    CHECK(forged[0].seq > entries[0].seq);
    // ... and nobody changes or removes one, the owner included.
    CHECK(plannerSql.run("UPDATE audit_log SET actor = 'x'") == kInsufficientPrivilege);
    CHECK(plannerSql.run("DELETE FROM audit_log") == kInsufficientPrivilege);
    Session admin(db.location());
    CHECK(admin.run("UPDATE audit_log SET actor = 'x'") == kInsufficientPrivilege);
    CHECK(admin.run("DELETE FROM audit_log") == kInsufficientPrivilege);
    CHECK(admin.run("TRUNCATE audit_log") == kInsufficientPrivilege);
}

TEST_CASE("server: a planner's temporary objects change no permission and forge no audit entry", "[.postgres]")
{
    // Issue 15, finding 6: the functions resolved audit_log and
    // authorisations through the caller's search path, where a temporary
    // table of the same name comes first.
    TempStore db;
    fill(db.location());
    const Scenario s = lfrtest::demoWeek();
    Session admin(db.location());
    REQUIRE(admin
                .run("UPDATE authorisations SET status = 'authorised', "
                     "record = jsonb_set(record::jsonb, '{status}', '\"authorised\"')::text")
                .empty());
    Session planner(db.locationAs("planner_pat"));
    REQUIRE(planner.run("CREATE TEMP TABLE audit_log (seq bigint GENERATED BY DEFAULT AS IDENTITY, x int)").empty());
    REQUIRE(planner.run("CREATE TEMP TABLE authorisations (scenario_id bigint, status text)").empty());
    REQUIRE(planner
                .run("CREATE FUNCTION pg_temp.lfrplan_is_administrator() RETURNS boolean "
                     "LANGUAGE sql AS 'SELECT true'")
                .empty());
    CHECK(planner.column("SELECT public.lfrplan_is_administrator()::int") == std::vector<std::string>{"0"});
    CHECK(planner.column("SELECT lfrplan_is_administrator()::int") == std::vector<std::string>{"0"});
    // An entry written by hand in someone else's name is stamped with the
    // planner's own login, the server's time and the next number.
    CHECK(planner
              .run("INSERT INTO public.audit_log (seq, at, actor, action, subject) "
                   "VALUES (900000, '1999-01-01T00:00:00Z', 'commander_kim', 'forged', 'x')")
              .empty());
    CHECK(admin.column("SELECT actor FROM audit_log WHERE action = 'forged'") ==
          std::vector<std::string>{"planner_pat"});
    CHECK(admin.column("SELECT count(*) FROM audit_log WHERE seq >= 900000") == std::vector<std::string>{"0"});
    // The scenario holding an authorised record stays.
    CHECK(planner.run("DELETE FROM public.scenarios") == kInsufficientPrivilege);
    CHECK(admin.column("SELECT count(*) FROM scenarios WHERE name = '" + s.name + "'") ==
          std::vector<std::string>{"1"});
    // Every lfrplan function runs with a fixed search path.
    CHECK(admin.column("SELECT count(*) FROM pg_proc WHERE proname LIKE 'lfrplan\\_%' "
                       "AND pronamespace = current_schema()::regnamespace") ==
          std::vector<std::string>{"18"}); // 3 of schema 7
    CHECK(admin.column("SELECT count(*) FROM pg_proc WHERE proname LIKE 'lfrplan\\_%' "
                       "AND pronamespace = current_schema()::regnamespace "
                       "AND NOT coalesce(proconfig::text LIKE '%search_path=pg_catalog, pg_temp%', false)") ==
          std::vector<std::string>{"0"});
}

TEST_CASE("server: audit entries are numbered one after another", "[.postgres]")
{
    // Issue 15, finding 8: the stamp drew a second number after the
    // identity default had drawn one, so the numbers stepped by 2.
    TempStore db;
    fill(db.location());
    const Scenario s = lfrtest::demoWeek();
    const auto planner = openStorage(db.locationAs("planner_pat"), OpenMode::ExistingOnly);
    const std::int64_t last = planner->auditTrail().back().seq;
    planner->saveNotes(s.name, "one");
    planner->saveNotes(s.name, "two");
    Session plannerSql(db.locationAs("planner_pat"));
    CHECK(
        plannerSql.run("INSERT INTO audit_log (at, actor, action, subject) VALUES ('x', 'x', 'by hand', '')").empty());
    CHECK(plannerSql.run("INSERT INTO audit_log (seq, at, actor, action, subject) VALUES (-5, 'x', 'x', 'by hand', '')")
              .empty());
    const auto entries = planner->auditTrail(last);
    REQUIRE(entries.size() == 4);
    for (std::size_t i = 0; i < entries.size(); ++i)
        CHECK(entries[i].seq == last + 1 + static_cast<std::int64_t>(i));
}

TEST_CASE("server: a database of something else, or a user without the schema, is refused", "[.postgres]")
{
    TempStore db;
    Session admin(db.location());
    CHECK(admin.run("CREATE TABLE invoices (id int)").empty());
    CHECK_THROWS_WITH(openStorage(db.location()),
                      Catch::Contains("not an lfrplan database") && Catch::Contains("nothing was changed"));
    TempStore empty;
    CHECK_THROWS_WITH(openStorage(empty.location(), OpenMode::ExistingOnly), Catch::Contains("an empty database"));
    CHECK_THROWS_WITH(openStorage(empty.locationAs("planner_pat")), Catch::Contains("failed"));
    CHECK_THROWS_WITH(openStorage("postgresql://nobody_here:secret@127.0.0.1:1/none"),
                      Catch::Contains("cannot connect") && !Catch::Contains("secret"));
}

TEST_CASE("copy: a whole database moves to the other kind and back, verified equal", "[copy][both]")
{
    lfrtest::TempDatabase original("copy-source");
    fill(original.path().string());
    {
        const auto store = openStorage(original.path());
        store->renameScenario(lfrtest::demoWeek().name, "renamed week"); // revision 4, more history
    }
    TempStore middle; // PostgreSQL in the server run, another SQLite file otherwise
    const CopyReport there = copyStore(original.path().string(), middle.location());
    CHECK(there.scenarios == 1);
    CHECK(there.auditEntries == static_cast<std::int64_t>(openStorage(original.path())->auditTrail().size()));
    lfrtest::TempDatabase back("copy-back");
    const CopyReport again = copyStore(middle.location(), back.path().string());
    CHECK(again.rows == there.rows);
    const auto a = openStorage(original.path());
    const auto b = openStorage(back.path());
    CHECK(a->auditTrail() == b->auditTrail());
    CHECK(a->loadScenario("renamed week") == b->loadScenario("renamed week"));
    CHECK(b->revision("renamed week") == 4);
    // The copy keeps working: new entries continue the numbering.
    const auto copy = openStorage(middle.location());
    copy->saveNotes("renamed week", "after the copy");
    CHECK(copy->auditTrail().back().seq == a->auditTrail().back().seq + 1);
    // A destination that holds anything is refused, and not touched.
    CHECK_THROWS_WITH(copyStore(original.path().string(), back.path().string()), Catch::Contains("not empty"));
    CHECK(openStorage(back.path())->auditTrail() == a->auditTrail());
}

TEST_CASE("copy: column names come from the schema, never from the source file", "[copy][both]")
{
    // Issue 15, finding 9: the copy built its INSERT from the source's
    // column names, so a crafted SQLite file ran an expression on the
    // destination as its administrator.
    lfrtest::TempDatabase crafted("copy-crafted");
    fill(crafted.path().string());
    REQUIRE(lfrtest::sqliteExec(crafted.path(), "ALTER TABLE published_records ADD COLUMN \"source) SELECT "
                                                "'stolen', 1, '2026-12-08', version() --\" TEXT")
                .empty());
    TempStore target;
    const CopyReport report = copyStore(crafted.path().string(), target.location());
    CHECK(report.scenarios == 1);
    const auto copy = openStorage(target.location());
    for (const DeploymentRecord &r : copy->loadRecords())
        CHECK(r.source != "stolen");
    CHECK(copy->loadRecords().size() == 1);
}

TEST_CASE("copy: a source whose audit chain is broken is refused, and nothing is left", "[copy]")
{
    lfrtest::TempDatabase source("copy-broken");
    fill(source.path().string());
    REQUIRE(lfrtest::sqliteExec(source.path(), "DROP TRIGGER audit_log_append_only_update; "
                                               "UPDATE audit_log SET actor = 'nobody' WHERE seq = 2")
                .empty());
    lfrtest::ScratchDir dir;
    const std::string target = (dir / "copy.db").string();
    CHECK_THROWS_WITH(copyStore(source.path().string(), target),
                      Catch::Contains("its audit trail does not verify") && Catch::Contains("entry 2 ("));
    CHECK_FALSE(std::filesystem::exists(target));
}

TEST_CASE("copy: the tables it copies are the schema's, column for column", "[copy]")
{
    lfrtest::TempDatabase file("copy-schema");
    openStorage(file.path());
    std::vector<std::string> schema;
    for (const std::string &table :
         lfrtest::sqliteColumn(file.path(), "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN "
                                            "('sqlite_sequence', 'schema_info', 'audit_chain') ORDER BY name")) {
        std::string row = table;
        for (const std::string &c :
             lfrtest::sqliteColumn(file.path(), "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid"))
            if (!(table == "audit_log" && c == "hash")) // each copy computes its chain
                row += " " + c;
        schema.push_back(row);
    }
    std::vector<std::string> copied = copiedTables();
    std::sort(copied.begin(), copied.end());
    CHECK(copied == schema);
}
