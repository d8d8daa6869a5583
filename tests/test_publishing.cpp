// Issue 20, part 1: published versions of a plan. Numbered, stamped with
// the authenticated login, audited with the whole plan, never changed or
// removed (not even with hand-written SQL), refused when the plan breaks
// a hard constraint; and what changed since, in a planner's words.
#include "lfrplan/errors.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/publishing.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"

#include "process_runner.h"
#include "test_support.h"
#include "tools/pg_session.h"
#include "tools/temp_store.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

using namespace lfr;

namespace {

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

struct Week {
    Scenario scenario;
    Plan plan;
};

// The small week stored with its solved (valid) plan.
Week storedWeek(Storage &store)
{
    Week w;
    w.scenario = readScenario(lfrtest::smallScenarioText());
    w.plan = solve(w.scenario).plan;
    REQUIRE(w.plan.deployments.size() >= 2);
    store.importScenario(w.scenario, ImportMode::FailIfExists);
    store.savePlan(w.scenario.name, w.plan);
    return w;
}

// The store as a planner opens it (on the server, after the administrator
// made the schema).
std::unique_ptr<Storage> plannerStore(const lfrtest::TempStore &db)
{
    openStorage(db.location());
    return db.openAs("planner_pat");
}

std::size_t published(const std::vector<AuditEntry> &trail)
{
    return static_cast<std::size_t>(
        std::count_if(trail.begin(), trail.end(), [](const AuditEntry &e) { return e.action == "plan.published"; }));
}

} // namespace

TEST_CASE("publish: versions are numbered, stamped with the login, audited with the whole plan", "[publish][both]")
{
    lfrtest::TempStore db;
    const auto store = plannerStore(db);
    Week w = storedWeek(*store);
    const PublishedVersion first = publishSavedPlan(*store, w.scenario.name);
    CHECK(first.version == 1);
    CHECK(first.publishedBy == store->actor());
    CHECK(first.plan.deployments == w.plan.deployments);
    CHECK(first.publishedAt.size() == 20);
    const auto trail = store->auditTrail();
    REQUIRE(!trail.empty());
    CHECK(trail.back().action == "plan.published");
    CHECK(trail.back().actor == store->actor());
    CHECK(trail.back().subject == w.scenario.name);
    const auto entry = nlohmann::json::parse(trail.back().newValue);
    CHECK(entry.at("version") == 1);
    CHECK(readPlan(entry.at("plan").dump()).deployments == w.plan.deployments);

    // The same deployments again: nothing to publish.
    CHECK_THROWS_WITH(publishSavedPlan(*store, w.scenario.name),
                      Catch::Contains("those of published version 1") && Catch::Contains("nothing was published"));
    // A new plan is version 2; version 1 stays as it was.
    Plan changed = w.plan;
    changed.deployments.pop_back();
    store->savePlan(w.scenario.name, changed);
    const PublishedVersion second = publishSavedPlan(*store, w.scenario.name);
    CHECK(second.version == 2);
    const auto versions = store->publishedVersions(w.scenario.name);
    REQUIRE(versions.size() == 2);
    CHECK(versions[0] == first);
    CHECK(versions[1] == second);
    CHECK(store->lastPublished(w.scenario.name) == second);
    CHECK(published(store->auditTrail()) == 2);
    CHECK(store->verifyAuditTrail().ok());
}

TEST_CASE("publish: a plan that breaks a hard constraint is refused, and nothing is published", "[publish][both]")
{
    lfrtest::TempStore db;
    const auto store = plannerStore(db);
    Week w = storedWeek(*store);
    Plan bad = w.plan;
    bad.deployments[0].crew.push_back(bad.deployments[0].crew.front()); // one officer twice
    store->savePlan(w.scenario.name, bad);
    try {
        publishSavedPlan(*store, w.scenario.name);
        FAIL("published a plan that breaks a hard constraint");
    } catch (const PublishRefused &refused) {
        CHECK(refused.violations() >= 1);
        CHECK(contains(refused.what(), "cannot be published"));
        CHECK(contains(refused.what(), bad.deployments[0].crew.front().officer));
    }
    CHECK(store->publishedVersions(w.scenario.name).empty());
    CHECK(published(store->auditTrail()) == 0);
    // The store itself publishes only the saved plan as it was read.
    CHECK_THROWS_WITH(store->publishPlan(w.scenario.name, w.plan), Catch::Contains("is not the one given"));
    CHECK(store->publishedVersions(w.scenario.name).empty());
}

