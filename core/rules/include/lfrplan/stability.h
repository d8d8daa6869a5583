// A re-plan against the published version it started from (issue 20;
// docs/planning-problem.md section 6): how many published deployments it
// keeps, how many crew places it changes, and the rules a re-plan keeps
// beyond section 3's.
#pragma once

#include "lfrplan/model.h"

#include <string>
#include <vector>

namespace lfr {

// kept: the published deployments that `current` has with the same date,
// window, hotspot and van. crewPlacesChanged: over the deployments of
// `current`, the (officer, role) places not in the crew of the published
// deployment with the same date, window and hotspot (every place of a
// deployment the published version does not have). fromVersion and proven
// are left at their defaults.
Stability measureStability(const std::vector<Deployment> &published, const std::vector<Deployment> &current);

// What a re-plan breaks of section 6, in a planner's words, one line each:
// a deployment at a date, window and hotspot the published version does not
// have and no pin asks for; and, when the plan states its stability
// figures, each figure that is not what measureStability() finds. Section
// 3's hard constraints are validatePlan()'s.
std::vector<std::string> checkReplan(const Scenario &scenario, const std::vector<Deployment> &published,
                                     const Plan &plan);

} // namespace lfr
