// The bundled demo week: read through the strict reader, sized as the
// mission's 2025 restructure describes, and feasible to staff in full.
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/validator.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

using namespace lfr;

namespace {

std::filesystem::path dataFile(const char *name) { return std::filesystem::path(LFRPLAN_DATA_DIR) / name; }

const Scenario &demo()
{
    static const Scenario scenario = readScenarioFile(dataFile("demo-week.json"));
    return scenario;
}

} // namespace

TEST_CASE("demo week: teams sized as the 2025 restructure describes", "[demo]")
{
    std::map<std::string, int> sizes;
    for (const Officer &o : demo().officers)
        ++sizes[o.team];
    CHECK(sizes.at("west-end") == 240);          // 160 + the 50% rise of 80
    CHECK(sizes.at("public-order-crime") == 63); // the new public order crime team
    CHECK(sizes.at("flying-squad") >= 50);       // with its 50 extra
    for (const char *hotspotTeam : {"brixton", "kingston", "ealing", "finsbury-park", "southwark", "spitalfields"})
        CHECK(sizes.at(hotspotTeam) >= 15); // each with its share of the 90 extra
    CHECK(sizes.count("lfr-unit") == 1);
    CHECK(demo().officers.size() >= 600);
    CHECK(demo().officers.size() <= 1000);
}

TEST_CASE("demo week: horizon, policy, hotspots, vans and rosters", "[demo]")
{
    const Scenario &s = demo();
    CHECK(s.dates.size() == 7);
    CHECK(s.policy.maxDeployments == 10);
    CHECK(s.policy.maxDays == 5);
    CHECK(s.vans.size() == 3);
    CHECK(s.hotspots.size() >= 15);
    std::set<std::string> windows;
    for (const Window &w : s.windows)
        windows.insert(w.id);
    CHECK(windows.count("day") == 1);
    CHECK(windows.count("evening") == 1);
    std::set<std::string> shiftsUsed;
    std::size_t restDays = 0;
    for (const Officer &o : s.officers) {
        for (const auto &[date, shift] : o.roster)
            shiftsUsed.insert(shift);
        restDays += s.dates.size() - o.roster.size();
    }
    CHECK(shiftsUsed.count("early") == 1);
    CHECK(shiftsUsed.count("late") == 1);
    CHECK(shiftsUsed.count("night") == 1);
    CHECK(restDays >= s.officers.size()); // everyone has rest days
    std::set<Rank> ranks;
    for (const Officer &o : s.officers)
        ranks.insert(o.rank);
    CHECK(ranks.count(Rank::PC) == 1);
    CHECK(ranks.count(Rank::PS) == 1);
    CHECK(ranks.count(Rank::Insp) == 1);
    for (const Hotspot &h : s.hotspots)
        CHECK(h.value > 0);
}

TEST_CASE("demo week: its witness plan staffs 10 deployments on 5 days within every rule", "[demo]")
{
    const Plan plan = readPlanFile(dataFile("demo-week-witness-plan.json"));
    CHECK(plan.deployments.size() == 10);
    const ValidationReport report = validatePlan(demo(), plan.deployments);
    for (const Violation &v : report.violations)
        UNSCOPED_INFO(v.message);
    CHECK(report.valid());
    REQUIRE(plan.figures.has_value());
    CHECK(report.evaluation.objective == Approx(plan.figures->objective).epsilon(1e-9));
}

TEST_CASE("demo week: writes out and reads back equal", "[demo]")
{
    CHECK(readScenario(writeScenario(demo())) == demo());
}
