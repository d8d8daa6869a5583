// The solver: valid, pinned, optimal plans; infeasible pins explained;
// cancellation and the time limit honoured with the best plan so far.
#include "brute_force.h"
#include "lfrplan/objective.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/solver.h"
#include "lfrplan/validator.h"
#include "test_support.h"
#include "tiny_scenarios.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace lfr;

namespace {

Scenario small() { return readScenario(lfrtest::smallScenarioText()); }

void requireValid(const Scenario &s, const SolveResult &r)
{
    const ValidationReport report = validatePlan(s, r.plan.deployments);
    for (const Violation &v : report.violations)
        UNSCOPED_INFO(v.message);
    REQUIRE(report.valid());
    REQUIRE(r.plan.figures.has_value());
    CHECK(objectivesTie(r.plan.figures->objective, report.evaluation.objective));
    REQUIRE(r.plan.bound.has_value());
    CHECK(*r.plan.bound >= r.plan.figures->objective - 1e-9);
}

} // namespace

TEST_CASE("solver: the small week is solved to proven optimality, keeping its pin", "[solver]")
{
    const Scenario s = small();
    const SolveResult r = solve(s);
    CHECK(r.plan.status == PlanStatus::Optimal);
    CHECK(r.plan.status == PlanStatus::Optimal);
    requireValid(s, r);
    CHECK(objectivesTie(*r.plan.bound, r.plan.figures->objective));
    const auto pinned = std::find_if(r.plan.deployments.begin(), r.plan.deployments.end(), [](const Deployment &d) {
        return d.hotspot == "oxford-circus" && formatDate(d.date) == "2026-12-07" && d.window == "day";
    });
    REQUIRE(pinned != r.plan.deployments.end());
    CHECK(pinned->van == "LFR-1");
    CHECK(std::count(pinned->crew.begin(), pinned->crew.end(), CrewAssignment{"MP1001", "silver"}) == 1);
    // The golden case small-repeat-decay is a valid plan worth 166.37: the optimum is at least that.
    CHECK(r.plan.figures->objective >= 166.3727654209827 - 1e-6);
    CHECK_FALSE(r.explanation.empty());
}

TEST_CASE("solver: the same seed gives the same plan", "[solver]")
{
    const Scenario s = small();
    SolverOptions o;
    o.seed = 42;
    CHECK(solve(s, o).plan == solve(s, o).plan);
}

TEST_CASE("solver: pins that cannot be met give infeasible with a reason naming them", "[solver]")
{
    Scenario s = small();
    SECTION("a window the hotspot does not allow")
    {
        s.pinned[0].hotspot = "brixton";
        s.pinned[0].date = *parseDate("2026-12-08");
        s.pinned[0].window = "day"; // Brixton allows only the evening
        s.pinned[0].crew.clear();
        const SolveResult r = solve(s);
        CHECK(r.plan.status == PlanStatus::Infeasible);
        CHECK(r.plan.status == PlanStatus::Infeasible);
        CHECK(r.plan.deployments.empty());
        CHECK_FALSE(r.plan.figures.has_value());
        REQUIRE(r.plan.reason.has_value());
        CHECK_THAT(*r.plan.reason, Catch::StartsWith("The pin of ") && Catch::Contains("window"));
    }
    SECTION("two pins on one slot")
    {
        s.pinned.push_back(s.pinned[0]);
        s.pinned[1].crew.clear();
        const SolveResult r = solve(s);
        CHECK(r.plan.status == PlanStatus::Infeasible);
        CHECK_THAT(r.plan.reason.value_or(""), Catch::Contains("another pin is on the same hotspot"));
    }
    SECTION("a pinned van that is unavailable")
    {
        s.pinned[0].date = *parseDate("2026-12-09"); // LFR-1 is unavailable on the 9th
        s.pinned[0].crew.clear();
        const SolveResult r = solve(s);
        CHECK(r.plan.status == PlanStatus::Infeasible);
        CHECK_FALSE(r.plan.reason.value_or("").empty());
    }
    SECTION("a pinned officer who is off duty")
    {
        s.pinned[0].window = "evening"; // MP1001 works an early shift on Monday
        const SolveResult r = solve(s);
        CHECK(r.plan.status == PlanStatus::Infeasible);
        CHECK_FALSE(r.plan.reason.value_or("").empty());
    }
}

