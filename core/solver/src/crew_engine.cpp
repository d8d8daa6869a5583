// The per-date minimum-cost flow and the choice of officers under
// max_duties (crew_engine.h).
//
// Why the per-date flow may leave out all but the nearest candidates of each
// slot: let D be the officers the date still needs. For each slot, teams are
// walked nearest first and each contributes up to min(what it may release,
// the branch's cap for it there, D) of its free eligible officers until the
// contributions reach D. Take an optimal choice that uses an officer o left
// out of slot s. Were no kept officer o' of s usable instead (unused that
// date, its team below its release limit and below its cap in s, or simply of
// o's own team), every kept team T would already give at least its
// contribution c_T to the date's other places, so the date would use at
// least sum c_T >= D officers besides o: impossible. So o' exists, is no
// farther than o (teams were walked nearest first), and swapping them keeps
// the choice valid and no dearer. Repeating, some optimal choice uses kept
// officers only; infeasibility is likewise exact.
#include "crew_engine.h"

#include "lfrplan/geo.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace lfr::detail {

namespace {

constexpr std::int32_t kNoCap = std::numeric_limits<std::int32_t>::max();
constexpr double kMicrometresPerKm = 1e9;

RealiseObserver realiseObserver = nullptr;
void *realiseContext = nullptr;

int capFor(const SlotCap *begin, const SlotCap *end, std::size_t slot, std::size_t team)
{
    for (const SlotCap *c = begin; c != end; ++c)
        if (c->slot == slot && c->team == team)
            return c->cap;
    return kNoCap;
}

} // namespace

void observeRealise(RealiseObserver observer, void *context)
{
    realiseObserver = observer;
    realiseContext = context;
}

CrewEngine::CrewEngine(const ScenarioIndex &index)
    : index_(index), windows_(index.scenario().windows.size()), roles_(index.scenario().roles.size()),
      teams_(index.scenario().teams.size()), eligible_(index.dateCount()), teamOrder_(index.scenario().hotspots.size()),
      travelUm_(index.scenario().hotspots.size()), keptMark_(index.scenario().officers.size(), 0)
{
}

void CrewEngine::buildDate(std::size_t date)
{
    auto &lists = eligible_[date];
    lists.assign(windows_ * roles_ * teams_, {});
    const std::size_t officers = index_.scenario().officers.size();
    for (std::size_t o = 0; o < officers; ++o) {
        const auto shift = index_.rosterShift(o, date);
        const auto team = index_.teamOf(o);
        if (!shift || !team || index_.maxDuties(o) <= 0)
            continue;
        for (std::size_t w = 0; w < windows_; ++w) {
            if (!index_.shiftCovers(*shift, w))
                continue;
            for (std::size_t r = 0; r < roles_; ++r)
                if (index_.qualifies(o, r))
                    lists[(w * roles_ + r) * teams_ + *team].push_back(o);
        }
    }
}

const std::vector<std::size_t> &CrewEngine::eligible(std::size_t date, std::size_t window, std::size_t role,
                                                     std::size_t team)
{
    if (eligible_[date].empty())
        buildDate(date);
    return eligible_[date][(window * roles_ + role) * teams_ + team];
}

const std::vector<std::size_t> &CrewEngine::teamsByDistance(std::size_t hotspot)
{
    auto &order = teamOrder_[hotspot];
    if (order.size() != teams_) {
        const Scenario &sc = index_.scenario();
        auto &travel = travelUm_[hotspot];
        travel.resize(teams_);
        for (std::size_t t = 0; t < teams_; ++t)
            travel[t] = std::llround(haversineKm(sc.teams[t].base, sc.hotspots[hotspot].location) * kMicrometresPerKm);
        order.resize(teams_);
        for (std::size_t t = 0; t < teams_; ++t)
            order[t] = t;
        std::stable_sort(order.begin(), order.end(),
                         [&travel](std::size_t a, std::size_t b) { return travel[a] < travel[b]; });
    }
    return order;
}

std::int64_t CrewEngine::travelUm(std::size_t team, std::size_t hotspot)
{
    teamsByDistance(hotspot);
    return travelUm_[hotspot][team];
}

