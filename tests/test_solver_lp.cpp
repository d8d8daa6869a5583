// Issue 19: the LP bound (solver_lp.h) and crews by classes (crew_lp.h),
// checked against brute force, the flow-based crew assigner and the solver
// without them.
#include "brute_force.h"
#include "crew_lp.h"
#include "solver_bound.h"
#include "solver_lp.h"
#include "tiny_scenarios.h"

#include "lfrplan/crew_assignment.h"
#include "lfrplan/generator.h"
#include "lfrplan/objective.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/solver.h"
#include "lfrplan/validator.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

using namespace lfr;

namespace {

// Every slot a hotspot allows (travel bounds left at 0: the LP does not use them).
std::vector<Candidate> allSlots(const ScenarioIndex &ix)
{
    const Scenario &sc = ix.scenario();
    std::vector<Candidate> out;
    for (std::size_t h = 0; h < sc.hotspots.size(); ++h)
        for (std::size_t t = 0; t < sc.dates.size(); ++t)
            for (std::size_t w = 0; w < sc.windows.size(); ++w) {
                const auto m = ix.windowMultiplier(h, w);
                if (!m || !ix.hotspotAllowsDate(h, t))
                    continue;
                const double v = sc.hotspots[h].value * *m *
                                 sc.hotspots[h].weekdayFactor[static_cast<std::size_t>(weekdayIndex(sc.dates[t]))];
                out.push_back(Candidate{h, t, w, v, 0.0});
            }
    return out;
}

const auto kFar = std::chrono::steady_clock::now() + std::chrono::hours(1);

Scenario family(const char *name, std::uint64_t seed)
{
    std::optional<GeneratorOptions> o = generatorFamily(name);
    REQUIRE(o);
    o->seed = seed;
    return generateScenario(*o);
}

} // namespace

TEST_CASE("LP bound: never below the brute-force optimum, in the whole week and around its best plan", "[solver][lp]")
{
    int tighter = 0;
    for (std::uint64_t seed = 1; seed <= 24; ++seed) {
        const Scenario s = lfrtest::tinyScenario(seed);
        const ScenarioIndex ix(s);
        const FlowBound caps(ix);
        const std::vector<Candidate> slots = allSlots(ix);
        if (slots.empty())
            continue;
        const lfrtest::BruteForceResult truth = lfrtest::bruteForceOptimum(s);
        SlotLp lp(ix, caps, {}, slots);
        const SlotLp::Bound root = lp.bound(kFar);
        INFO(s.name << ": brute force " << truth.objective << ", LP " << root.value);
        REQUIRE(root.solved);
        REQUIRE(root.complete);
        CHECK(root.value >= truth.objective - 1e-6);
        // The region holding exactly the best plan's slots still bounds it.
        for (std::size_t j = 0; j < slots.size(); ++j) {
            bool used = false;
            for (const Deployment &d : truth.plan)
                used = used || (ix.hotspot(d.hotspot) == slots[j].hotspot && ix.date(d.date) == slots[j].date &&
                                ix.window(d.window) == slots[j].window);
            lp.fix(j, used ? SlotLp::Fix::In : SlotLp::Fix::Out);
        }
        const SlotLp::Bound around = lp.bound(kFar);
        REQUIRE(around.solved);
        CHECK_FALSE(around.infeasible);
        CHECK(around.value >= truth.objective - 1e-6);
        CHECK(around.value <= root.value + 1e-6);
        tighter += around.value < root.value - 1e-6 ? 1 : 0;
    }
    CHECK(tighter > 0); // the fixings do reach the bound
}

