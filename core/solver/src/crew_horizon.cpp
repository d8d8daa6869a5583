// The whole-horizon minimum-cost flow of the crew subproblem (crew_engine.h):
// source -> officer (duties left) -> officer on a date (1) -> (team, slot)
// (cost: travel; capacity: the branch's cap and what the team may release
// that date) -> slot (officers still needed) -> sink. max_duties and one
// deployment a date are exact; a team's release limit is kept per slot only,
// so the search branches when a team gives more than it may over a date's
// slots together.
//
// Candidates are pruned as in the per-date flow (crew_engine.cpp), with D the
// officers the whole request still needs: were no kept officer o' of slot s
// usable instead of an unkept o, every kept one would be used that date,
// used up on other dates, or its team's (slot, team) capacity would already
// be taken by others, so the request would use at least sum c_T >= D
// officer-duties besides o's: impossible.
#include "crew_engine.h"

#include <algorithm>
#include <limits>

namespace lfr::detail {

namespace {

constexpr std::int32_t kNoCap = std::numeric_limits<std::int32_t>::max();

int capOf(const CapList &caps, std::size_t slot, std::size_t team)
{
    const auto it = std::lower_bound(
        caps.begin(), caps.end(), SlotCap{static_cast<std::uint32_t>(slot), static_cast<std::uint32_t>(team), 0},
        [](const SlotCap &a, const SlotCap &b) { return std::tie(a.slot, a.team) < std::tie(b.slot, b.team); });
    return it != caps.end() && it->slot == slot && it->team == team ? it->cap : kNoCap;
}

} // namespace

DateSolution CrewEngine::solveHorizon(const CrewProblem &problem, const CapList &caps)
{
    DateSolution out;
    int demand = 0;
    for (const CrewSlot &slot : problem.slots)
        demand += slot.demand;
    if (demand == 0) {
        out.feasible = true;
        return out;
    }
    // The (slot, team) capacity: the branch's cap and the team's release limit.
    auto room = [&](std::size_t s, std::size_t team) {
        return std::min(capOf(caps, s, team), releasable(problem, team, problem.slots[s].date));
    };

    kept_.clear();
    for (std::size_t s = 0; s < problem.slots.size(); ++s) {
        const CrewSlot &slot = problem.slots[s];
        int contribution = 0;
        for (const std::size_t team : teamsByDistance(slot.hotspot)) {
            const int limit = std::min(room(s, team), demand);
            contribution += limit > 0 ? keepEligible(problem, slot, team, limit) : 0;
            if (contribution >= demand)
                break;
        }
    }

    net_.reset();
    const std::size_t source = net_.addVertex();
    const std::size_t sink = net_.addVertex();
    std::vector<std::size_t> slotVertex(problem.slots.size());
    for (std::size_t s = 0; s < problem.slots.size(); ++s) {
        slotVertex[s] = net_.addVertex();
        net_.addEdge(slotVertex[s], sink, problem.slots[s].demand);
    }
    std::vector<std::size_t> teamSlotVertex(problem.slots.size() * teams_, 0); // vertex + 1
    std::vector<OfficerArc> arcs;
    for (const std::size_t o : kept_) {
        keptMark_[o] = 0;
        const std::size_t team = *index_.teamOf(o);
        const std::size_t officerVertex = net_.addVertex();
        net_.addEdge(source, officerVertex, dutiesLeft(problem, o));
        for (std::size_t e = 0; e < problem.dates.size(); ++e) {
            const std::size_t date = problem.dates[e];
            if (!available(problem, o, date))
                continue;
            const auto shift = index_.rosterShift(o, date);
            if (!shift)
                continue;
            std::size_t dateVertex = 0; // vertex + 1
            for (std::size_t s = problem.dateSlots[e].first; s < problem.dateSlots[e].second; ++s) {
                const CrewSlot &slot = problem.slots[s];
                if (!index_.qualifies(o, slot.role) || !index_.shiftCovers(*shift, slot.window))
                    continue;
                const int capacity = room(s, team);
                if (capacity <= 0)
                    continue;
                if (dateVertex == 0) {
                    dateVertex = net_.addVertex() + 1;
                    net_.addEdge(officerVertex, dateVertex - 1, 1);
                }
                std::size_t &tsv = teamSlotVertex[s * teams_ + team];
                if (tsv == 0) {
                    tsv = net_.addVertex() + 1;
                    net_.addEdge(tsv - 1, slotVertex[s], capacity, travelUm(team, slot.hotspot));
                }
                arcs.push_back({net_.addEdge(dateVertex - 1, tsv - 1, FlowNetwork::kUnbounded), o, s});
            }
        }
    }

    return settle(problem, source, sink, demand, 0, slotVertex, arcs);
}

} // namespace lfr::detail
