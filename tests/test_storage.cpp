// Storage round trips and error cases on SQLite: every scenario must come
// back equal (operator==, list order included), plans too.
#include "lfrplan/errors.h"
#include "lfrplan/storage.h"

#include "sql_read.h"
#include "sqlite_open.h"
#include "tools/storage_fixtures.h"
#include "tools/temp_store.h"

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <limits>

using namespace lfr;
using lfrtest::at;
using lfrtest::day;
using lfrtest::TempDatabase;
using lfrtest::TempStore;

namespace {

// A small scenario that sets and leaves out every optional field somewhere,
// with lists deliberately not in id order.
Scenario richScenario(const std::string &name)
{
    Scenario s;
    s.name = name;
    s.dates = {day(2026, 12, 7), day(2026, 12, 8), day(2026, 12, 12)};
    s.policy = {7, 3, 2, 1, 0.125};
    s.windows = {{"evening", at(16, 0), at(23, 59)}, {"morning", at(0, 0), at(11, 30)}};
    s.shifts = {{"late", at(14, 0), at(22, 0)}, {"night", at(22, 0), at(6, 0)}, {"full", at(7, 0), at(7, 0)}};
    s.roles = {{"silver", Rank::Insp, std::nullopt},
               {"operator", std::nullopt, "lfr-operator"},
               {"bronze", Rank::PS, "public-order"},
               {"engagement", std::nullopt, std::nullopt}};
    s.crew = {{"engagement", 3}, {"operator", 2}, {"silver", 1}, {"bronze", 0}};
    s.teams = {{"west", "West \"A\" Team", {51.5074, -0.1278}, 2, 3},
               {"east", "Ōst Team – e", {-0.0, 0.0}, 0, std::nullopt},
               {"north", "", {90.0, -180.0}, 1, 0}};
    s.officers = {
        {"MP9", "Jo O'Neil", Rank::Insp, "west", {"taser", "first-aid", "taser"}, {}, 3},
        {"MP10", "Sam", Rank::PC, "east", {}, {}, std::nullopt},
        {"MP1", "Ana", Rank::Cmdr, "north", {"lfr-operator"}, {}, 0},
    };
    s.officers[0].roster = {{s.dates[0], "late"}, {s.dates[2], "night"}};
    s.officers[2].roster = {{s.dates[0], "full"}, {s.dates[1], "late"}, {s.dates[2], "late"}};

    Hotspot every;
    every.id = "oxford-circus";
    every.name = "Oxford Circus";
    every.borough = "Westminster";
    every.location = {51.515, -0.1415};
    every.value = 1.0 / 3.0;
    every.windows = {{"evening", 1.5}, {"morning", 1e-9}};
    every.weekdayFactor = {0.0, 0.1, 1.0, 2.5, 1e300, 1.0 / 7.0, 0.5};
    every.dates = std::vector<Date>{s.dates[2], s.dates[0]};
    every.maxPerHorizon = 0;
    every.minGapDays = 3;
    every.repeatDecay = 0.0;
    every.crew = CrewMap{{"operator", 1}, {"silver", 0}};
    Hotspot none;
    none.id = "brixton";
    none.name = "Brixton";
    none.borough = "Lambeth";
    none.location = {51.4613, -0.1156};
    none.value = 5e6;
    none.windows = {{"morning", 1.0}};
    none.repeatDecay = 1.0;
    Hotspot empty = none;
    empty.id = "carnival";
    empty.dates = std::vector<Date>{};
    empty.crew = CrewMap{};
    s.hotspots = {every, none, empty};

    s.vans = {{"LFR-2", std::nullopt, {s.dates[2], s.dates[0]}, 2}, {"LFR-1", "Van One", {}, 0}};
    s.pinned = {{"brixton", s.dates[1], "morning", "LFR-1", {{"MP1", "silver"}, {"MP9", "operator"}}},
                {"oxford-circus", s.dates[0], "evening", std::nullopt, {}},
                {"oxford-circus", s.dates[0], "evening", std::nullopt, {{"MP10", "engagement"}}}};
    return s;
}

Scenario minimalScenario(const std::string &name)
{
    Scenario s;
    s.name = name;
    s.dates = {day(2027, 1, 1)};
    return s;
}

Plan feasiblePlan(const Scenario &s)
{
    Plan plan;
    plan.scenario = s.name;
    plan.status = PlanStatus::Optimal;
    plan.figures = ObjectiveFigures{905.0, 92.6, 812.4};
    plan.bound = 812.4;
    plan.deployments = {{s.dates[2], "evening", "oxford-circus", "LFR-2", {{"MP9", "operator"}, {"MP1", "silver"}}},
                        {s.dates[1], "morning", "brixton", "LFR-1", {}}};
    return plan;
}

Plan infeasiblePlan(const std::string &name)
{
    Plan plan;
    plan.scenario = name;
    plan.status = PlanStatus::Infeasible;
    plan.reason = "pinned[1] and pinned[2]: two pins on oxford-circus, 2026-12-07, evening";
    return plan;
}

// Rows left in every table of the schema that has a scenario_id column.
int scenarioRows(const std::filesystem::path &file)
{
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open_v2(file.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt *tables = nullptr;
    REQUIRE(sqlite3_prepare_v2(db,
                               "SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' AND EXISTS "
                               "(SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'scenario_id')",
                               -1, &tables, nullptr) == SQLITE_OK);
    int rows = 0;
    int tableCount = 0;
    while (sqlite3_step(tables) == SQLITE_ROW) {
        ++tableCount;
        const std::string sql = "SELECT count(*) FROM \"" +
                                std::string(reinterpret_cast<const char *>(sqlite3_column_text(tables, 0))) + "\"";
        sqlite3_stmt *count = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &count, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(count) == SQLITE_ROW);
        rows += sqlite3_column_int(count, 0);
        sqlite3_finalize(count);
    }
    sqlite3_finalize(tables);
    sqlite3_close(db);
    CHECK(tableCount >= 20);
    return rows;
}

} // namespace

