// Turning a set of slots into deployments: vans (solver_vans.h) and crews
// (crew_assignment.h), with pins' vans and crew members kept.
#pragma once

#include "lfrplan/crew_assignment.h"
#include "lfrplan/scenario_index.h"
#include "solver_search.h"

#include <chrono>
#include <optional>
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
    CrewResult assign(const std::vector<Deployment> &deployments, const CrewStop &stop = {}) const;

private:
    // Why the deployments cannot be crewed together (the class model proved it).
    CrewResult noCrews(const std::vector<Deployment> &deployments) const;

    const ScenarioIndex &ix_;
    // The assigner caches the per-slot bounds and reuses its graphs and
    // candidate lists between calls.
    mutable CrewAssigner assigner_;
};

// The solver's time limit and cancel, reaching into the crew calls (issue
// 19): the search gets progress() in place of the caller's callback and its
// staffing calls crewStop(). The crew calls stop at the time limit; and,
// while one runs, the caller's callback hears the last progress again (its
// elapsed time brought up to date) every kResend, so that a cancel stops the
// call too. Once the callback has returned false, progress() returns false
// whatever it says next. Not copyable: both refer to this object.
class SearchStop {
public:
    static constexpr std::chrono::milliseconds kResend{50};

    SearchStop(std::chrono::steady_clock::time_point started, double timeLimitSeconds,
               const ProgressCallback &progress);
    SearchStop(const SearchStop &) = delete;
    SearchStop &operator=(const SearchStop &) = delete;

    const ProgressCallback &progress() const { return relayed_; }
    const CrewStop &crewStop() const { return crewStop_; }

private:
    bool ask(const SolveProgress &p);

    std::chrono::steady_clock::time_point started_;
    const ProgressCallback &caller_;
    std::optional<SolveProgress> last_;
    std::chrono::steady_clock::time_point lastSent_;
    bool cancelled_ = false;
    ProgressCallback relayed_;
    CrewStop crewStop_;
};

// The pins as slots (appended to `pins`), or what makes them impossible on
// their own: a window the hotspot does not allow, a date outside its dates,
// two pins on one slot.
std::vector<std::string> pinSlotProblems(const ScenarioIndex &index, std::vector<Candidate> &pins);

// Vans and crews for slots whose first scenario.pinned.size() entries are
// the pins, in order. A crew search the stop ends is `uncertain` (issue 19),
// except for the pins alone: they are always staffed to the end, as without
// them there is no plan to return.
Staffing staffSlots(const ScenarioIndex &index, const CrewPlanner &crews, const std::vector<Candidate> &slots,
                    const CrewStop &stop = {});

std::string joinReasons(const std::vector<std::string> &reasons);

} // namespace lfr