TEST_CASE("publish: published versions survive a rename, and keep their scenario from deletion", "[publish][both]")
{
    lfrtest::TempStore db;
    const auto store = plannerStore(db);
    Week w = storedWeek(*store);
    const PublishedVersion first = publishSavedPlan(*store, w.scenario.name);
    store->renameScenario(w.scenario.name, "Renamed week");
    const auto kept = store->publishedVersions("Renamed week");
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].plan.deployments == first.plan.deployments);
    CHECK_THROWS_WITH(store->deleteScenario("Renamed week"),
                      Catch::Contains("1 published version") && Catch::Contains("nothing was deleted"));
    CHECK(store->hasScenario("Renamed week"));
}

TEST_CASE("publish: a published version cannot be changed or removed with hand-written SQL", "[publish][both]")
{
    lfrtest::TempStore db;
    const auto store = plannerStore(db);
    Week w = storedWeek(*store);
    const PublishedVersion first = publishSavedPlan(*store, w.scenario.name);
    for (const char *sql : {"UPDATE published_plans SET plan = '{}'",
                            "UPDATE published_plans SET published_by = 'someone'", "DELETE FROM published_plans",
                            "INSERT INTO published_plans (scenario_id, version, published_at, published_by, plan) "
                            "SELECT scenario_id, 1, published_at, published_by, '{}' FROM published_plans",
                            "INSERT INTO published_plans (scenario_id, version, published_at, published_by, plan) "
                            "SELECT scenario_id, 5, published_at, published_by, plan FROM published_plans"}) {
        INFO(sql);
        CHECK_FALSE(db.rawSql(sql).empty());
    }
    if (!db.onServer()) {
        for (const char *sql : {"INSERT OR REPLACE INTO published_plans SELECT scenario_id, 1, published_at, "
                                "published_by, '{}' FROM published_plans",
                                "UPDATE OR REPLACE published_plans SET version = 1"}) {
            INFO(sql);
            CHECK_FALSE(db.rawSql(sql).empty());
        }
    }
    CHECK(store->publishedVersions(w.scenario.name) == std::vector<PublishedVersion>{first});
}

TEST_CASE("publish: changes since the published version, in a planner's words", "[publish]")
{
    const Scenario s = readScenario(lfrtest::smallScenarioText());
    const Plan plan = solve(s).plan;
    REQUIRE(plan.deployments.size() >= 2);
    std::vector<Deployment> next = plan.deployments;
    // One officer replaced by another who is in no crew of the plan.
    const CrewAssignment out = next[0].crew[0];
    std::string spare;
    for (const Officer &o : s.officers) {
        bool used = false;
        for (const Deployment &d : plan.deployments)
            for (const CrewAssignment &c : d.crew)
                used = used || c.officer == o.id;
        if (!used) {
            spare = o.id;
            break;
        }
    }
    REQUIRE(!spare.empty());
    next[0].crew[0].officer = spare;
    PlanChanges changes = comparePlans(plan.deployments, next);
    REQUIRE(changes.deployments.size() == 1);
    CHECK(changes.crewPlacesChanged() == 1);
    CHECK(changes.deployments[0].kind == DeploymentChange::Kind::Changed);
    auto lines = describeChanges(s, changes);
    REQUIRE(lines.size() == 1);
    CHECK(contains(lines[0], spare + " ("));
    CHECK(contains(lines[0], " replaces " + out.officer));
    CHECK(contains(lines[0], " in " + deploymentWords(s, next[0])));
    CHECK(comparePlans(plan.deployments, plan.deployments).empty());

    // A deployment removed, another's van changed.
    next = plan.deployments;
    const Deployment gone = next.back();
    next.pop_back();
    changes = comparePlans(plan.deployments, next);
    CHECK(changes.count(DeploymentChange::Kind::Removed) == 1);
    CHECK(changes.crewPlacesChanged() == 0);
    lines = describeChanges(s, changes);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind("removed: " + deploymentWords(s, gone), 0) == 0);
    // Added back: its whole crew are new places.
    changes = comparePlans(next, plan.deployments);
    CHECK(changes.count(DeploymentChange::Kind::Added) == 1);
    CHECK(changes.crewPlacesChanged() == gone.crew.size());
    CHECK(shortDate(*parseDate("2026-12-12")) == "Sat 12 Dec");
}