TEST_CASE("a scenario covering every optional field round-trips exactly", "[storage][both]")
{
    TempStore file;
    const Scenario rich = richScenario("rich week");
    const Scenario minimal = minimalScenario("");
    {
        const auto storage = openStorage(file.location());
        storage->importScenario(rich, ImportMode::FailIfExists);
        storage->importScenario(minimal, ImportMode::FailIfExists);
        CHECK(storage->loadScenario("rich week") == rich);
        CHECK(storage->loadScenario("") == minimal);
        CHECK(storage->hasScenario("rich week"));
        CHECK_FALSE(storage->hasScenario("rich"));
    }
    // And after closing and reopening the file.
    const auto reopened = openStorage(file.location(), OpenMode::ExistingOnly);
    const Scenario loaded = reopened->loadScenario("rich week");
    CHECK(loaded == rich);
    CHECK(loaded.hotspots[0].dates == std::vector<Date>{rich.dates[2], rich.dates[0]});
    CHECK(loaded.hotspots[1].dates == std::nullopt);
    CHECK(loaded.hotspots[2].dates == std::vector<Date>{});
    CHECK(loaded.hotspots[1].crew == std::nullopt);
    CHECK(loaded.hotspots[2].crew == CrewMap{});
    CHECK(loaded.officers[0].skills == std::vector<std::string>{"taser", "first-aid", "taser"});
    CHECK(reopened->loadScenario("") == minimal);
}

TEST_CASE("many scenarios live side by side in one database", "[storage][both]")
{
    TempStore file;
    std::vector<Scenario> scenarios;
    for (int i = 0; i < 30; ++i) {
        Scenario s = i % 2 == 0 ? richScenario("week " + std::to_string(100 + i)) : lfrtest::largeScenario(i, 250);
        s.name = "week " + std::to_string(100 + i);
        s.policy.maxDeployments = i;
        scenarios.push_back(std::move(s));
    }
    {
        const auto storage = openStorage(file.location());
        for (const Scenario &s : scenarios)
            storage->importScenario(s, ImportMode::FailIfExists);
        storage->savePlan("week 100", feasiblePlan(scenarios[0]));
    }
    const auto storage = openStorage(file.location(), OpenMode::ExistingOnly);
    const auto list = storage->listScenarios();
    REQUIRE(list.size() == scenarios.size());
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        const Scenario &s = scenarios[i];
        CHECK(list[i].name == s.name);
        CHECK(list[i].officers == static_cast<int>(s.officers.size()));
        CHECK(list[i].teams == static_cast<int>(s.teams.size()));
        CHECK(list[i].hotspots == static_cast<int>(s.hotspots.size()));
        CHECK(list[i].vans == static_cast<int>(s.vans.size()));
        CHECK(list[i].dates == static_cast<int>(s.dates.size()));
        CHECK(list[i].hasPlan == (i == 0));
        CHECK(list[i].createdAt.size() == 20);
        CHECK(list[i].createdAt[10] == 'T');
        CHECK(list[i].updatedAt >= list[i].createdAt);
        CHECK(storage->loadScenario(s.name) == s);
    }
}

