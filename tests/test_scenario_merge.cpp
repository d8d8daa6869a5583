// Re-applying a planner's edits onto a newer stored version (issue 8):
// lfr::reapplyChanges, the three-way merge behind the app's "Reload and
// re-apply my changes".
#include "lfrplan/safeguards.h"
#include "lfrplan/scenario_merge.h"

#include "safeguard_fixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace lfr;

namespace {

Deployment deployment(const Scenario &s, std::size_t hotspot, std::size_t date, std::size_t van)
{
    return {s.dates.at(date), s.windows[0].id, s.hotspots.at(hotspot).id, s.vans.at(van).id, {}};
}

// The demo week with a plan of three deployments on three days.
PlanState demoBase()
{
    PlanState base;
    base.scenario = lfrtest::demoWeek();
    const Scenario &s = base.scenario;
    base.deployments = {deployment(s, 0, 0, 0), deployment(s, 1, 1, 0), deployment(s, 2, 2, 1)};
    return base;
}

const Deployment *findDeployment(const std::vector<Deployment> &plan, const Deployment &like)
{
    const auto it =
        std::find_if(plan.begin(), plan.end(), [&](const Deployment &d) { return keyOf(d) == keyOf(like); });
    return it == plan.end() ? nullptr : &*it;
}

template <class Record> const Record *byId(const std::vector<Record> &list, const std::string &id)
{
    const auto it = std::find_if(list.begin(), list.end(), [&](const Record &r) { return r.id == id; });
    return it == list.end() ? nullptr : &*it;
}

bool hasLine(const MergeResult &r, const std::string &line)
{
    return std::find(r.lines.begin(), r.lines.end(), line) != r.lines.end();
}

std::string what(const Deployment &d) { return "deployment " + describeKey(keyOf(d)); }

} // namespace

TEST_CASE("merge: nothing of mine changed gives theirs exactly", "[merge]")
{
    const PlanState base = demoBase();
    PlanState theirs = base;
    theirs.scenario.officers[3].name = "Changed Elsewhere";
    theirs.deployments.pop_back();
    theirs.scenario.policy.maxDeployments = 4;
    const MergeResult r = reapplyChanges(base, base, theirs);
    CHECK(r.merged.scenario == theirs.scenario);
    CHECK(r.merged.deployments == theirs.deployments);
    CHECK(r.lines.empty());
    CHECK(r.overlaps == 0);
}

TEST_CASE("merge: edits that do not overlap both survive", "[merge]")
{
    const PlanState base = demoBase();
    const Scenario &s = base.scenario;
    PlanState mine = base;
    PlanState theirs = base;
    // Mine: an officer's duties, a hotspot's value, a deployment moved to
    // another van, one added.
    mine.scenario.officers[0].maxDuties = 1;
    mine.scenario.hotspots[4].value = 123.5;
    mine.deployments[1].van = s.vans[2].id;
    const Deployment myNew = deployment(s, 5, 4, 2);
    mine.deployments.push_back(myNew);
    // Theirs: another officer's rank, the policy, another deployment's crew,
    // a deployment removed, one added.
    theirs.scenario.officers[1].rank = Rank::PS;
    theirs.scenario.policy.maxDays = 4;
    theirs.deployments[0].crew = {{s.officers[7].id, s.roles[0].id}};
    theirs.deployments.erase(theirs.deployments.begin() + 2);
    const Deployment theirNew = deployment(s, 6, 5, 1);
    theirs.deployments.push_back(theirNew);

    const MergeResult r = reapplyChanges(base, mine, theirs);
    // Both sides' scenario edits.
    CHECK(r.merged.scenario.officers[0].maxDuties == 1);
    CHECK(r.merged.scenario.hotspots[4].value == 123.5);
    CHECK(r.merged.scenario.officers[1].rank == Rank::PS);
    CHECK(r.merged.scenario.policy.maxDays == 4);
    CHECK(r.merged.scenario.name == theirs.scenario.name);
    // Both sides' plan edits: their crew, my van, their removal, both additions.
    REQUIRE(r.merged.deployments.size() == 4);
    REQUIRE(findDeployment(r.merged.deployments, base.deployments[0]));
    CHECK(findDeployment(r.merged.deployments, base.deployments[0])->crew == theirs.deployments[0].crew);
    REQUIRE(findDeployment(r.merged.deployments, base.deployments[1]));
    CHECK(findDeployment(r.merged.deployments, base.deployments[1])->van == s.vans[2].id);
    CHECK_FALSE(findDeployment(r.merged.deployments, base.deployments[2]));
    CHECK(findDeployment(r.merged.deployments, myNew));
    CHECK(findDeployment(r.merged.deployments, theirNew));
    // Every line is a change of mine, and none overlaps.
    CHECK(r.overlaps == 0);
    CHECK(r.lines.size() == 4);
    CHECK(hasLine(r, "officer " + s.officers[0].id + ": your change re-applied"));
    CHECK(hasLine(r, "hotspot " + s.hotspots[4].id + ": your change re-applied"));
    CHECK(hasLine(r, what(base.deployments[1]) + ": your change re-applied (moved to van " + s.vans[2].id + ")"));
    CHECK(hasLine(r, what(myNew) + ": added (yours)"));
}

