// Internals of the crew subproblem (crew_assignment.h): the request resolved
// into slots, the per-date minimum-cost flow, the choice of officers across
// dates under max_duties, and the planner's words for what cannot be met.
// Internal to lfrplan_core.
#pragma once

#include "crew_flow.h"

#include "lfrplan/scenario_index.h"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace lfr::detail {

// One role of one deployment with officers still to choose.
struct CrewSlot {
    std::size_t deployment = 0; // position in the request
    std::size_t role = 0;
    std::size_t date = 0; // position in scenario.dates
    std::size_t window = 0;
    std::size_t hotspot = 0;
    int demand = 0; // officers still to choose (the role's count less its pinned members)
};

// A branch of the search: at most `cap` officers of `team` in slot `slot`.
struct SlotCap {
    std::uint32_t slot = 0;
    std::uint32_t team = 0;
    std::int32_t cap = 0;
    auto operator<=>(const SlotCap &) const = default;
};
using CapList = std::vector<SlotCap>; // sorted, one entry per (slot, team)

struct Pick {
    std::size_t officer = 0;
    std::size_t slot = 0;
};

// The request resolved against the scenario.
struct CrewProblem {
    std::vector<CrewSlot> slots;                                // ordered by date
    std::vector<std::size_t> dates;                             // the slots' distinct dates, ascending
    std::vector<std::pair<std::size_t, std::size_t>> dateSlots; // per entry of dates: [first, last) of slots
    std::unordered_map<std::size_t, int> dutiesUsed;            // officer -> duties in fixed and pinned crews
    std::unordered_set<std::uint64_t> busy;                     // officer x date: in a fixed or pinned crew
    std::unordered_map<std::uint64_t, int> abstracted;          // team x date -> officers in fixed or pinned crews
};

// The optimum of one date's slots (under the branch's caps).
struct DateSolution {
    bool feasible = false;
    bool stopped = false;    // the StopCheck said stop: neither feasible nor shown infeasible
    std::int64_t costUm = 0; // travel in micrometres
    std::vector<Pick> picks;
    std::vector<std::size_t> deficientSlots; // when infeasible: slots no flow could fill (a minimum cut)
};

// A (slot, team) count the per-date optima chose.
struct TeamSlotCount {
    std::size_t slot = 0;
    std::size_t team = 0;
    int count = 0;
};

// An officer-to-slot arc of a flow network, to read the choice back.
struct OfficerArc {
    std::size_t edge = 0, officer = 0, slot = 0;
};

struct Realisation {
    bool ok = false;
    bool stopped = false;            // the StopCheck said stop: hall means nothing
    std::vector<Pick> picks;         // when ok: the same counts, officers within max_duties
    std::vector<TeamSlotCount> hall; // otherwise: counts whose officers lack the duties between them
};

class CrewEngine {
public:
    explicit CrewEngine(const ScenarioIndex &index);

    const ScenarioIndex &index() const { return index_; }
    // Polled by every flow below (nullptr: never stop); not owned.
    void setStop(StopCheck *stop) { net_.setStop(stop); }
    bool stopped() const { return net_.stopped(); }
    std::uint64_t key(std::size_t item, std::size_t date) const
    {
        return static_cast<std::uint64_t>(item) * index_.dateCount() + date;
    }

    // Officers of the team rostered on the date on a shift covering the
    // window, qualified for the role and with max_duties > 0; scenario order.
    const std::vector<std::size_t> &eligible(std::size_t date, std::size_t window, std::size_t role, std::size_t team);
    // Teams nearest the hotspot first, and their travel in micrometres.
    const std::vector<std::size_t> &teamsByDistance(std::size_t hotspot);
    std::int64_t travelUm(std::size_t team, std::size_t hotspot);

    int dutiesLeft(const CrewProblem &problem, std::size_t officer) const;
    bool available(const CrewProblem &problem, std::size_t officer, std::size_t date) const;
    // Adds to kept_ the first `limit` available eligible officers of the team
    // for the slot (the nearest-candidates pruning); returns how many it found.
    int keepEligible(const CrewProblem &problem, const CrewSlot &slot, std::size_t team, int limit);
    // What the team may still release on the date after fixed and pinned crews.
    int releasable(const CrewProblem &problem, std::size_t team, std::size_t date) const;

    // The minimum-travel choice for the slots of problem.dates[entry], ignoring
    // max_duties across dates, under the caps in [capsBegin, capsEnd).
    DateSolution solveDate(const CrewProblem &problem, std::size_t entry, const SlotCap *capsBegin,
                           const SlotCap *capsEnd);
    // The minimum-travel choice for all slots with max_duties and one
    // deployment a date kept exactly, but each team's release limit only per
    // (slot, team), under the caps (crew_horizon.cpp).
    DateSolution solveHorizon(const CrewProblem &problem, const CapList &caps);
    // Officers for the picks' (slot, team) counts with nobody beyond max_duties.
    Realisation realise(const CrewProblem &problem, const std::vector<Pick> &picks);

private:
    void buildDate(std::size_t date);
    // Runs the min-cost flow built for slots [firstSlot, ...): the officers
    // on the arcs that carry flow, or the slots no flow could fill (a minimum
    // cut) when it falls short of the demand.
    DateSolution settle(const CrewProblem &problem, std::size_t source, std::size_t sink, int demand,
                        std::size_t firstSlot, const std::vector<std::size_t> &slotVertex,
                        const std::vector<OfficerArc> &arcs);
    void keepCandidates(const CrewProblem &problem, std::size_t entry, const SlotCap *capsBegin, const SlotCap *capsEnd,
                        int demand);

    const ScenarioIndex &index_;
    std::size_t windows_ = 0, roles_ = 0, teams_ = 0;
    std::vector<std::vector<std::vector<std::size_t>>> eligible_; // date -> (window, role, team) -> officers
    std::vector<std::vector<std::size_t>> teamOrder_;             // hotspot -> teams by distance
    std::vector<std::vector<std::int64_t>> travelUm_;             // hotspot -> team -> micrometres
    FlowNetwork net_;
    std::vector<std::size_t> kept_;      // candidates of the date being solved
    std::vector<std::uint8_t> keptMark_; // officer -> in kept_
};

// Called with each network realise() is about to solve (source 0, sink 1),
// before its flow; for tests/bench/bench_flow.cpp, which times max-flow
// algorithms on the real networks. nullptr (the default): none. Not
// thread-safe: set it only while no crew call runs.
using RealiseObserver = void (*)(const FlowNetwork &network, void *context);
void observeRealise(RealiseObserver observer, void *context);

// --- A planner's words (crew_reasons.cpp) -----------------------------------

// "silver (needs Insp, lfr-silver)"
std::string roleLabel(const ScenarioIndex &index, std::size_t role);
// Why the slots of problem.dates[entry] in `deficient` cannot all be filled.
std::vector<std::string> explainDateShortfall(CrewEngine &engine, const CrewProblem &problem, std::size_t entry,
                                              const std::vector<std::size_t> &deficient);
// Why the slots in `deficient` (any dates) lack officers' duties.
std::string explainDutyShortfall(CrewEngine &engine, const CrewProblem &problem,
                                 const std::vector<std::size_t> &deficient);

} // namespace lfr::detail