int CrewEngine::dutiesLeft(const CrewProblem &problem, std::size_t officer) const
{
    const auto it = problem.dutiesUsed.find(officer);
    return index_.maxDuties(officer) - (it == problem.dutiesUsed.end() ? 0 : it->second);
}

int CrewEngine::keepEligible(const CrewProblem &problem, const CrewSlot &slot, std::size_t team, int limit)
{
    int taken = 0;
    for (const std::size_t o : eligible(slot.date, slot.window, slot.role, team)) {
        if (!available(problem, o, slot.date))
            continue;
        if (keptMark_[o] == 0) {
            keptMark_[o] = 1;
            kept_.push_back(o);
        }
        if (++taken == limit)
            break;
    }
    return taken;
}

bool CrewEngine::available(const CrewProblem &problem, std::size_t officer, std::size_t date) const
{
    return !problem.busy.contains(key(officer, date)) && dutiesLeft(problem, officer) > 0;
}

int CrewEngine::releasable(const CrewProblem &problem, std::size_t team, std::size_t date) const
{
    const auto it = problem.abstracted.find(key(team, date));
    return std::max(0, index_.teamReleasable(team, date) - (it == problem.abstracted.end() ? 0 : it->second));
}

void CrewEngine::keepCandidates(const CrewProblem &problem, std::size_t entry, const SlotCap *capsBegin,
                                const SlotCap *capsEnd, int demand)
{
    const std::size_t date = problem.dates[entry];
    for (std::size_t s = problem.dateSlots[entry].first; s < problem.dateSlots[entry].second; ++s) {
        const CrewSlot &slot = problem.slots[s];
        int contribution = 0;
        for (const std::size_t team : teamsByDistance(slot.hotspot)) {
            const int room = std::min({releasable(problem, team, date), capFor(capsBegin, capsEnd, s, team), demand});
            contribution += room > 0 ? keepEligible(problem, slot, team, room) : 0;
            if (contribution >= demand)
                break;
        }
    }
}

DateSolution CrewEngine::solveDate(const CrewProblem &problem, std::size_t entry, const SlotCap *capsBegin,
                                   const SlotCap *capsEnd)
{
    DateSolution out;
    const std::size_t date = problem.dates[entry];
    const std::size_t first = problem.dateSlots[entry].first;
    const std::size_t last = problem.dateSlots[entry].second;
    int demand = 0;
    for (std::size_t s = first; s < last; ++s)
        demand += problem.slots[s].demand;
    if (demand == 0) {
        out.feasible = true;
        return out;
    }

    kept_.clear();
    keepCandidates(problem, entry, capsBegin, capsEnd, demand);

    net_.reset();
    const std::size_t source = net_.addVertex();
    const std::size_t sink = net_.addVertex();
    std::vector<std::size_t> slotVertex(last - first);
    for (std::size_t s = first; s < last; ++s) {
        slotVertex[s - first] = net_.addVertex();
        net_.addEdge(slotVertex[s - first], sink, problem.slots[s].demand);
    }
    std::vector<std::size_t> teamVertex(teams_, 0);                      // vertex + 1
    std::vector<std::size_t> teamSlotVertex((last - first) * teams_, 0); // vertex + 1
    std::vector<OfficerArc> arcs;
    for (const std::size_t o : kept_) {
        keptMark_[o] = 0;
        const std::size_t team = *index_.teamOf(o);
        if (teamVertex[team] == 0) {
            teamVertex[team] = net_.addVertex() + 1;
            net_.addEdge(source, teamVertex[team] - 1, releasable(problem, team, date));
        }
        const std::size_t officerVertex = net_.addVertex();
        net_.addEdge(teamVertex[team] - 1, officerVertex, 1);
        const std::size_t shift = *index_.rosterShift(o, date);
        for (std::size_t s = first; s < last; ++s) {
            const CrewSlot &slot = problem.slots[s];
            if (!index_.qualifies(o, slot.role) || !index_.shiftCovers(shift, slot.window))
                continue;
            const int cap = capFor(capsBegin, capsEnd, s, team);
            if (cap <= 0)
                continue;
            std::size_t &tsv = teamSlotVertex[(s - first) * teams_ + team];
            if (tsv == 0) {
                tsv = net_.addVertex() + 1;
                net_.addEdge(tsv - 1, slotVertex[s - first], cap == kNoCap ? FlowNetwork::kUnbounded : cap,
                             travelUm(team, slot.hotspot));
            }
            arcs.push_back({net_.addEdge(officerVertex, tsv - 1, FlowNetwork::kUnbounded), o, s});
        }
    }

    return settle(problem, source, sink, demand, first, slotVertex, arcs);
}

