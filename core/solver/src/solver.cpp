// The solver's entry point: builds the candidate slots and their bounds,
// settles vans and crews for the search, and explains the result.
#include "lfrplan/solver.h"

#include "lfrplan/crew_assignment.h"
#include "lfrplan/objective.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/validator.h"
#include "solver_explain.h"
#include "solver_search.h"
#include "solver_staffing.h"
#include "solver_vans.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <stdexcept>

namespace lfr {

std::string_view solveStopName(SolveStop stop)
{
    static constexpr std::array<std::string_view, 3> kNames = {"finished", "time limit", "interrupted"};
    return kNames.at(static_cast<std::size_t>(stop));
}

namespace {

double slotValue(const ScenarioIndex &ix, std::size_t h, std::size_t t, std::size_t w)
{
    const Scenario &sc = ix.scenario();
    const Hotspot &hotspot = sc.hotspots[h];
    const auto multiplier = ix.windowMultiplier(h, w);
    return hotspot.value * multiplier.value_or(0.0) *
           hotspot.weekdayFactor[static_cast<std::size_t>(weekdayIndex(sc.dates[t]))];
}

bool anyVan(const ScenarioIndex &ix, std::size_t t)
{
    const auto &vans = ix.scenario().vans;
    for (std::size_t v = 0; v < vans.size(); ++v)
        if (ix.vanAvailable(v, t) && vans[v].maxPerDate > 0)
            return true;
    return false;
}

// Every slot that could ever add to the objective, best first. Ties are
// broken by a hash of the seed so that the seed, not the file order, decides.
std::vector<Candidate> candidateSlots(const ScenarioIndex &ix, const CrewPlanner &crews, std::uint64_t seed)
{
    const Scenario &sc = ix.scenario();
    std::vector<Candidate> out;
    for (std::size_t h = 0; h < sc.hotspots.size(); ++h) {
        for (std::size_t t = 0; t < sc.dates.size(); ++t) {
            if (!ix.hotspotAllowsDate(h, t) || !anyVan(ix, t))
                continue;
            for (std::size_t w = 0; w < sc.windows.size(); ++w) {
                if (!ix.windowMultiplier(h, w))
                    continue;
                const double travelKm = crews.travelLowerBoundKm(h, t, w);
                if (!std::isfinite(travelKm))
                    continue;
                Candidate c{h, t, w, slotValue(ix, h, t, w), sc.policy.travelWeight * travelKm};
                if (c.profit() > 0)
                    out.push_back(c);
            }
        }
    }
    auto key = [seed](const Candidate &c) {
        std::uint64_t x = seed ^ (c.hotspot * 0x9E3779B97F4A7C15ULL) ^ (c.date * 0xBF58476D1CE4E5B9ULL) ^
                          (c.window * 0x94D049BB133111EBULL);
        x ^= x >> 31;
        x *= 0xD6E8FEB86659FD93ULL;
        return x ^ (x >> 32);
    };
    std::stable_sort(out.begin(), out.end(), [&](const Candidate &a, const Candidate &b) {
        if (a.profit() != b.profit())
            return a.profit() > b.profit();
        return key(a) < key(b);
    });
    return out;
}

} // namespace

std::vector<std::string> bindingLimits(const Scenario &scenario, const std::vector<Deployment> &deployments)
{
    const ScenarioIndex ix(scenario);
    const CrewPlanner crews(ix);
    Plan plan;
    plan.scenario = scenario.name;
    plan.deployments = deployments;
    return planBindingLimits(ix, plan, candidateSlots(ix, crews, SolverOptions{}.seed));
}

SolveResult solve(const Scenario &scenario, const SolverOptions &options, const ProgressCallback &progress)
{
    if (!(options.timeLimitSeconds > 0) || !std::isfinite(options.timeLimitSeconds))
        throw std::invalid_argument("time limit must be a positive number of seconds");
    if (!(options.relativeGap >= 0) || !std::isfinite(options.relativeGap))
        throw std::invalid_argument("relative gap must be >= 0");

    const auto started = std::chrono::steady_clock::now();
    const ScenarioIndex ix(scenario);
    const CrewPlanner crews(ix);
    SolveResult result;
    const auto finish = [&] {
        result.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return result;
    };

    std::vector<Candidate> pins;
    std::vector<std::string> pinProblems = pinSlotProblems(ix, pins);
    if (!pinProblems.empty()) {
        result.plan.scenario = scenario.name;
        result.plan.status = PlanStatus::Infeasible;
        result.explanation = pinProblems;
        result.plan.reason = joinReasons(pinProblems);
        return finish();
    }

    std::vector<Candidate> candidates = candidateSlots(ix, crews, options.seed);
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [&](const Candidate &c) {
                                        return std::any_of(pins.begin(), pins.end(), [&](const Candidate &p) {
                                            return p.hotspot == c.hotspot && p.date == c.date && p.window == c.window;
                                        });
                                    }),
                     candidates.end());

    // The time limit and a cancel stop a crew call too (issue 19).
    SearchStop stop(started, options.timeLimitSeconds, progress);
    const StaffingOracle oracle = [&](const std::vector<Candidate> &slots) {
        return staffSlots(ix, crews, slots, stop.crewStop());
    };
    SlotSearch search(ix, pins, candidates, oracle, options, stop.progress(), started);
    const SearchOutcome outcome = search.run();

    result.stop = outcome.stop;
    result.nodes = outcome.nodes;
    result.plan.scenario = scenario.name;
    if (outcome.infeasible) {
        result.plan.status = PlanStatus::Infeasible;
        result.explanation = outcome.rootReasons;
        result.plan.reason = "The pins cannot all be met: " + joinReasons(outcome.rootReasons);
        return finish();
    }
    result.plan.deployments = outcome.best;
    const Evaluation e = evaluate(ix, result.plan.deployments);
    result.plan.figures = e.figures();
    result.plan.bound = std::max(outcome.bound, e.objective);
    // Optimal is what the bound proves, however the search ended (a wider
    // relative gap, a time limit or a cancel may still leave a tie).
    result.plan.status = objectivesTie(*result.plan.bound, e.objective) ? PlanStatus::Optimal : PlanStatus::Feasible;
    // The explanation's crew calls keep to the time limit too (80 ms of grace
    // when the search used it all).
    CrewStop explainStop = stop.crewStop();
    const auto grace = std::chrono::steady_clock::now() + std::chrono::milliseconds(80);
    if (!explainStop.deadline || *explainStop.deadline < grace)
        explainStop.deadline = grace;
    result.explanation = explainPlan(ix, crews, result.plan, candidates, explainStop);
    return finish();
}

} // namespace lfr
