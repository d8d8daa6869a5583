// Turning a set of slots into deployments: vans (solver_vans.h) and crews
// (crew_assignment.h), with pins' vans and crew members kept.
#pragma once

#include "lfrplan/crew_assignment.h"
#include "lfrplan/scenario_index.h"
#include "solver_search.h"

#include <string>
#include <vector>

namespace lfr {

// The crew side of the solver.
class CrewPlanner {
public:
    explicit CrewPlanner(const ScenarioIndex &index);
    // Kilometres of the cheapest crew this one slot could ever have; +inf
    // when it cannot be crewed even on its own.
    double travelLowerBoundKm(std::size_t hotspot, std::size_t date, std::size_t window) const;
    std::vector<std::string> whyUnstaffable(std::size_t hotspot, std::size_t date, std::size_t window) const;
    CrewResult assign(const std::vector<Deployment> &deployments) const;

private:
    // The assigner caches the per-slot bounds and reuses its graphs and
    // candidate lists between calls.
    mutable CrewAssigner assigner_;
};

// The pins as slots (appended to `pins`), or what makes them impossible on
// their own: a window the hotspot does not allow, a date outside its dates,
// two pins on one slot.
std::vector<std::string> pinSlotProblems(const ScenarioIndex &index, std::vector<Candidate> &pins);

// Vans and crews for slots whose first scenario.pinned.size() entries are
// the pins, in order.
Staffing staffSlots(const ScenarioIndex &index, const CrewPlanner &crews, const std::vector<Candidate> &slots);

std::string joinReasons(const std::vector<std::string> &reasons);

} // namespace lfr
