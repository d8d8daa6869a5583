// Re-applying a planner's edits onto a newer stored version (issue 8).
//
// When a save is refused because someone else changed the scenario since it
// was read (storage.h, ConflictError), the planner can reload the stored
// version and re-apply their own edits on top of it. This is a three-way
// merge of what the planner read (`base`), what the planner has now
// (`mine`) and what is stored now (`theirs`):
// - officers, teams, hotspots and vans by id: a record I added, removed or
//   changed against base is added, removed or replaced in theirs;
// - the policy, dates, windows, shifts, roles, default crew and pins as
//   wholes: if I changed one against base, mine replaces theirs;
// - the plan's deployments by hotspot, date and window: those I added,
//   removed or changed against base are applied onto theirs' plan.
// Where theirs changed the same thing differently, mine is kept and the
// overlap is listed, so the planner can review it before saving again.
// Everything else of theirs is kept as it is. The result is not validated:
// the validator and the store check it as any edit.
#pragma once

#include "lfrplan/model.h"

#include <cstddef>
#include <string>
#include <vector>

namespace lfr {

// A scenario with its plan's deployments (empty when it has no plan).
struct PlanState {
    Scenario scenario;
    std::vector<Deployment> deployments;
    bool operator==(const PlanState &) const = default;
};

struct MergeResult {
    // Theirs with my changes applied; its name is theirs.
    PlanState merged;
    // One line per change of mine, in scenario order then plan order:
    // "officer MP100064: your change re-applied",
    // "officer MP100064: changed by both; yours kept",
    // "deployment oxford-circus 2026-12-08 day: added (yours)". Empty when I
    // changed nothing that theirs does not already have.
    std::vector<std::string> lines;
    // How many of the lines are overlaps (changed by both, mine kept).
    std::size_t overlaps = 0;
};

MergeResult reapplyChanges(const PlanState &base, const PlanState &mine, const PlanState &theirs);

} // namespace lfr
