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
    // bruteForceReplan only: the best re-plan's figures (section 6).
    std::size_t kept = 0;
    std::size_t changed = 0;
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

// The best re-plan of docs/planning-problem.md section 6: the same
// enumeration over the slots of the published deployments and the pins
// only, each valid plan measured with lfr::measureStability and compared in
// the section's order (most kept, then fewest changed places, then
// OBJECTIVE beyond a tie).
BruteForceResult bruteForceReplan(const lfr::Scenario &scenario, const std::vector<lfr::Deployment> &published,
                                  long long maxPlans = kBruteForceMaxPlans);

} // namespace lfrtest
