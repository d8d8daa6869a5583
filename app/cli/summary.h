#pragma once

#include "lfrplan/model.h"

#include <iosfwd>

namespace lfrcli {

// A planner's overview of a scenario: horizon, policy, teams with their
// strength and limits, qualified officers per role, hotspots by value, vans.
void printScenarioSummary(std::ostream &out, const lfr::Scenario &scenario);

} // namespace lfrcli
