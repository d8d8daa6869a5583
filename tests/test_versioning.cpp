// Optimistic versioning (issue 8), on both databases: two planners change
// the same scenario; the second save is refused with a ConflictError that
// names what changed underneath, and nothing of either is lost.
#include "lfrplan/errors.h"
#include "lfrplan/storage.h"

#include "safeguard_fixtures.h"
#include "tools/temp_store.h"

#include <catch2/catch.hpp>

using namespace lfr;
using lfrtest::TempStore;

namespace {

Plan planOf(const Scenario &s, std::size_t deployments)
{
    Plan plan;
    plan.scenario = s.name;
    plan.status = PlanStatus::Feasible;
    for (std::size_t i = 0; i < deployments; ++i)
        plan.deployments.push_back({s.dates[i], s.windows[0].id, s.hotspots[i].id, s.vans[0].id, {}});
    return plan;
}

} // namespace

TEST_CASE("versioning: each change to a scenario raises its revision", "[versioning][both]")
{
    TempStore file;
    const auto store = openStorage(file.location());
    const Scenario s = lfrtest::demoWeek();
    store->importScenario(s, ImportMode::FailIfExists);
    CHECK(store->revision(s.name) == 1);
    CHECK(store->expectedRevision(s.name) == 1);
    store->savePlan(s.name, planOf(s, 2));
    CHECK(store->revision(s.name) == 2);
    store->saveNotes(s.name, "first note");
    CHECK(store->revision(s.name) == 3);
    store->saveNotes(s.name, "first note"); // unchanged: no new revision
    CHECK(store->revision(s.name) == 3);
    store->importScenario(s, ImportMode::Replace); // unchanged: nothing written, no new revision
    CHECK(store->revision(s.name) == 3);
    Scenario changed = s;
    changed.policy.maxDays -= 1;
    store->importScenario(changed, ImportMode::Replace);
    CHECK(store->revision(s.name) == 4);
    store->renameScenario(s.name, "renamed");
    CHECK(store->revision("renamed") == 5);
    CHECK(store->expectedRevision("renamed") == 5);
    CHECK_FALSE(store->expectedRevision(s.name));
    CHECK_THROWS_WITH(store->revision(s.name), Catch::Contains("no scenario"));
}

TEST_CASE("versioning: the second of two planners' saves is refused, naming the change", "[versioning][both]")
{
    TempStore file;
    const Scenario s = lfrtest::demoWeek();
    openStorage(file.location())->importScenario(s, ImportMode::FailIfExists);

    const auto first = file.openAs("planner_pat");
    const auto second = file.openAs("both_bo");
    const Scenario mine = first->loadScenario(s.name);
    const Scenario theirs = second->loadScenario(s.name);
    CHECK(mine == theirs);

    first->savePlan(s.name, planOf(s, 3));
    try {
        second->savePlan(s.name, planOf(s, 1));
        FAIL("a save over a newer revision must be refused");
    } catch (const ConflictError &conflict) {
        CHECK(conflict.scenario() == s.name);
        CHECK(conflict.expectedRevision() == 1);
        CHECK(conflict.foundRevision() == 2);
        REQUIRE_FALSE(conflict.changes().empty());
        CHECK(conflict.changes().back().action == "plan.saved");
        CHECK(conflict.changes().back().actor == "planner_pat");
        const std::string message = conflict.what();
        CHECK_THAT(message, Catch::Contains("was changed since you read it"));
        CHECK_THAT(message, Catch::Contains("revision 1, it is now at revision 2"));
        CHECK_THAT(message, Catch::Contains("nothing of yours was saved"));
        CHECK_THAT(message, Catch::Contains("plan.deployment.added"));
    }
    // The first planner's plan is intact, the second's was not written.
    CHECK(second->loadPlan(s.name) == planOf(s, 3));
    // Reloading takes the newer revision as the base: the retry goes through.
    second->loadScenario(s.name);
    second->savePlan(s.name, planOf(s, 1));
    CHECK(first->loadPlan(s.name) == planOf(s, 1));
    // ... and now the first planner is the stale one.
    CHECK_THROWS_AS(first->saveNotes(s.name, "stale"), ConflictError);
    CHECK(first->loadNotes(s.name).empty());
}

