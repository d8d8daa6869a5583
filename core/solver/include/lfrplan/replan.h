// The minimum-change re-plan (issue 20; docs/planning-problem.md section 6).
//
// After a disruption (an officer off sick, a van out of service, a team
// short, a hotspot added for an event) the week is re-planned from the
// published version, not from scratch. The best re-plan keeps, in this
// order of importance: first as many published deployments as can still be
// staffed (same date, window, hotspot and van), then as many crew places
// as it can (fewest (officer, role) places filled by someone not in the
// published crew), then the highest OBJECTIVE. It has no deployment beyond
// the published ones (with their van or another) and what a pin asks for.
//
// Method (exact): the published deployments are items, each kept, moved to
// another van or dropped; a pin the published version does not meet is an
// item that must be included. Sets of kept items are searched from the
// largest down; for each, every choice of moving or dropping the others is
// looked at, and each candidate's crews are an exact integer program
// (crew_lp.h, assignCrewsKeeping: fewest changed places, then least
// travel). The first size with a valid candidate holds the optimum.
#pragma once

#include "lfrplan/model.h"
#include "lfrplan/solver.h"

#include <cstddef>
#include <string>
#include <vector>

namespace lfr {

struct ReplanOptions {
    double timeLimitSeconds = 30.0; // > 0
};

struct ReplanResult {
    // Status feasible (the best re-plan is not the best plan by OBJECTIVE
    // alone), bound none, stability set (fromVersion 0: the caller knows
    // the version); infeasible, with its reason, when the pins cannot be met.
    Plan plan;
    // Published deployments not kept, each in a planner's words with why:
    // "Oxford Circus, Wed 9 Dec, day: van LFR-2 is out of service that date
    // and no other van is free" (moved ones are not listed).
    std::vector<std::string> lost;
    // When plan.stability->proven is false: why, in a planner's words.
    std::string unproven;
    SolveStop stop = SolveStop::Finished;
    double elapsedSeconds = 0.0;
    std::size_t candidates = 0; // sets of deployments whose crews were solved
};

// `published`: the deployments of the published version. The scenario is
// the disrupted one (read through the strict reader). Throws
// std::invalid_argument for unusable options.
ReplanResult replan(const Scenario &scenario, const std::vector<Deployment> &published,
                    const ReplanOptions &options = {});

} // namespace lfr