TEST_CASE("merge: a record or part changed by both keeps mine and is listed", "[merge]")
{
    const PlanState base = demoBase();
    const Scenario &s = base.scenario;
    PlanState mine = base;
    PlanState theirs = base;
    mine.scenario.officers[0].name = "Mine";
    theirs.scenario.officers[0].name = "Theirs";
    mine.scenario.policy.maxDeployments = 8;
    theirs.scenario.policy.maxDeployments = 6;
    // The same change on both sides is no overlap and needs no line.
    mine.scenario.teams[2].minOnDuty = 1;
    theirs.scenario.teams[2].minOnDuty = 1;
    // A deployment both changed differently.
    mine.deployments[0].van = s.vans[1].id;
    theirs.deployments[0].van = s.vans[2].id;

    const MergeResult r = reapplyChanges(base, mine, theirs);
    CHECK(r.merged.scenario.officers[0].name == "Mine");
    CHECK(r.merged.scenario.policy.maxDeployments == 8);
    CHECK(r.merged.scenario.teams[2].minOnDuty == 1);
    REQUIRE(findDeployment(r.merged.deployments, base.deployments[0]));
    CHECK(findDeployment(r.merged.deployments, base.deployments[0])->van == s.vans[1].id);
    CHECK(r.overlaps == 3);
    CHECK(r.lines.size() == 3);
    CHECK(hasLine(r, "officer " + s.officers[0].id + ": changed by both; yours kept"));
    CHECK(hasLine(r, "policy: changed by both; yours kept"));
    CHECK(hasLine(r, what(base.deployments[0]) + ": changed by both; yours kept"));
    CHECK_FALSE(hasLine(r, "team " + s.teams[2].id + ": changed by both; yours kept"));
}

TEST_CASE("merge: deployments added, removed and changed on either side", "[merge]")
{
    const PlanState base = demoBase();
    const Scenario &s = base.scenario;
    PlanState mine = base;
    PlanState theirs = base;
    // I change deployment 0; they remove it: mine comes back, as an overlap.
    mine.deployments[0].crew = {{s.officers[2].id, s.roles[0].id}};
    theirs.deployments.erase(theirs.deployments.begin());
    // I remove deployment 1; they change it: removed, as an overlap.
    mine.deployments.erase(mine.deployments.begin() + 1);
    theirs.deployments[0].van = s.vans[2].id; // (theirs' 0 is base's 1 now)
    // I remove deployment 2; they leave it: removed.
    mine.deployments.pop_back();
    // I add one that they removed nothing of: added.
    const Deployment added = deployment(s, 7, 6, 0);
    mine.deployments.push_back(added);

    const MergeResult r = reapplyChanges(base, mine, theirs);
    REQUIRE(r.merged.deployments.size() == 2);
    REQUIRE(findDeployment(r.merged.deployments, base.deployments[0]));
    CHECK(*findDeployment(r.merged.deployments, base.deployments[0]) == mine.deployments[0]);
    CHECK_FALSE(findDeployment(r.merged.deployments, base.deployments[1]));
    CHECK_FALSE(findDeployment(r.merged.deployments, base.deployments[2]));
    CHECK(findDeployment(r.merged.deployments, added));
    CHECK(r.overlaps == 2);
    CHECK(hasLine(r, what(base.deployments[0]) + ": you changed it, they removed it; yours kept"));
    CHECK(hasLine(r, what(base.deployments[1]) + ": you removed it, they changed it; removed (yours kept)"));
    CHECK(hasLine(r, what(base.deployments[2]) + ": removed (yours)"));
    CHECK(hasLine(r, what(added) + ": added (yours)"));
}

