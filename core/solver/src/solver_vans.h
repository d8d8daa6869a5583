// Van assignment for one date: each deployment gets an available van, no van
// takes more than its max_per_date deployments that date, and one van's
// windows never overlap (docs/planning-problem.md section 3, rule 3).
#pragma once

#include "lfrplan/scenario_index.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace lfr {

struct VanRequest {
    std::size_t window = 0;
    std::optional<std::size_t> pinnedVan; // the van a pin names, if any
    std::optional<std::size_t> otherThan; // a re-plan's changed van: any but this one
};

// The vans (indices into scenario.vans) for the date's deployments, in
// request order, or nothing when no assignment exists. Deterministic.
std::optional<std::vector<std::size_t>> assignVans(const ScenarioIndex &index, std::size_t date,
                                                   const std::vector<VanRequest> &requests);

} // namespace lfr
