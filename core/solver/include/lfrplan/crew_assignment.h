// The crew subproblem of the solver: given deployments whose hotspot, date,
// window and van are fixed, choose their crews at minimum total travel
// (sum over crew members of haversine_km(team base, hotspot), section 4 of
// docs/planning-problem.md) under every crew and staffing rule (section 3
// rules 4 and 5, and rule 6 for crew members a pin names), or prove that no
// crews exist and say why in a planner's words.
//
// Method (exact):
//  - Each date is a minimum-cost flow: source -> team (capacity: what the
//    team may still release that date) -> officer (1: one deployment a date)
//    -> (team, deployment, role) (cost: the team's travel to the hotspot) ->
//    (deployment, role) (the officers still needed) -> sink. Only officers
//    rostered on a shift covering the deployment's window, qualified for the
//    role and with duties left take part, and of those only the nearest few
//    per role: enough that an exchange argument shows some optimal crew uses
//    none of the others (see crew_assignment.cpp). Costs are integer
//    micrometres, so the optimum found is within 1e-9 km per crew member of
//    the exact one; the reported travel is recomputed in double.
//  - max_duties couples the dates. The per-date optima fix how many
//    officers of each team fill each (deployment, role); a maximum flow
//    (officer -> officer on a date -> (deployment, role, team)) picks
//    officers within the teams so that nobody exceeds max_duties. When no
//    such choice exists, the flow's minimum cut names a set of
//    (deployment, role, team) counts that together ask more duties of their
//    officers than those have left; best-first branch and bound then lowers
//    one of those counts per branch (every valid crew lies in some branch),
//    bounded below by the sum of the per-date optima. The first branch whose
//    officers can be chosen is optimal.
//  - When that takes more than a few branches (officers with max_duties 1
//    and scarce skills), the mirror relaxation runs beside it, the two
//    taking turns until one answers (crew_phases.h): one
//    minimum-cost flow over the whole horizon (source -> officer (duties
//    left) -> officer on a date (1) -> (team, deployment, role) -> ...) keeps
//    max_duties exactly and each team's release limit only per (deployment,
//    role); best-first branch and bound then lowers, per branch, the count of
//    one (deployment, role) of a team and date over its limit.
//
// A call can be stopped (issue 19, CrewStop): every flow polls a deadline and
// a cancel check every few thousand operations, and the call returns within
// about a millisecond of either, marked `stopped` (neither feasible nor
// shown infeasible).
//
// The assigner keeps per-date candidate lists and team distances between
// calls: build one CrewAssigner per scenario and reuse it (not thread-safe).
#pragma once

#include "lfrplan/model.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lfr {

class ScenarioIndex;

struct CrewRequest {
    // The deployments to crew. Crew entries already present are pinned
    // members (rule 6): they stay, in their role, and the rest of each crew
    // is chosen around them. The van is carried through untouched.
    std::vector<Deployment> deployments;
    // Deployments whose crews are final and outside this request (re-solving
    // around them): their officers count towards max_duties, staff nothing
    // else on that date and are abstracted from their teams that date.
    std::vector<Deployment> fixed;
};

struct CrewOptions {
    // Nodes of the per-date search (team limits exact, max_duties branched)
    // before the whole-horizon search (max_duties exact, team limits
    // branched) joins in; from then on they take turns with doubling budgets
    // (the whole-horizon one a quarter of the per-date one's) and the first
    // answer is taken. Both are exact; they differ in speed only. 0: the
    // whole-horizon search alone; >= maxNodes: the per-date search alone.
    std::size_t perDateNodes = 16;
    // Branch-and-bound nodes before giving up without a proof (CrewResult::
    // searchLimitReached). Never reached on realistic weeks.
    std::size_t maxNodes = 20000;
};

// When a call should give up (issue 19): at the deadline, or once
// `cancelled` returns true. Both are looked at every few thousand
// operations (every few microseconds), so `cancelled` must be cheap (a flag,
// or something that rate-limits itself). Empty: never give up.
struct CrewStop {
    std::optional<std::chrono::steady_clock::time_point> deadline;
    std::function<bool()> cancelled;
};

struct CrewResult {
    bool feasible = false;
    // One crew per request deployment, in request order: its pinned members
    // first, as given, then the chosen officers by role (scenario order).
    std::vector<std::vector<CrewAssignment>> crews;
    // Total officer-kilometres of these crews (pinned members included),
    // summed exactly in double; minimal among all valid crews (to within
    // 1e-9 km per crew member).
    double travelKm = 0.0;
    // When infeasible: why, in a planner's words, e.g.
    // "Oxford Circus, Wed 2026-12-09 evening: no free officer qualified as
    // silver (needs Insp, lfr-silver) is on a shift covering the window".
    std::vector<std::string> reasons;
    bool searchLimitReached = false; // infeasible only because maxNodes ran out
    // Given up at the CrewStop's deadline or cancel: feasible is false, but
    // nothing is shown infeasible (reasons says it was stopped). Never
    // prune on it.
    bool stopped = false;
    std::size_t nodes = 0; // branch-and-bound nodes explored
};

class CrewAssigner {
public:
    explicit CrewAssigner(const ScenarioIndex &index, CrewOptions options = {});
    ~CrewAssigner();
    CrewAssigner(const CrewAssigner &) = delete;
    CrewAssigner &operator=(const CrewAssigner &) = delete;

    // Stops early, marked `stopped`, at the stop's deadline or cancel.
    CrewResult assign(const CrewRequest &request, const CrewStop &stop = {});

    // See crewTravelLowerBound(); memoised.
    double travelLowerBound(std::size_t hotspot, std::size_t date, std::size_t window);
    // See explainUnstaffable().
    std::vector<std::string> explainUnstaffable(std::size_t hotspot, std::size_t date, std::size_t window);

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

// Minimum-travel crews for the request (a CrewAssigner used once).
CrewResult assignCrews(const ScenarioIndex &index, const CrewRequest &request, const CrewStop &stop = {});

// The travel (km) of the cheapest crew ONE deployment at the hotspot on the
// date (a position in scenario.dates) in the window could have on its own:
// every role filled by qualified officers on duty covering the window, each
// officer once, no team releasing more than it may that date, nobody with
// max_duties 0; +infinity when no such crew exists. A valid lower bound:
// in any valid plan that deployment's crew is such a crew, so its travel is
// at least this (the figure is lowered by 1e-9 km per crew member to cover
// the integer rounding of the costs).
double crewTravelLowerBound(const ScenarioIndex &index, std::size_t hotspot, std::size_t date, std::size_t window);

// Why one deployment at the hotspot on the date in the window cannot be
// crewed even on its own, in a planner's words; empty when it can.
std::vector<std::string> explainUnstaffable(const ScenarioIndex &index, std::size_t hotspot, std::size_t date,
                                            std::size_t window);

} // namespace lfr
