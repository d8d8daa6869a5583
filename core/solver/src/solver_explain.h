// What holds a plan back, in a planner's words.
#pragma once

#include "lfrplan/model.h"
#include "solver_search.h"
#include "solver_staffing.h"

#include <string>
#include <vector>

namespace lfr {

// Each deployment's value and travel; why no more deployments were possible
// (policy limits reached, slots no crew or van can cover, team limits); the
// best slots left out and what keeps each out. Its crew calls stop at
// `stop` (a slot left out then says it was not checked).
std::vector<std::string> explainPlan(const ScenarioIndex &index, const CrewPlanner &crews, const Plan &plan,
                                     const std::vector<Candidate> &candidates, const CrewStop &stop = {});

// Only the limits the plan meets exactly (the "what binds it" lines).
std::vector<std::string> planBindingLimits(const ScenarioIndex &index, const Plan &plan,
                                           const std::vector<Candidate> &candidates);

} // namespace lfr
