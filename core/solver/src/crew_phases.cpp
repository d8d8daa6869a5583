// The crew subproblem's two exact searches (crew_phases.h). Both are
// best-first: a node's bound is its relaxation's optimum, and the first node
// whose relaxed optimum is also valid is optimal. Every valid choice lies in
// some branch: a branch lowers one (slot, team) count that the node's
// optimum needs and no valid choice below it can have all of.
#include "crew_phases.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace lfr::detail {

const char *const kNoCrews = "no crews meet both the team staffing limits and the officers' max_duties: the "
                             "officers the teams may release on some dates have too few duties left for the others";

CapList withCap(const CapList &caps, std::size_t slot, std::size_t team, int cap)
{
    CapList out = caps;
    const SlotCap entry{static_cast<std::uint32_t>(slot), static_cast<std::uint32_t>(team), cap};
    const auto at = std::lower_bound(out.begin(), out.end(), entry, [](const SlotCap &a, const SlotCap &b) {
        return std::tie(a.slot, a.team) < std::tie(b.slot, b.team);
    });
    if (at != out.end() && at->slot == entry.slot && at->team == entry.team)
        *at = entry;
    else
        out.insert(at, entry);
    return out;
}

// --- Per-date optima, branching on max_duties -------------------------------

PerDatePhase::PerDatePhase(CrewEngine &engine, const CrewProblem &problem, DateOptimum optimum)
    : engine_(engine), problem_(problem), optimum_(std::move(optimum)), entryOf_(problem.slots.size()),
      cache_(problem.dates.size()), seen_{CapList{}}
{
    for (std::size_t e = 0; e < problem.dates.size(); ++e)
        for (std::size_t s = problem.dateSlots[e].first; s < problem.dateSlots[e].second; ++s)
            entryOf_[s] = e;
}

// The date's optimum under the caps of its own slots.
const DateSolution &PerDatePhase::solved(std::size_t e, const CapList &caps)
{
    const auto lo = std::lower_bound(caps.begin(), caps.end(), problem_.dateSlots[e].first,
                                     [](const SlotCap &c, std::size_t s) { return c.slot < s; });
    const auto hi = std::lower_bound(lo, caps.end(), problem_.dateSlots[e].second,
                                     [](const SlotCap &c, std::size_t s) { return c.slot < s; });
    CapList own(lo, hi);
    auto it = cache_[e].find(own);
    if (it == cache_[e].end()) {
        DateSolution solution = optimum_(e, own.data(), own.data() + own.size());
        it = cache_[e].emplace(std::move(own), std::move(solution)).first;
    }
    return it->second;
}

std::int64_t PerDatePhase::boundOf(const CapList &caps)
{
    std::int64_t bound = 0;
    for (std::size_t e = 0; e < problem_.dates.size(); ++e)
        bound += solved(e, caps).costUm;
    return bound;
}

bool PerDatePhase::withinDuties(const std::vector<Pick> &picks) const
{
    std::unordered_map<std::size_t, int> uses;
    for (const Pick &pick : picks)
        if (++uses[pick.officer] > engine_.dutiesLeft(problem_, pick.officer))
            return false;
    return true;
}

PhaseState PerDatePhase::step()
{
    if (!started_) {
        started_ = true;
        open_.push({boundOf({}), seq_++, {}});
    }
    if (open_.empty())
        return PhaseState::Exhausted;
    const Node node = open_.top();
    open_.pop();
    std::vector<Pick> picks;
    for (std::size_t e = 0; e < problem_.dates.size(); ++e) {
        const DateSolution &solution = solved(e, node.caps);
        picks.insert(picks.end(), solution.picks.begin(), solution.picks.end());
    }
    if (withinDuties(picks)) {
        picks_ = std::move(picks);
        return PhaseState::Found;
    }
    Realisation real = engine_.realise(problem_, picks);
    if (real.ok) {
        picks_ = std::move(real.picks);
        return PhaseState::Found;
    }
    for (const TeamSlotCount &group : real.hall) {
        CapList caps = withCap(node.caps, group.slot, group.team, group.count - 1);
        if (!seen_.insert(caps).second || !solved(entryOf_[group.slot], caps).feasible)
            continue;
        open_.push({boundOf(caps), seq_++, std::move(caps)});
    }
    return open_.empty() ? PhaseState::Exhausted : PhaseState::Running;
}

// --- Whole-horizon optima, branching on team limits -------------------------

HorizonPhase::HorizonPhase(CrewEngine &engine, const CrewProblem &problem)
    : engine_(engine), problem_(problem), seen_{CapList{}}
{
}

PhaseState HorizonPhase::step()
{
    if (!started_) {
        started_ = true;
        DateSolution root = engine_.solveHorizon(problem_, {});
        if (!root.feasible) {
            reason_ = explainDutyShortfall(engine_, problem_, root.deficientSlots);
            return PhaseState::Exhausted;
        }
        open_.push({root.costUm, seq_++, {}, std::move(root)});
        return PhaseState::Running;
    }
    if (open_.empty()) {
        reason_ = kNoCrews;
        return PhaseState::Exhausted;
    }
    const Node node = open_.top();
    open_.pop();
    // The team and date most over its release limit, if any.
    const ScenarioIndex &index = engine_.index();
    std::map<std::pair<std::size_t, std::size_t>, int> taken; // (date, team) -> officers
    for (const Pick &pick : node.solution.picks)
        ++taken[{problem_.slots[pick.slot].date, *index.teamOf(pick.officer)}];
    std::pair<std::size_t, std::size_t> worst{0, 0};
    int excess = 0;
    for (const auto &[dateTeam, count] : taken) {
        const int over = count - engine_.releasable(problem_, dateTeam.second, dateTeam.first);
        if (over > excess) {
            excess = over;
            worst = dateTeam;
        }
    }
    if (excess == 0) {
        picks_ = node.solution.picks;
        return PhaseState::Found;
    }
    std::map<std::size_t, int> perSlot; // slot -> officers of the worst team there
    for (const Pick &pick : node.solution.picks)
        if (problem_.slots[pick.slot].date == worst.first && *index.teamOf(pick.officer) == worst.second)
            ++perSlot[pick.slot];
    for (const auto &[slot, count] : perSlot) {
        CapList caps = withCap(node.caps, slot, worst.second, count - 1);
        if (!seen_.insert(caps).second)
            continue;
        DateSolution child = engine_.solveHorizon(problem_, caps);
        if (child.feasible)
            open_.push({child.costUm, seq_++, std::move(caps), std::move(child)});
    }
    if (open_.empty()) {
        reason_ = kNoCrews;
        return PhaseState::Exhausted;
    }
    return PhaseState::Running;
}

} // namespace lfr::detail
