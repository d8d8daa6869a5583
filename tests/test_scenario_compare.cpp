// What-if scenarios and their comparison (issue 5).
#include "lfrplan/errors.h"
#include "lfrplan/scenario_compare.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"
#include "process_runner.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

using namespace lfr;

namespace {

Scenario demo() { return readScenarioFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json"); }

// The cells of a table row that starts with `name`, split on runs of spaces.
std::vector<std::string> tableRow(const std::string &table, const std::string &name)
{
    std::istringstream lines(table);
    std::string line;
    while (std::getline(lines, line))
        if (line.rfind(name, 0) == 0) {
            std::istringstream cells(line.substr(name.size()));
            std::vector<std::string> out;
            std::string cell;
            while (cells >> cell)
                out.push_back(cell);
            return out;
        }
    return {};
}

} // namespace

TEST_CASE("compare: a van taken out is unavailable on its dates", "[compare]")
{
    Scenario s = demo();
    takeVanOut(s, "LFR-2");
    CHECK(s.vans[1].unavailable == s.dates);
    Scenario one = demo();
    takeVanOut(one, "LFR-1", s.dates[2]);
    CHECK(one.vans[0].unavailable == std::vector<Date>{s.dates[2]});
    CHECK_THROWS_AS(takeVanOut(one, "LFR-9"), InputError);
    CHECK_THROWS_AS(takeVanOut(one, "LFR-1", Date{s.dates.back().days + 30}), InputError);
}

TEST_CASE("compare: a team losing officers keeps every pinned one", "[compare]")
{
    Scenario s = demo();
    s.pinned.push_back({s.hotspots[0].id, s.dates[0], s.windows[0].id, std::nullopt, {}});
    std::string pinnedOfficer;
    for (const Officer &o : s.officers)
        if (o.team == "west-end")
            pinnedOfficer = o.id; // the last of the team: the first the removal would take
    s.pinned.back().crew.push_back({pinnedOfficer, s.roles[0].id});
    const auto count = [](const Scenario &sc, const std::string &team) {
        return std::count_if(sc.officers.begin(), sc.officers.end(), [&](const Officer &o) { return o.team == team; });
    };
    const auto before = count(s, "west-end");
    removeOfficers(s, "west-end", 20);
    CHECK(count(s, "west-end") == before - 20);
    CHECK(std::any_of(s.officers.begin(), s.officers.end(), [&](const Officer &o) { return o.id == pinnedOfficer; }));
    CHECK_THROWS_AS(removeOfficers(s, "west-end", 100000), InputError);
    CHECK_THROWS_AS(removeOfficers(s, "no-such-team", 1), InputError);
}

TEST_CASE("compare: plan figures count days, officer-hours and visits", "[compare]")
{
    const Scenario s = demo();
    const auto plan = solve(s).plan.deployments;
    const PlanFigures f = planFigures(s, plan);
    CHECK(f.valid);
    CHECK(f.deployments == static_cast<int>(plan.size()));
    double hours = 0.0;
    int crew = 0;
    for (const auto &[team, h] : f.officerHours)
        hours += h;
    for (const Deployment &d : plan)
        crew += static_cast<int>(d.crew.size());
    // The demo's windows are 6 and 4 hours long.
    CHECK(hours >= crew * 4.0);
    CHECK(hours <= crew * 6.0);
    int visits = 0;
    for (const auto &[h, n] : f.hotspotVisits)
        visits += n;
    CHECK(visits == f.deployments);
}

TEST_CASE("compare: a saved plan's binding limits are the ones its solve explained", "[compare]")
{
    const Scenario s = demo();
    const SolveResult r = solve(s);
    std::vector<std::string> explained;
    bool in = false;
    for (const std::string &line : r.explanation) {
        if (line.rfind("Limits the plan meets exactly", 0) == 0) {
            in = true;
            continue;
        }
        if (in && line.rfind("- ", 0) == 0)
            explained.push_back(line.substr(2));
        else if (in)
            break;
    }
    REQUIRE(!explained.empty());
    CHECK(bindingLimits(s, r.plan.deployments) == explained);
    CHECK(planFigures(s, r.plan.deployments).bindingLimits == explained);
}

TEST_CASE("compare: lfrplan compare shows 4 on 2 days against 10 on 5 days", "[compare][cli]")
{
    lfrtest::ScratchDir dir;
    const std::string db = (dir / "demo.db").string();
    const std::string data = (std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json").string();
    const std::string name = demo().name;
    auto cli = [&](std::vector<std::string> args) {
        const auto run = lfrtest::runProcess(LFRPLAN_CLI, args, dir);
        INFO(run.err);
        REQUIRE(run.exitCode == 0);
        return run.out;
    };
    cli({"init", db});
    cli({"import", db, data});
    cli({"scenario", "clone", db, name, "baseline", "--max-deployments", "4", "--max-days", "2"});
    const std::string table = cli({"compare", db, "baseline", name, "--time-limit", "30"});
    CHECK(tableRow(table, "deployments") == std::vector<std::string>{"4", "10"});
    CHECK(tableRow(table, "days used") == std::vector<std::string>{"2", "5"});
    CHECK(tableRow(table, "valid plan") == std::vector<std::string>{"yes", "yes"});
    const auto objective = tableRow(table, "OBJECTIVE vs first");
    REQUIRE(objective.size() == 2);
    CHECK(std::stod(objective[1]) > 0); // more deployments, more objective
    CHECK(table.find("what binds baseline:\n  - The week's limit of 4 deployments: all are used") != std::string::npos);
    CHECK(table.find("The limit of 2 days with deployments: all are used") != std::string::npos);
    // Clone refuses an existing name; delete removes.
    const auto again = lfrtest::runProcess(LFRPLAN_CLI, {"scenario", "clone", db, name, "baseline"}, dir);
    CHECK(again.exitCode == 2);
    cli({"scenario", "delete", db, "baseline"});
    const auto gone = lfrtest::runProcess(LFRPLAN_CLI, {"compare", db, "baseline", name}, dir);
    CHECK(gone.exitCode == 2);
    CHECK(gone.err.find("no scenario named \"baseline\"") != std::string::npos);
}

TEST_CASE("compare: a clone is one step and all or nothing", "[compare][storage]")
{
    lfrtest::ScratchDir dir;
    const auto store = openStorage(dir / "clone.db");
    const Scenario base = demo();
    store->importScenario(base, ImportMode::FailIfExists);
    Plan plan;
    plan.scenario = base.name;
    plan.deployments = solve(base, {}).plan.deployments;
    store->savePlan(base.name, plan);

    SECTION("a plain clone keeps the saved plan")
    {
        cloneScenario(*store, base.name, "copy");
        Scenario copy = store->loadScenario("copy");
        CHECK(copy.name == "copy");
        copy.name = base.name;
        CHECK(copy == base);
        const auto kept = store->loadPlan("copy");
        REQUIRE(kept);
        CHECK(kept->scenario == "copy");
        CHECK(kept->deployments == plan.deployments);
    }
    SECTION("a changed clone has the changes and no plan")
    {
        WhatIf w;
        w.maxDeployments = 4;
        w.maxDays = 2;
        w.maxDutiesPerOfficer = 1;
        w.travelWeight = 0.25;
        w.vanOut = base.vans[1].id;
        w.team = "west-end";
        w.teamLoses = 20;
        REQUIRE(w.changesAnything());
        cloneScenario(*store, base.name, "what if");
        cloneScenario(*store, base.name, "garage", w);
        const Scenario g = store->loadScenario("garage");
        CHECK(g.policy.maxDeployments == 4);
        CHECK(g.policy.maxDays == 2);
        CHECK(g.policy.maxDutiesPerOfficer == 1);
        CHECK(g.policy.travelWeight == 0.25);
        CHECK(g.vans[1].unavailable == base.dates);
        CHECK(g.officers.size() == base.officers.size() - 20);
        CHECK_FALSE(store->loadPlan("garage"));
        CHECK(store->loadPlan("what if")); // unchanged clone: plan kept
    }
    SECTION("a refused clone stores nothing")
    {
        WhatIf unknownVan;
        unknownVan.vanOut = "LFR-9";
        CHECK_THROWS_WITH(cloneScenario(*store, base.name, "bad", unknownVan), Catch::Contains("no van \"LFR-9\""));
        WhatIf negative;
        negative.maxDays = -1;
        CHECK_THROWS_WITH(cloneScenario(*store, base.name, "bad", negative), Catch::Contains("max_days"));
        WhatIf weight;
        weight.travelWeight = -0.5;
        CHECK_THROWS_WITH(cloneScenario(*store, base.name, "bad", weight), Catch::Contains("travel_weight"));
        WhatIf tooMany;
        tooMany.team = "west-end";
        tooMany.teamLoses = 100000;
        CHECK_THROWS_AS(cloneScenario(*store, base.name, "bad", tooMany), InputError);
        CHECK_THROWS_WITH(cloneScenario(*store, base.name, base.name), Catch::Contains("already exists"));
        CHECK_THROWS_WITH(cloneScenario(*store, "nope", "bad"), Catch::Contains("no scenario named \"nope\""));
        CHECK_THROWS_WITH(cloneScenario(*store, base.name, "  "), Catch::Contains("needs a name"));
        CHECK(store->listScenarios().size() == 1);
    }
}

TEST_CASE("compare: lfrplan demo --database makes the three demo scenarios", "[compare][cli]")
{
    lfrtest::ScratchDir dir;
    const std::string db = (dir / "demo.db").string();
    const auto made = lfrtest::runProcess(LFRPLAN_CLI, {"demo", "--database", db}, dir);
    INFO(made.err);
    REQUIRE(made.exitCode == 0);
    const auto store = openStorage(db, OpenMode::ExistingOnly);
    const auto list = store->listScenarios();
    REQUIRE(list.size() == 3);
    const std::string week = demo().name;
    CHECK(store->loadScenario(week).policy.maxDeployments == 10);
    CHECK(store->loadScenario(week + " (old baseline: 4 on 2 days)").policy.maxDays == 2);
    const Scenario carnival = store->loadScenario("Notting Hill Carnival weekend 2026");
    // Never overwritten: the second call fails and the database is as it was.
    const auto again = lfrtest::runProcess(LFRPLAN_CLI, {"demo", "--database", db}, dir);
    CHECK(again.exitCode == 2);
    CHECK(again.err.find("already exists") != std::string::npos);
    CHECK(openStorage(db, OpenMode::ExistingOnly)->listScenarios() == list);
    // A hotspot only the second scenario has is named, not shown by its id.
    const auto compared = lfrtest::runProcess(LFRPLAN_CLI, {"compare", db, week, carnival.name}, dir);
    REQUIRE(compared.exitCode == 0);
    const auto visits = tableRow(compared.out, "  Notting Hill Carnival");
    REQUIRE(visits.size() == 2);
    CHECK(visits[0] == "0");
    CHECK(std::stoi(visits[1]) > 0);
}

TEST_CASE("compare: each scenario keeps its notes, and a clone says what it changed", "[compare][storage]")
{
    lfrtest::ScratchDir dir;
    const auto store = openStorage(dir / "notes.db");
    Scenario base = demo();
    store->importScenario(base, ImportMode::FailIfExists);
    CHECK(store->loadNotes(base.name).empty());
    store->saveNotes(base.name, "The new policy: 10 a week across 5 days.");
    // Notes survive a Replace import and a rename, and their change is audited.
    base.policy.travelWeight = 0.2;
    store->importScenario(base, ImportMode::Replace);
    CHECK(store->loadNotes(base.name) == "The new policy: 10 a week across 5 days.");
    const AuditEntry saved = [&] {
        for (const AuditEntry &e : store->auditTrail())
            if (e.action == "scenario.notes.changed")
                return e;
        return AuditEntry{};
    }();
    CHECK(saved.oldValue == "\"\"");
    CHECK(saved.newValue == "\"The new policy: 10 a week across 5 days.\"");
    WhatIf garage;
    garage.vanOut = base.vans[1].id;
    garage.team = "west-end";
    garage.teamLoses = 20;
    cloneScenario(*store, base.name, "garage", garage);
    CHECK(store->loadNotes("garage") == "The new policy: 10 a week across 5 days.\nCloned from \"" + base.name +
                                            "\": van " + base.vans[1].id +
                                            " out all week; team west-end loses 20 officers.");
    cloneScenario(*store, base.name, "copy");
    CHECK(store->loadNotes("copy").find("Cloned from \"" + base.name + "\" unchanged.") != std::string::npos);
    store->renameScenario("garage", "van 2 in the garage");
    CHECK(store->loadNotes("van 2 in the garage").find("loses 20 officers") != std::string::npos);
    store->saveNotes("copy", "");
    CHECK(store->loadNotes("copy").empty());
    store->deleteScenario("van 2 in the garage");
    CHECK(store->auditTrail().back().oldValue.find("loses 20 officers") != std::string::npos);
    CHECK_THROWS_AS(store->loadNotes("van 2 in the garage"), StorageError);
    // The comparison table ends with them.
    const Scenario &s = base;
    const std::vector<ComparedPlan> plans = {{s.name, &s, planFigures(s, {}), "line one\nline two"},
                                             {"other", &s, planFigures(s, {}), ""}};
    const std::string table = comparisonTable(plans);
    CHECK(table.find("\nnotes of " + s.name + ":\n  line one\n  line two\n") != std::string::npos);
    CHECK(table.find("notes of other") == std::string::npos);
}