TEST_CASE("solver: cancelling from the progress callback returns the best valid plan so far", "[solver]")
{
    const Scenario s = readScenarioFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json");
    int calls = 0;
    const SolveResult r = solve(s, {}, [&calls](const SolveProgress &p) {
        ++calls;
        CHECK(p.elapsedSeconds >= 0);
        return !p.incumbent.has_value() || *p.incumbent <= 0; // stop at the first real plan
    });
    CHECK(calls >= 1);
    CHECK(r.stop == SolveStop::Interrupted);
    CHECK(r.plan.status == PlanStatus::Feasible);
    requireValid(s, r);
    CHECK(r.plan.figures->objective > 0);
}

TEST_CASE("solver: the time limit stops the search with a valid plan and a bound", "[solver]")
{
    const Scenario s = readScenarioFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json");
    SolverOptions o;
    o.timeLimitSeconds = 1e-3;
    const SolveResult r = solve(s, o);
    CHECK(r.stop == SolveStop::TimeLimit);
    requireValid(s, r);
    CHECK(*r.plan.bound >= r.plan.figures->objective);
}

TEST_CASE("solver: unusable options are refused", "[solver]")
{
    SolverOptions o;
    o.timeLimitSeconds = 0;
    CHECK_THROWS_AS(solve(small(), o), std::invalid_argument);
    o.timeLimitSeconds = 1;
    o.relativeGap = -1;
    CHECK_THROWS_AS(solve(small(), o), std::invalid_argument);
}

TEST_CASE("solver: the optimum equals brute-force enumeration on tiny scenarios", "[solver]")
{
    int nonEmpty = 0;
    for (std::uint64_t seed = 1; seed <= 24; ++seed) {
        const Scenario s = lfrtest::tinyScenario(seed);
        const lfrtest::BruteForceResult truth = lfrtest::bruteForceOptimum(s);
        const SolveResult r = solve(s);
        INFO(s.name << ": brute force " << truth.objective << " over " << truth.plansChecked << " plans, solver "
                    << (r.plan.figures ? r.plan.figures->objective : -1));
        REQUIRE(r.plan.status == PlanStatus::Optimal);
        requireValid(s, r);
        CHECK(objectivesTie(r.plan.figures->objective, truth.objective));
        CHECK(objectivesTie(*r.plan.bound, truth.objective));
        nonEmpty += r.plan.deployments.empty() ? 0 : 1;
    }
    CHECK(nonEmpty >= 15); // the cases are not trivially empty
}

TEST_CASE("solver: the explanation names the limits that bind the plan", "[solver]")
{
    Scenario s = readScenarioFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json");
    s.policy.maxDays = 1;
    s.policy.maxDeployments = 4;
    const SolveResult r = solve(s);
    REQUIRE(r.plan.status == PlanStatus::Optimal);
    requireValid(s, r);
    auto says = [&](const std::string &text) {
        return std::any_of(r.explanation.begin(), r.explanation.end(),
                           [&](const std::string &line) { return line.find(text) != std::string::npos; });
    };
    for (const std::string &line : r.explanation)
        UNSCOPED_INFO(line);
    CHECK(says("Limits the plan meets exactly"));
    CHECK(says("The limit of 1 day with deployments: it is used; it keeps out "));
    for (const std::string jargon :
         {"max_days", "max_deployments", "max_per_date", "max_per_horizon", "max_duties", "Deployment "}) {
        INFO(jargon);
        CHECK_FALSE(says(jargon));
    }
    CHECK(says("every available van is in use (3 deployments)"));
    CHECK(says("which could add up to "));
    // Relaxing the days lets a better plan through: the limit really binds.
    Scenario relaxed = s;
    relaxed.policy.maxDays = 2;
    CHECK(solve(relaxed).plan.figures->objective > r.plan.figures->objective + 1e-6);
}