TEST_CASE("LP bound: a region with no plan is infeasible, and freeing it restores the bound", "[solver][lp]")
{
    const Scenario s = family("s-like", 1);
    const ScenarioIndex ix(s);
    const FlowBound caps(ix);
    const std::vector<Candidate> slots = allSlots(ix);
    SlotLp lp(ix, caps, {}, slots);
    const double root = lp.bound(kFar).value;
    // More slots than max_deployments forced in.
    for (std::size_t j = 0; j < slots.size() && j <= static_cast<std::size_t>(s.policy.maxDeployments) * 3; ++j)
        lp.fix(j, SlotLp::Fix::In);
    CHECK(lp.bound(kFar).infeasible);
    for (std::size_t j = 0; j < slots.size(); ++j)
        lp.fix(j, SlotLp::Fix::Free);
    CHECK(lp.bound(kFar).value == Approx(root).epsilon(1e-9));
}

TEST_CASE("LP search: the same optimum with and without the LP bound, on the harder families", "[solver][lp]")
{
    for (const char *name : {"s-like", "event"}) {
        for (std::uint64_t seed = 1; seed <= 2; ++seed) {
            const Scenario s = family(name, seed);
            SolverOptions with;
            with.timeLimitSeconds = 120;
            SolverOptions without = with;
            without.lpBound = false;
            const SolveResult a = solve(s, with);
            const SolveResult b = solve(s, without);
            INFO(s.name);
            REQUIRE(a.plan.status == PlanStatus::Optimal);
            REQUIRE(b.plan.status == PlanStatus::Optimal);
            CHECK(validatePlan(s, a.plan.deployments).valid());
            CHECK(objectivesTie(a.plan.figures->objective, b.plan.figures->objective));
        }
    }
}

TEST_CASE("crews by classes: the same minimum travel as the flow-based assigner, valid crews", "[solver][lp][crew]")
{
    std::mt19937_64 random(19);
    int compared = 0, infeasible = 0;
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        const Scenario s = seed <= 24 ? lfrtest::tinyScenario(seed) : family("s-like", seed - 24);
        const ScenarioIndex ix(s);
        const std::vector<Candidate> slots = allSlots(ix);
        for (int round = 0; round < 6 && !slots.empty(); ++round) {
            // A random set of slots, one per (hotspot, date), each with a van name.
            std::vector<Deployment> deployments;
            std::vector<bool> taken(s.hotspots.size() * s.dates.size(), false);
            const std::size_t want = 1 + random() % std::min<std::size_t>(slots.size(), seed <= 24 ? 3 : 8);
            for (std::size_t tries = 0; tries < 50 && deployments.size() < want; ++tries) {
                const Candidate &c = slots[random() % slots.size()];
                if (taken[c.hotspot * s.dates.size() + c.date])
                    continue;
                taken[c.hotspot * s.dates.size() + c.date] = true;
                deployments.push_back(Deployment{s.dates[c.date],
                                                 s.windows[c.window].id,
                                                 s.hotspots[c.hotspot].id,
                                                 s.vans[deployments.size() % s.vans.size()].id,
                                                 {}});
            }
            CrewRequest request;
            request.deployments = deployments;
            const CrewResult flows = assignCrews(ix, request);
            const CrewLpOutcome classes = assignCrewsByClasses(ix, deployments);
            INFO(s.name << " round " << round << ": " << deployments.size() << " deployments");
            REQUIRE(classes.kind != CrewLpOutcome::Kind::GaveUp);
            REQUIRE((classes.kind == CrewLpOutcome::Kind::Solved) == flows.feasible);
            if (!flows.feasible) {
                ++infeasible;
                continue;
            }
            CHECK(classes.result.travelKm == Approx(flows.travelKm).margin(1e-6));
            std::vector<Deployment> crewed = deployments;
            for (std::size_t d = 0; d < crewed.size(); ++d)
                crewed[d].crew = classes.result.crews[d];
            // The crews break no crew or staffing rule (the random set may break others).
            for (const Violation &v : validatePlan(s, crewed).violations)
                CHECK((v.rule == Rule::Van || v.rule == Rule::Counts || v.rule == Rule::Hotspot));
            ++compared;
        }
    }
    CHECK(compared >= 60);
    CHECK(infeasible > 0);
}