DateSolution CrewEngine::settle(const CrewProblem &problem, std::size_t source, std::size_t sink, int demand,
                                std::size_t firstSlot, const std::vector<std::size_t> &slotVertex,
                                const std::vector<OfficerArc> &arcs)
{
    DateSolution out;
    const long sent = net_.minCostMaxFlow(source, sink);
    if (net_.stopped()) {
        out.stopped = true;
        return out;
    }
    if (sent < demand) {
        const std::vector<bool> reach = net_.residualReachable(source);
        for (std::size_t i = 0; i < slotVertex.size(); ++i)
            if (!reach[slotVertex[i]])
                out.deficientSlots.push_back(firstSlot + i);
        return out;
    }
    out.feasible = true;
    for (const OfficerArc &arc : arcs) {
        if (net_.flow(arc.edge) > 0) {
            out.picks.push_back({arc.officer, arc.slot});
            out.costUm += travelUm(*index_.teamOf(arc.officer), problem.slots[arc.slot].hotspot);
        }
    }
    return out;
}

Realisation CrewEngine::realise(const CrewProblem &problem, const std::vector<Pick> &picks)
{
    std::map<std::pair<std::size_t, std::size_t>, int> counts; // (slot, team) -> officers
    for (const Pick &pick : picks)
        ++counts[{pick.slot, *index_.teamOf(pick.officer)}];

    net_.reset();
    const std::size_t source = net_.addVertex();
    const std::size_t sink = net_.addVertex();
    std::unordered_map<std::size_t, std::size_t> officerVertex;
    std::unordered_map<std::uint64_t, std::size_t> officerDateVertex;
    std::vector<OfficerArc> arcs;
    std::vector<std::pair<TeamSlotCount, std::size_t>> groups; // count, vertex
    long total = 0;
    for (const auto &[slotTeam, count] : counts) {
        const std::size_t s = slotTeam.first;
        const CrewSlot &slot = problem.slots[s];
        const std::size_t groupVertex = net_.addVertex();
        net_.addEdge(groupVertex, sink, count);
        total += count;
        groups.push_back({{s, slotTeam.second, count}, groupVertex});
        for (const std::size_t o : eligible(slot.date, slot.window, slot.role, slotTeam.second)) {
            if (!available(problem, o, slot.date))
                continue;
            auto [ov, newOfficer] = officerVertex.try_emplace(o, 0);
            if (newOfficer) {
                ov->second = net_.addVertex();
                net_.addEdge(source, ov->second, dutiesLeft(problem, o));
            }
            auto [odv, newDate] = officerDateVertex.try_emplace(key(o, slot.date), 0);
            if (newDate) {
                odv->second = net_.addVertex();
                net_.addEdge(ov->second, odv->second, 1);
            }
            arcs.push_back({net_.addEdge(odv->second, groupVertex, FlowNetwork::kUnbounded), o, s});
        }
    }

    Realisation out;
    if (realiseObserver != nullptr)
        realiseObserver(net_, realiseContext);
    const long sent = net_.maxFlow(source, sink);
    if (net_.stopped()) {
        out.stopped = true;
        return out;
    }
    if (sent == total) {
        out.ok = true;
        for (const OfficerArc &arc : arcs)
            if (net_.flow(arc.edge) > 0)
                out.picks.push_back({arc.officer, arc.slot});
        return out;
    }
    const std::vector<bool> reach = net_.residualReachable(source);
    for (const auto &group : groups)
        if (!reach[group.second])
            out.hall.push_back(group.first);
    return out;
}

} // namespace lfr::detail