TEST_CASE("a large scenario round-trips", "[storage][both]")
{
    TempStore file;
    const Scenario large = lfrtest::largeScenario(3, 33000);
    const auto storage = openStorage(file.location());
    storage->importScenario(large, ImportMode::FailIfExists);
    CHECK(storage->loadScenario(large.name) == large);
    storage->deleteScenario(large.name);
    CHECK(storage->listScenarios().empty());
}

TEST_CASE("importing under an existing name fails or replaces as asked", "[storage][both]")
{
    TempStore file;
    const auto storage = openStorage(file.location());
    const Scenario first = richScenario("week");
    storage->importScenario(first, ImportMode::FailIfExists);
    storage->savePlan("week", feasiblePlan(first));
    const auto before = storage->listScenarios();

    Scenario second = lfrtest::largeScenario(1, 300);
    second.name = "week";
    try {
        storage->importScenario(second, ImportMode::FailIfExists);
        FAIL("a duplicate import must fail");
    } catch (const StorageError &error) {
        CHECK_THAT(error.what(), Catch::Contains("\"week\" already exists"));
    }
    CHECK(storage->loadScenario("week") == first);
    CHECK(storage->loadPlan("week") == feasiblePlan(first));
    CHECK(storage->listScenarios() == before);

    storage->importScenario(second, ImportMode::Replace);
    CHECK(storage->loadScenario("week") == second);
    CHECK(storage->loadPlan("week") == std::nullopt); // the plan was for the old data
    const auto after = storage->listScenarios();
    REQUIRE(after.size() == 1);
    CHECK(after[0].createdAt == before[0].createdAt);
    CHECK(after[0].officers == 300);
    CHECK_FALSE(after[0].hasPlan);
}

TEST_CASE("a scenario that breaks the schema is refused whole, naming the item", "[storage][both]")
{
    TempStore file;
    const auto storage = openStorage(file.location());
    const auto refused = [&](const Scenario &bad, const std::string &where) {
        try {
            storage->importScenario(bad, ImportMode::FailIfExists);
            FAIL("import must fail for " + where);
        } catch (const StorageError &error) {
            CHECK_THAT(error.what(), Catch::Contains(where));
            CHECK_THAT(error.what(), Catch::Contains(file.location()));
        }
        CHECK_FALSE(storage->hasScenario(bad.name));
    };
    Scenario bad = richScenario("bad");
    bad.officers[1].team = "west-edn";
    refused(bad, "officers[1]");
    bad = richScenario("bad");
    bad.officers[2].roster.emplace(day(2026, 12, 9), "late");
    refused(bad, "officers[2].roster.2026-12-09");
    bad = richScenario("bad");
    bad.officers[2].id = "MP9";
    refused(bad, "officers[2]");
    bad = richScenario("bad");
    bad.hotspots[1].value = 0.0;
    refused(bad, "hotspots[1]");
    bad = richScenario("bad");
    bad.hotspots[0].repeatDecay = 1.5;
    refused(bad, "hotspots[0]");
    bad = richScenario("bad");
    bad.hotspots[0].windows.emplace("night", 1.0);
    refused(bad, "hotspots[0].windows.night");
    bad = richScenario("bad");
    bad.pinned[0].van = "LFR-9";
    refused(bad, "pinned[0]");
    bad = richScenario("bad");
    bad.pinned[2].crew[0].role = "gold";
    refused(bad, "pinned[2].crew[0]");
    bad = richScenario("bad");
    bad.teams[0].minOnDuty = -1;
    refused(bad, "teams[0]");
    bad = richScenario("bad");
    bad.windows[0].end = bad.windows[0].start;
    refused(bad, "windows[0]");
    bad = richScenario("bad");
    bad.policy.travelWeight = std::numeric_limits<double>::quiet_NaN();
    refused(bad, "policy");
    // Roster entries are written in multi-row batches; the bad one is still named.
    bad = lfrtest::largeScenario(2, 300);
    bad.officers[100].roster.begin()->second = "graveyard";
    refused(bad, "officers[100].roster.2026-12-07");
    bad = lfrtest::largeScenario(2, 300);
    bad.officers[299].roster.rbegin()->second = "graveyard";
    refused(bad, "officers[299].roster.2026-12-13");
    CHECK(storage->listScenarios().empty());
}