TEST_CASE("cli: publish freezes the saved plan, lists the versions, and refuses an invalid plan with exit 1",
          "[publish][cli]")
{
    lfrtest::ScratchDir dir;
    const std::string file = (dir / "week.db").string();
    Week w;
    {
        const auto store = openStorage(file);
        w = storedWeek(*store);
    }
    const auto cli = [&](const std::vector<std::string> &args) { return lfrtest::runProcess(LFRPLAN_CLI, args, dir); };
    auto run = cli({"publish", file, w.scenario.name});
    INFO(run.err);
    CHECK(run.exitCode == 0);
    CHECK(contains(run.out, "published version 1 of scenario \"" + w.scenario.name + "\""));
    run = cli({"publish", file, w.scenario.name});
    CHECK(run.exitCode == 2);
    CHECK(contains(run.err, "those of published version 1"));
    {
        Plan bad = w.plan;
        bad.deployments[0].crew.push_back(bad.deployments[0].crew.front());
        openStorage(file)->savePlan(w.scenario.name, bad);
    }
    run = cli({"publish", file, w.scenario.name});
    CHECK(run.exitCode == 1);
    CHECK(contains(run.err, "cannot be published"));
    run = cli({"publish", file, w.scenario.name, "--list"});
    CHECK(run.exitCode == 0);
    CHECK(contains(run.out, "\n      1  "));
    CHECK_FALSE(contains(run.out, "\n      2  "));
}

TEST_CASE("adversary: on the server a hand-written publish is stamped and audited, and only a planner may publish",
          "[.postgres][adversarial][publish]")
{
    lfrtest::TempStore db;
    const auto store = plannerStore(db);
    Week w = storedWeek(*store);
    publishSavedPlan(*store, w.scenario.name);
    lfrtest::Session planner(db.locationAs("planner_pat"));
    lfrtest::Session commander(db.locationAs("commander_kim"));
    lfrtest::Session auditor(db.locationAs("auditor_ali"));
    lfrtest::Session admin(db.location());
    const std::string copy = "INSERT INTO published_plans (scenario_id, version, published_at, published_by, plan) "
                             "SELECT scenario_id, 1, '2020-01-01T00:00:00Z', 'commander_kim', plan "
                             "FROM published_plans";
    // Not a planner: refused by the grants.
    CHECK(commander.run(copy) == lfrtest::kInsufficientPrivilege);
    CHECK(auditor.run(copy) == lfrtest::kInsufficientPrivilege);
    // A planner's hand-written insert: the server numbers it, names the
    // planner and the time, and writes the audit entry.
    CHECK(planner.run(copy).empty());
    CHECK(admin.column("SELECT version || ' ' || published_by FROM published_plans ORDER BY version") ==
          std::vector<std::string>{"1 " + store->actor(), "2 planner_pat"});
    CHECK(admin.column("SELECT published_at > '2026' FROM published_plans WHERE version = 2") ==
          std::vector<std::string>{"t"});
    CHECK(admin.column("SELECT count(*) FROM audit_log WHERE action = 'plan.published' AND actor = 'planner_pat' "
                       "AND new_value::json->>'version' = '2'") == std::vector<std::string>{"1"});
    // Nobody changes or removes one, the planner and the administrator included.
    for (auto *session : {&planner, &admin}) {
        CHECK_FALSE(session->run("UPDATE published_plans SET published_by = 'x'").empty());
        CHECK_FALSE(session->run("DELETE FROM published_plans").empty());
        CHECK_FALSE(session->run("TRUNCATE published_plans").empty());
    }
    CHECK(store->publishedVersions(w.scenario.name).size() == 2);
    CHECK(store->verifyAuditTrail().ok());
}

TEST_CASE("publish: a saved plan without its figures is published with them and reads back", "[publish][both]")
{
    lfrtest::TempStore db;
    const auto store = plannerStore(db);
    Week w = storedWeek(*store);
    Plan bare = w.plan;
    bare.figures.reset();
    bare.bound.reset();
    bare.status = PlanStatus::Feasible;
    store->savePlan(w.scenario.name, bare);
    const PublishedVersion v = publishSavedPlan(*store, w.scenario.name);
    const auto last = store->lastPublished(w.scenario.name); // threw "objective: must be a number" before
    REQUIRE(last);
    REQUIRE(last->plan.figures);
    CHECK(last->plan.deployments == w.plan.deployments);
    CHECK(std::abs(last->plan.figures->objective - w.plan.figures->objective) <= 1e-9);
    CHECK(v.version == 1);
}
