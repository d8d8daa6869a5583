// The planner: the plan of highest OBJECTIVE that breaks no hard constraint
// (docs/planning-problem.md), with a proven upper bound.
//
// Shaped like HiGHS: limits are plain options, progress goes out through one
// callback (which can also cancel), and "did the call work" (exceptions for
// misuse: bad options) is kept apart from "what did the solve find". What it
// found is one record, the Plan (model.h): its status, bound and figures are
// the ones saved and exported. Why the search ended is told apart
// (SolveStop), because a time limit is not a property of a plan.
#pragma once

#include "lfrplan/model.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lfr {

// Why the search ended.
enum class SolveStop : std::uint8_t {
    Finished,    // the search ran to its end: the plan is optimal, or within the relative gap
    TimeLimit,   // the time limit ended the search; the best plan found so far
    Interrupted, // the progress callback cancelled; the best plan found so far
};
std::string_view solveStopName(SolveStop stop);

struct SolverOptions {
    double timeLimitSeconds = 60.0; // > 0
    double relativeGap = 1e-6;      // stop when (bound - incumbent) <= gap * max(|bound|, 1e-3)
    std::uint64_t seed = 1;         // the same seed gives the same plan
    bool lpBound = true;            // the LP relaxation bound (COIN-OR Clp); off only to compare
};

struct SolveProgress {
    double elapsedSeconds = 0.0;
    std::optional<double> incumbent; // best objective so far (none before the first plan)
    double bound = 0.0;              // proven upper bound on the objective
    std::uint64_t nodes = 0;         // search nodes explored
};

// Called now and then during a solve (at least every ~0.05 s while it runs,
// and on each new incumbent), and once at the end with the final incumbent
// and bound. Return false to cancel: the solve then stops (SolveStop::
// Interrupted) and its best plan (the final call's answer is ignored).
using ProgressCallback = std::function<bool(const SolveProgress &)>;

struct SolveResult {
    // The plan with its status (optimal only when it meets the bound within
    // the contract's tolerance), figures and proven bound; infeasible, with
    // its reason, when the pins cannot all be met.
    Plan plan;
    SolveStop stop = SolveStop::Finished;
    double elapsedSeconds = 0.0;
    std::uint64_t nodes = 0;
    std::vector<std::string> explanation; // what holds the plan back, in a planner's words
};

// Throws std::invalid_argument for unusable options. The scenario must have
// been read through the strict reader (references resolve).
SolveResult solve(const Scenario &scenario, const SolverOptions &options = {}, const ProgressCallback &progress = {});

// The limits a plan meets exactly, in a planner's words, each counting
// limit with the best slot it alone keeps out and what that could add (the
// "Limits the plan meets exactly" part of SolveResult::explanation), for
// any plan of the scenario, e.g. a saved one.
std::vector<std::string> bindingLimits(const Scenario &scenario, const std::vector<Deployment> &deployments);

} // namespace lfr