TEST_CASE("the schema keeps every reference inside one scenario", "[storage]")
{
    TempDatabase file;
    openStorage(file.path());
    sqlite3 *db = nullptr;
    REQUIRE(sqlite3_open_v2(file.path().string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    // Every foreign key maps scenario_id first (to scenarios.id or to the
    // parent's scenario_id), so a scenario can be deleted without touching
    // another; and scenarioTablesChildrenFirst() lists every table that holds
    // scenario rows, each before the tables it refers to.
    REQUIRE(sqlite3_prepare_v2(db,
                               "SELECT m.name, f.\"table\", f.\"from\", f.\"to\" FROM sqlite_schema m, "
                               "pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f.seq = 0",
                               -1, &stmt, nullptr) == SQLITE_OK);
    const auto &order = sql::scenarioTablesChildrenFirst();
    const auto position = [&](const std::string &table) {
        return std::find(order.begin(), order.end(), table) - order.begin();
    };
    int foreignKeys = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const std::string child = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
        const std::string parent = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 1));
        const std::string from = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 2));
        const std::string to = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 3));
        INFO(child << " -> " << parent);
        ++foreignKeys;
        CHECK(from == "scenario_id");
        CHECK(to == (parent == "scenarios" ? "id" : "scenario_id"));
        // Published versions are kept for good: a scenario that has any is
        // never deleted, so they are not among the rows a deletion removes.
        if (child == "published_plans")
            continue;
        CHECK(position(child) < static_cast<long>(order.size()));
        if (parent != "scenarios")
            CHECK(position(child) < position(parent));
    }
    sqlite3_finalize(stmt);
    REQUIRE(sqlite3_prepare_v2(db,
                               "SELECT count(*) FROM sqlite_schema m WHERE m.type = 'table' AND EXISTS "
                               "(SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'scenario_id')",
                               -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    CHECK(sqlite3_column_int(stmt, 0) == static_cast<int>(order.size()) + 1); // and published_plans
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    CHECK(foreignKeys > 40);
}

TEST_CASE("rename moves a scenario and its plan to the new name", "[storage][both]")
{
    TempStore file;
    const auto storage = openStorage(file.location());
    const Scenario s = richScenario("draft");
    storage->importScenario(s, ImportMode::FailIfExists);
    storage->importScenario(minimalScenario("other"), ImportMode::FailIfExists);
    storage->savePlan("draft", feasiblePlan(s));

    storage->renameScenario("draft", "final week");
    CHECK_FALSE(storage->hasScenario("draft"));
    Scenario expected = s;
    expected.name = "final week";
    CHECK(storage->loadScenario("final week") == expected);
    const auto plan = storage->loadPlan("final week");
    REQUIRE(plan);
    CHECK(plan->scenario == "final week");
    CHECK(plan->deployments == feasiblePlan(s).deployments);

    CHECK_THROWS_WITH(storage->renameScenario("final week", "other"), Catch::Contains("\"other\" already exists"));
    CHECK_THROWS_WITH(storage->renameScenario("draft", "x"), Catch::Contains("no scenario \"draft\""));
    storage->renameScenario("other", "other");
    CHECK(storage->hasScenario("other"));
    CHECK(storage->loadScenario("final week") == expected);
}

TEST_CASE("deleting a scenario removes every row it owns and nothing else", "[storage]")
{
    TempDatabase file;
    const Scenario keep = richScenario("keep");
    {
        const auto storage = openStorage(file.path());
        const Scenario gone = richScenario("gone");
        storage->importScenario(gone, ImportMode::FailIfExists);
        storage->savePlan("gone", feasiblePlan(gone));
        storage->deleteScenario("gone");
        CHECK_FALSE(storage->hasScenario("gone"));
        CHECK_THROWS_AS(storage->loadPlan("gone"), StorageError);
        CHECK_THROWS_WITH(storage->deleteScenario("gone"), Catch::Contains("no scenario \"gone\""));
    }
    CHECK(scenarioRows(file.path()) == 0);
    {
        const auto storage = openStorage(file.path());
        storage->importScenario(keep, ImportMode::FailIfExists);
        storage->savePlan("keep", feasiblePlan(keep));
    }
    const int keepRows = scenarioRows(file.path());
    CHECK(keepRows > 40);
    {
        const auto storage = openStorage(file.path());
        Scenario other = richScenario("other");
        storage->importScenario(other, ImportMode::FailIfExists);
        storage->savePlan("other", feasiblePlan(other));
        storage->deleteScenario("other");
        CHECK(storage->loadScenario("keep") == keep);
        CHECK(storage->loadPlan("keep") == feasiblePlan(keep));
    }
    CHECK(scenarioRows(file.path()) == keepRows);
}

TEST_CASE("plans are saved, replaced and loaded with their null numbers and reason", "[storage][both]")
{
    TempStore file;
    const auto storage = openStorage(file.location());
    const Scenario s = richScenario("week");
    storage->importScenario(s, ImportMode::FailIfExists);
    CHECK(storage->loadPlan("week") == std::nullopt);

    const Plan optimal = feasiblePlan(s);
    storage->savePlan("week", optimal);
    CHECK(storage->loadPlan("week") == optimal);

    Plan feasible = optimal;
    feasible.status = PlanStatus::Feasible;
    feasible.bound = std::nullopt;
    feasible.reason = "time limit";
    feasible.deployments.pop_back();
    storage->savePlan("week", feasible);
    CHECK(storage->loadPlan("week") == feasible);

    const Plan infeasible = infeasiblePlan("week");
    storage->savePlan("week", infeasible);
    const auto loaded = storage->loadPlan("week");
    REQUIRE(loaded);
    CHECK(*loaded == infeasible);
    CHECK_FALSE(loaded->figures);
    CHECK_FALSE(loaded->bound);
    CHECK(loaded->deployments.empty());

    Plan empty;
    empty.scenario = "week";
    empty.figures = ObjectiveFigures{};
    storage->savePlan("week", empty);
    CHECK(storage->loadPlan("week") == empty);
    CHECK(storage->listScenarios().at(0).hasPlan);
}

TEST_CASE("a plan that does not fit its scenario is refused and the old plan kept", "[storage][both]")
{
    TempStore file;
    const auto storage = openStorage(file.location());
    const Scenario s = richScenario("week");
    storage->importScenario(s, ImportMode::FailIfExists);
    const Plan good = feasiblePlan(s);
    storage->savePlan("week", good);

    Plan bad = good;
    bad.deployments[1].hotspot = "soho";
    CHECK_THROWS_WITH(storage->savePlan("week", bad), Catch::Contains("deployments[1]"));
    bad = good;
    bad.deployments[0].crew[1].officer = "MP404";
    CHECK_THROWS_WITH(storage->savePlan("week", bad), Catch::Contains("deployments[0].crew[1]"));
    bad = good;
    bad.deployments[0].date = day(2026, 12, 31);
    CHECK_THROWS_AS(storage->savePlan("week", bad), StorageError);
    bad = good;
    bad.scenario = "another week";
    CHECK_THROWS_WITH(storage->savePlan("week", bad), Catch::Contains("the plan is for scenario \"another week\""));
    CHECK_THROWS_WITH(storage->savePlan("missing", infeasiblePlan("missing")), Catch::Contains("no scenario"));
    CHECK(storage->loadPlan("week") == good);
}

TEST_CASE("missing scenarios and files are errors that name them", "[storage]")
{
    TempDatabase file;
    {
        const auto storage = openStorage(file.path());
        CHECK(storage->listScenarios().empty());
        CHECK(storage->location() == file.path().string());
        CHECK_THROWS_WITH(storage->loadScenario("nope"),
                          Catch::Contains(file.path().string()) && Catch::Contains("no scenario \"nope\""));
        CHECK_THROWS_AS(storage->loadPlan("nope"), StorageError);
        CHECK_FALSE(storage->hasScenario("nope"));
    }
    TempDatabase missing;
    CHECK_THROWS_WITH(openStorage(missing.path(), OpenMode::ExistingOnly),
                      Catch::Contains(missing.path().string()) && Catch::Contains("no such database file"));
    CHECK_FALSE(std::filesystem::exists(missing.path()));
    CHECK_FALSE(missing.hasCompanions());
    CHECK_THROWS_WITH(openStorage(std::filesystem::temp_directory_path()), Catch::Contains("not a regular file"));
    CHECK_THROWS_AS(openStorage(missing.path() / "sub" / "x.sqlite"), StorageError);
}

TEST_CASE("two connections see each other's commits", "[storage][both]")
{
    TempStore file;
    const auto writer = openStorage(file.location());
    const auto reader = openStorage(file.location(), OpenMode::ExistingOnly);
    const Scenario s = richScenario("shared");
    writer->importScenario(s, ImportMode::FailIfExists);
    CHECK(reader->loadScenario("shared") == s);
    reader->savePlan("shared", infeasiblePlan("shared"));
    CHECK(writer->loadPlan("shared") == infeasiblePlan("shared"));
}