TEST_CASE("merge: my deployment added where they removed theirs, and with no plan on either side", "[merge]")
{
    PlanState base = demoBase();
    const Scenario &s = base.scenario;
    SECTION("they removed the plan's deployments; mine are added onto none")
    {
        PlanState mine = base;
        const Deployment added = deployment(s, 3, 3, 1);
        mine.deployments.push_back(added);
        PlanState theirs = base;
        theirs.deployments.clear();
        const MergeResult r = reapplyChanges(base, mine, theirs);
        REQUIRE(r.merged.deployments.size() == 1);
        CHECK(r.merged.deployments[0] == added);
        CHECK(r.lines == std::vector<std::string>{what(added) + ": added (yours)"});
    }
    SECTION("no plan was stored when I read it, nor now")
    {
        base.deployments.clear();
        PlanState mine = base;
        mine.deployments = {deployment(s, 0, 0, 0), deployment(s, 1, 1, 1)};
        PlanState theirs = base;
        theirs.scenario.vans[0].maxPerDate = 2;
        const MergeResult r = reapplyChanges(base, mine, theirs);
        CHECK(r.merged.deployments == mine.deployments);
        CHECK(r.merged.scenario.vans[0].maxPerDate == 2);
        CHECK(r.lines.size() == 2);
        CHECK(r.overlaps == 0);
    }
}

TEST_CASE("merge: records added and removed by id, in place", "[merge]")
{
    const PlanState base = demoBase();
    const Scenario &s = base.scenario;
    PlanState mine = base;
    PlanState theirs = base;
    // I add a van after the first; they remove the last van.
    Van spare;
    spare.id = "LFR-SPARE";
    spare.name = "Spare van";
    mine.scenario.vans.insert(mine.scenario.vans.begin() + 1, spare);
    theirs.scenario.vans.pop_back();
    // I remove a hotspot they left alone, and one they changed.
    mine.scenario.hotspots.erase(mine.scenario.hotspots.begin() + 17);
    mine.scenario.hotspots.erase(mine.scenario.hotspots.begin() + 16);
    theirs.scenario.hotspots[16].value = 0.5;
    // I change an officer they removed.
    mine.scenario.officers[9].skills.push_back("first aid");
    theirs.scenario.officers.erase(theirs.scenario.officers.begin() + 9);

    const MergeResult r = reapplyChanges(base, mine, theirs);
    REQUIRE(r.merged.scenario.vans.size() == 3);
    CHECK(r.merged.scenario.vans[0].id == s.vans[0].id);
    CHECK(r.merged.scenario.vans[1] == spare);
    CHECK(r.merged.scenario.vans[2].id == s.vans[1].id);
    CHECK(r.merged.scenario.hotspots.size() == 16);
    CHECK_FALSE(byId(r.merged.scenario.hotspots, s.hotspots[16].id));
    CHECK_FALSE(byId(r.merged.scenario.hotspots, s.hotspots[17].id));
    // The officer comes back with my change, where it was.
    REQUIRE(r.merged.scenario.officers.size() == s.officers.size());
    CHECK(r.merged.scenario.officers[9] == mine.scenario.officers[9]);
    CHECK(r.overlaps == 2);
    CHECK(hasLine(r, "van LFR-SPARE: added (yours)"));
    CHECK(hasLine(r, "hotspot " + s.hotspots[17].id + ": removed (yours)"));
    CHECK(hasLine(r, "hotspot " + s.hotspots[16].id + ": you removed it, they changed it; removed (yours kept)"));
    CHECK(hasLine(r, "officer " + s.officers[9].id + ": you changed it, they removed it; yours kept"));
    CHECK_FALSE(hasLine(r, "van " + s.vans[2].id + ": removed (yours)"));
}

TEST_CASE("merge: pins, dates and the default crew go as wholes", "[merge]")
{
    const PlanState base = demoBase();
    const Scenario &s = base.scenario;
    PlanState mine = base;
    PlanState theirs = base;
    const Deployment &d = base.deployments[0];
    mine.scenario.pinned.push_back(Pin{d.hotspot, d.date, d.window, d.van, {}});
    mine.scenario.crew[s.roles[0].id] += 1;
    theirs.scenario.dates.pop_back();
    theirs.scenario.crew[s.roles[0].id] += 2;

    const MergeResult r = reapplyChanges(base, mine, theirs);
    CHECK(r.merged.scenario.pinned == mine.scenario.pinned);
    CHECK(r.merged.scenario.crew == mine.scenario.crew);
    CHECK(r.merged.scenario.dates == theirs.scenario.dates);
    CHECK(hasLine(r, "pins: your change re-applied"));
    CHECK(hasLine(r, "default crew: changed by both; yours kept"));
    CHECK(r.overlaps == 1);
    CHECK(r.lines.size() == 2);
}