TEST_CASE("versioning: data, notes, rename and delete are all checked", "[versioning][both]")
{
    TempStore file;
    const Scenario s = lfrtest::demoWeek();
    const auto a = openStorage(file.location());
    const auto b = openStorage(file.location());
    a->importScenario(s, ImportMode::FailIfExists);
    a->loadScenario(s.name);
    b->loadScenario(s.name);

    Scenario edited = s;
    edited.officers[0].maxDuties = 1;
    b->importScenario(edited, ImportMode::Replace);
    // a's Replace, notes, rename and delete are all stale now.
    Scenario other = s;
    other.policy.maxDeployments = 4;
    CHECK_THROWS_AS(a->importScenario(other, ImportMode::Replace), ConflictError);
    CHECK_THROWS_AS(a->saveNotes(s.name, "x"), ConflictError);
    CHECK_THROWS_AS(a->renameScenario(s.name, "y"), ConflictError);
    CHECK_THROWS_AS(a->deleteScenario(s.name), ConflictError);
    CHECK(b->loadScenario(s.name) == edited);
    try {
        a->savePlan(s.name, planOf(s, 1));
        FAIL("stale");
    } catch (const ConflictError &conflict) {
        REQUIRE(conflict.changes().size() == 1);
        CHECK(conflict.changes()[0].action == "scenario.officers.changed");
        CHECK(conflict.changes()[0].subject == s.name + " / " + s.officers[0].id);
    }

    // A rename underneath: the scenario is gone under its old name.
    a->loadScenario(s.name);
    b->loadNotes(s.name); // b already expects the current revision
    b->renameScenario(s.name, "moved");
    try {
        a->savePlan(s.name, planOf(s, 1));
        FAIL("renamed underneath");
    } catch (const ConflictError &conflict) {
        CHECK(conflict.foundRevision() == 0);
        CHECK_THAT(conflict.what(), Catch::Contains("was renamed or deleted since you read it"));
        REQUIRE(conflict.changes().size() == 1);
        CHECK(conflict.changes()[0].action == "scenario.rename");
    }
    CHECK(a->hasScenario("moved"));
    CHECK_FALSE(a->hasScenario(s.name));
}

TEST_CASE("versioning: a scenario this store never read is saved without a check", "[versioning][both]")
{
    TempStore file;
    const Scenario s = lfrtest::demoWeek();
    const auto a = openStorage(file.location());
    a->importScenario(s, ImportMode::FailIfExists);
    a->savePlan(s.name, planOf(s, 2));
    const auto blind = openStorage(file.location());
    CHECK_FALSE(blind->expectedRevision(s.name));
    blind->saveNotes(s.name, "written without reading");
    CHECK(blind->expectedRevision(s.name) == 3);
    CHECK(a->loadNotes(s.name) == "written without reading");
}

TEST_CASE("versioning: a Replace import keeps the scenario's notes and authorisation records", "[versioning][both]")
{
    TempStore file;
    const Scenario s = lfrtest::demoWeek();
    const auto store = openStorage(file.location());
    store->importScenario(s, ImportMode::FailIfExists);
    store->saveNotes(s.name, "why this week");
    store->saveAuthorisation(s.name, lfrtest::storableAuthorisation(s));
    const auto records = store->loadAuthorisations(s.name);
    REQUIRE(records.size() == 1);
    const std::string created = store->listScenarios().at(0).createdAt;

    Scenario edited = s;
    edited.policy.maxDeployments = 4;
    store->importScenario(edited, ImportMode::Replace);
    CHECK(store->loadScenario(s.name) == edited);
    CHECK(store->loadNotes(s.name) == "why this week");
    CHECK(store->loadAuthorisations(s.name) == records);
    CHECK(store->listScenarios().at(0).createdAt == created);
}

TEST_CASE("versioning: a Replace of a scenario renamed meanwhile is refused, not recreated", "[versioning][both]")
{
    TempStore file;
    const Scenario s = lfrtest::demoWeek();
    const auto a = openStorage(file.location());
    const auto b = openStorage(file.location());
    a->importScenario(s, ImportMode::FailIfExists);
    b->loadScenario(s.name);
    a->renameScenario(s.name, "moved");
    try {
        b->importScenario(s, ImportMode::Replace);
        FAIL("a Replace over a renamed scenario must be refused");
    } catch (const ConflictError &conflict) {
        CHECK(conflict.foundRevision() == 0);
        REQUIRE(conflict.changes().size() == 1);
        CHECK(conflict.changes()[0].action == "scenario.rename");
    }
    CHECK_FALSE(a->hasScenario(s.name));
    CHECK(a->listScenarios().size() == 1);
}

TEST_CASE("versioning: peeking at a scenario leaves the expected revision alone", "[versioning][both]")
{
    TempStore file;
    const Scenario s = lfrtest::demoWeek();
    const auto a = openStorage(file.location());
    const auto b = openStorage(file.location());
    a->importScenario(s, ImportMode::FailIfExists);
    b->loadScenario(s.name);
    a->saveNotes(s.name, "a's change");
    CHECK(b->peekScenario(s.name) == s);
    CHECK(b->expectedRevision(s.name) == 1);
    CHECK_THROWS_AS(b->saveNotes(s.name, "b's change"), ConflictError);
}
