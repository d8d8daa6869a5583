// The two exact searches of the crew subproblem (crew_assignment.h), each a
// best-first branch and bound that can be advanced a node at a time, so that
// the assigner can run them side by side and take whichever answers first.
// Internal to lfrplan_core.
#pragma once

#include "crew_engine.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <queue>
#include <set>
#include <string>
#include <vector>

namespace lfr::detail {

// When the engine's StopCheck says stop during a step (CrewEngine::stopped()),
// that step's state means nothing, and the phase must not be stepped again.
enum class PhaseState {
    Running,  // not decided yet
    Found,    // picks() is an optimal choice
    Exhausted // no valid choice exists
};

// Per-date optima (team limits exact), branching on the max_duties
// shortfalls their officers cannot meet (a minimum cut of realise()).
class PerDatePhase {
public:
    // The date's optimum under the caps (CrewEngine::solveDate; the assigner
    // remembers them across requests).
    using DateOptimum =
        std::function<DateSolution(std::size_t entry, const SlotCap *capsBegin, const SlotCap *capsEnd)>;
    PerDatePhase(CrewEngine &engine, const CrewProblem &problem, DateOptimum optimum);
    // The date's uncapped optimum (the root of the search).
    const DateSolution &root(std::size_t entry) { return solved(entry, {}); }
    PhaseState step();
    const std::vector<Pick> &picks() const { return picks_; }

private:
    struct Node {
        std::int64_t bound = 0;
        std::size_t seq = 0;
        CapList caps;
    };
    struct After {
        bool operator()(const Node &a, const Node &b) const
        {
            return a.bound != b.bound ? a.bound > b.bound : a.seq > b.seq;
        }
    };
    const DateSolution &solved(std::size_t entry, const CapList &caps);
    std::int64_t boundOf(const CapList &caps);
    bool withinDuties(const std::vector<Pick> &picks) const;

    CrewEngine &engine_;
    const CrewProblem &problem_;
    DateOptimum optimum_;
    std::vector<std::size_t> entryOf_; // slot -> its date's entry
    std::vector<std::map<CapList, DateSolution>> cache_;
    std::priority_queue<Node, std::vector<Node>, After> open_;
    std::set<CapList> seen_;
    std::size_t seq_ = 0;
    bool started_ = false;
    std::vector<Pick> picks_;
};

// Whole-horizon optima (max_duties exact), branching on a team's release
// limit over a date's slots together.
class HorizonPhase {
public:
    HorizonPhase(CrewEngine &engine, const CrewProblem &problem);
    PhaseState step();
    const std::vector<Pick> &picks() const { return picks_; }
    // When exhausted: why, in a planner's words.
    const std::string &reason() const { return reason_; }

private:
    struct Node {
        std::int64_t bound = 0;
        std::size_t seq = 0;
        CapList caps;
        DateSolution solution;
    };
    struct After {
        bool operator()(const Node &a, const Node &b) const
        {
            return a.bound != b.bound ? a.bound > b.bound : a.seq > b.seq;
        }
    };

    CrewEngine &engine_;
    const CrewProblem &problem_;
    std::priority_queue<Node, std::vector<Node>, After> open_;
    std::set<CapList> seen_;
    std::size_t seq_ = 0;
    bool started_ = false;
    std::vector<Pick> picks_;
    std::string reason_;
};

// "no crews meet both the team staffing limits and the officers' max_duties..."
extern const char *const kNoCrews;

// The caps with (slot, team) capped at `cap`.
CapList withCap(const CapList &caps, std::size_t slot, std::size_t team, int cap);

} // namespace lfr::detail
