// The ground truth for tiny scenarios: every plan enumerated and checked by
// lfr::validatePlan, written independently of any model or solver.
#pragma once

#include "lfrplan/model.h"

#include <vector>

namespace lfrtest {

struct BruteForceResult {
    double objective = 0.0;            // the best valid plan's OBJECTIVE (0 when none is valid)
    std::vector<lfr::Deployment> plan; // the first best valid plan found
    long long plansChecked = 0;        // plans given to validatePlan
    bool feasible = false;             // some plan is valid (always, without pins)
};

// The default limit on the plans checked.
inline constexpr long long kBruteForceMaxPlans = 5'000'000;

// Enumerates every plan of the scenario: every set of deployments on distinct
// hotspot/date/window slots, each with every van and every crew of distinct
// officers who qualify for their role and are on a shift covering the window.
// What it leaves out is invalid whatever else the plan holds: windows or dates
// the hotspot does not allow, unavailable vans, crews with anyone unqualified
// or off duty, a slot twice, and every extension of a plan that already breaks
// a rule other than pins (rules 1-5 only get worse as deployments are added).
// Throws std::runtime_error when more than maxPlans plans would be checked.
BruteForceResult bruteForceOptimum(const lfr::Scenario &scenario, long long maxPlans = kBruteForceMaxPlans);

} // namespace lfrtest
