// The crew subproblem (crew_assignment.h) as an integer program over
// classes of interchangeable officers, solved exactly by LP-based branch and
// bound with COIN-OR Clp (docs/solver-design.md, "Crews by classes").
//
// Officers of one team who qualify for the same roles, are free on the same
// windows of the request's dates and have the same duties left are
// interchangeable: only how many of them serve each (deployment, role)
// matters. With z_cdr officers of class c in role r at deployment d:
//   sum_c z_cdr = the crew's need for r (pinned members deducted)
//   sum_{d on t, r} z_cdr <= |c|             (one deployment a date each)
//   sum_{d, r} z_cdr <= |c| * duties left    (max_duties)
//   sum_{c of team g, d on t, r} z_cdr <= what g may still release on t
// minimising the travel. The class counts split back into officers exactly:
// date by date, the officers with most duties left take the class's places
// (a class's per-date counts within |c| and a total within |c| x duties
// can always be met that way). The LP of this model is nearly integral, so
// the search is short where the flow-based searches branch a long time.
#pragma once

#include "lfrplan/crew_assignment.h"
#include "lfrplan/scenario_index.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <vector>

namespace lfr {

struct CrewLpOutcome {
    enum class Kind {
        Solved,     // result holds minimum-travel crews
        Infeasible, // no valid crews exist (proven)
        GaveUp,     // time, node limit or numerics: decide another way
    };
    Kind kind = Kind::GaveUp;
    CrewResult result;
    // assignCrewsKeeping() only: crew places (officer, role) of the
    // request's deployments not among their `keep` (pinned members
    // included).
    std::size_t placesChanged = 0;
};

// `stop` is polled between LP solves; returning true gives up.
CrewLpOutcome assignCrewsByClasses(const ScenarioIndex &index, const std::vector<Deployment> &deployments,
                                   const std::function<bool()> &stop = {});

// The re-plan's crews (docs/planning-problem.md section 6): lexicographically
// first the fewest crew places filled by someone other than the deployment's
// `keep[d]` (the (officer, role) pairs of its published crew), then the
// least travel. Same model, the officers of a published crew in classes of
// their own; two exact searches, the second with the first's count as a row.
// `keep` has one entry per deployment.
CrewLpOutcome assignCrewsKeeping(const ScenarioIndex &index, const std::vector<Deployment> &deployments,
                                 const std::vector<std::vector<CrewAssignment>> &keep,
                                 const std::function<bool()> &stop = {});

} // namespace lfr
