// The crew subproblem (crew_assignment.h): the request resolved and its pins
// checked, then best-first branch and bound over the per-date optima of
// crew_engine.cpp until a choice respecting max_duties is found.
#include "lfrplan/crew_assignment.h"

#include "crew_engine.h"

#include "lfrplan/geo.h"
#include "lfrplan/scenario_index.h"

#include <algorithm>
#include <limits>
#include <map>
#include <queue>
#include <set>

namespace lfr {

using detail::CapList;
using detail::CrewProblem;
using detail::CrewSlot;
using detail::DateSolution;
using detail::Pick;
using detail::SlotCap;

namespace {

// Rounding of the integer costs: at most half a micrometre per crew member.
constexpr double kRoundingKmPerOfficer = 1e-9;

std::string times(long n) { return n == 1 ? "1 deployment" : std::to_string(n) + " deployments"; }

// Orders the slots by date and records each date's range.
void indexDates(CrewProblem &problem)
{
    std::stable_sort(problem.slots.begin(), problem.slots.end(), [](const CrewSlot &a, const CrewSlot &b) {
        return std::tie(a.date, a.deployment, a.role) < std::tie(b.date, b.deployment, b.role);
    });
    for (std::size_t s = 0; s < problem.slots.size(); ++s) {
        if (problem.dates.empty() || problem.dates.back() != problem.slots[s].date) {
            problem.dates.push_back(problem.slots[s].date);
            problem.dateSlots.emplace_back(s, s);
        }
        problem.dateSlots.back().second = s + 1;
    }
}

// Remembered per-date optima before the cache starts afresh (memory bound).
constexpr std::size_t kDateCacheLimit = 100000;

constexpr const char *kNoCrews = "no crews meet both the team staffing limits and the officers' max_duties: the "
                                 "officers the teams may release on some dates have too few duties left for the others";

// The caps with (slot, team) capped at `cap`.
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

struct Node {
    std::int64_t bound = 0;
    std::size_t seq = 0;
    CapList caps;
};

struct NodeAfter {
    bool operator()(const Node &a, const Node &b) const { return std::tie(a.bound, a.seq) > std::tie(b.bound, b.seq); }
};

} // namespace

class CrewAssigner::Impl {
public:
    Impl(const ScenarioIndex &index, CrewOptions options) : engine_(index), options_(options) {}

    CrewResult assign(const CrewRequest &request);
    double lowerBound(std::size_t hotspot, std::size_t date, std::size_t window);
    std::vector<std::string> explain(std::size_t hotspot, std::size_t date, std::size_t window);

private:
    // A request deployment's hotspot, window and date as scenario positions.
    struct Place {
        std::size_t hotspot = 0, window = 0, date = 0;
    };

    void take(CrewProblem &problem, std::size_t officer, std::size_t date) const;
    void takeFixed(CrewProblem &problem, const std::vector<Deployment> &fixed) const;
    void takePins(CrewProblem &problem, const CrewRequest &request, std::vector<Place> &places,
                  std::vector<std::string> &reasons) const;
    void checkPinnedLimits(const CrewProblem &problem, const std::set<std::size_t> &pinned,
                           const std::set<std::size_t> &dates, std::vector<std::string> &reasons) const;
    bool addSlots(CrewProblem &problem, std::size_t deployment, const Place &place,
                  const std::map<std::size_t, int> &pinnedPerRole, std::vector<std::string> &reasons) const;
    void search(const CrewProblem &problem, const CrewRequest &request, const std::vector<Place> &places,
                CrewResult &result);
    void searchHorizon(const CrewProblem &problem, const CrewRequest &request, const std::vector<Place> &places,
                       CrewResult &result);
    bool withinDuties(const CrewProblem &problem, const std::vector<Pick> &picks) const;
    void finish(const CrewProblem &problem, const CrewRequest &request, const std::vector<Place> &places,
                const std::vector<Pick> &picks, CrewResult &result) const;
    CrewProblem single(std::size_t hotspot, std::size_t date, std::size_t window, std::vector<std::string> &reasons);

    const ScenarioIndex &index() const { return engine_.index(); }

    // The uncapped optimum of one date's slots, remembered across requests:
    // the solver asks about the same dates again and again. Valid while the
    // fixed and pinned crews are the same (context_); keyed by the date and its
    // slots' (hotspot, window, role, demand) in order; picks hold slot offsets
    // within the date.
    const DateSolution &uncapped(const CrewProblem &problem, std::size_t entry);
    void useContext(const CrewProblem &problem);

    detail::CrewEngine engine_;
    CrewOptions options_;
    std::unordered_map<std::uint64_t, double> bounds_;
    std::vector<std::uint64_t> context_;
    std::map<std::vector<std::uint32_t>, DateSolution> dateCache_;
    std::vector<std::uint32_t> keyScratch_;
    DateSolution shifted_; // the last cached answer with slot offsets made absolute
};

void CrewAssigner::Impl::useContext(const CrewProblem &problem)
{
    // The fixed and pinned crews' footprint, exactly: duties used, busy
    // officer-dates, officers abstracted per team-date.
    std::vector<std::uint64_t> context;
    auto append = [&context](std::vector<std::pair<std::uint64_t, std::uint64_t>> entries) {
        std::sort(entries.begin(), entries.end());
        context.push_back(entries.size());
        for (const auto &[key, count] : entries) {
            context.push_back(key);
            context.push_back(count);
        }
    };
    std::vector<std::pair<std::uint64_t, std::uint64_t>> entries;
    for (const auto &[officer, used] : problem.dutiesUsed)
        entries.emplace_back(officer, static_cast<std::uint64_t>(used));
    append(std::move(entries));
    entries.clear();
    for (const std::uint64_t officerDate : problem.busy)
        entries.emplace_back(officerDate, 1);
    append(std::move(entries));
    entries.clear();
    for (const auto &[teamDate, count] : problem.abstracted)
        entries.emplace_back(teamDate, static_cast<std::uint64_t>(count));
    append(std::move(entries));
    if (context != context_ || dateCache_.size() > kDateCacheLimit) {
        context_ = std::move(context);
        dateCache_.clear();
    }
}

const DateSolution &CrewAssigner::Impl::uncapped(const CrewProblem &problem, std::size_t entry)
{
    const auto [first, last] = problem.dateSlots[entry];
    keyScratch_.assign(1, static_cast<std::uint32_t>(problem.dates[entry]));
    for (std::size_t s = first; s < last; ++s) {
        const CrewSlot &slot = problem.slots[s];
        keyScratch_.push_back(static_cast<std::uint32_t>(slot.hotspot));
        keyScratch_.push_back(static_cast<std::uint32_t>(slot.window));
        keyScratch_.push_back(static_cast<std::uint32_t>(slot.role));
        keyScratch_.push_back(static_cast<std::uint32_t>(slot.demand));
    }
    auto it = dateCache_.find(keyScratch_);
    if (it == dateCache_.end()) {
        DateSolution solution = engine_.solveDate(problem, entry, nullptr, nullptr);
        for (Pick &pick : solution.picks)
            pick.slot -= first;
        for (std::size_t &slot : solution.deficientSlots)
            slot -= first;
        it = dateCache_.emplace(keyScratch_, std::move(solution)).first;
    }
    shifted_ = it->second;
    for (Pick &pick : shifted_.picks)
        pick.slot += first;
    for (std::size_t &slot : shifted_.deficientSlots)
        slot += first;
    return shifted_;
}

void CrewAssigner::Impl::take(CrewProblem &problem, std::size_t officer, std::size_t date) const
{
    ++problem.dutiesUsed[officer];
    if (!problem.busy.insert(engine_.key(officer, date)).second)
        return;
    if (const auto team = index().teamOf(officer))
        ++problem.abstracted[engine_.key(*team, date)];
}

void CrewAssigner::Impl::takeFixed(CrewProblem &problem, const std::vector<Deployment> &fixed) const
{
    for (const Deployment &d : fixed) {
        const auto date = index().date(d.date);
        if (!date)
            continue;
        for (const CrewAssignment &member : d.crew)
            if (const auto officer = index().officer(member.officer))
                take(problem, *officer, *date);
    }
}

void CrewAssigner::Impl::takePins(CrewProblem &problem, const CrewRequest &request, std::vector<Place> &places,
                                  std::vector<std::string> &reasons) const
{
    std::set<std::size_t> pinned, dates;
    for (std::size_t i = 0; i < request.deployments.size(); ++i) {
        const Deployment &d = request.deployments[i];
        const auto hotspot = index().hotspot(d.hotspot);
        const auto window = index().window(d.window);
        const auto date = index().date(d.date);
        const std::string label = "Deployment " + std::to_string(i + 1) + " (" + index().describe(d) + ")";
        if (!hotspot || !window || !date) {
            reasons.push_back(label + (!hotspot  ? ": unknown hotspot"
                                       : !window ? ": unknown window"
                                                 : ": date outside the planning horizon"));
            continue;
        }
        places[i] = {*hotspot, *window, *date};
        const std::string day = formatDay(d.date);
        std::map<std::size_t, int> pinnedPerRole;
        std::set<std::size_t> inCrew;
        for (const CrewAssignment &member : d.crew) {
            const auto officer = index().officer(member.officer);
            const auto role = index().role(member.role);
            const std::string name = index().officerName(member.officer);
            if (!officer || !role) {
                reasons.push_back(label + ": unknown " +
                                  (!officer ? "officer " + name : "role \"" + member.role + "\""));
                continue;
            }
            ++pinnedPerRole[*role];
            if (!inCrew.insert(*officer).second) {
                reasons.push_back(name + " is pinned twice in the crew of " + label);
                continue;
            }
            if (!index().qualifies(*officer, *role))
                reasons.push_back(name + " is pinned as " + detail::roleLabel(index(), *role) + " at " + label +
                                  " but is not qualified");
            if (!index().onDutyCovering(*officer, *date, *window))
                reasons.push_back(name + " is pinned at " + label + " but is not on a shift covering " + d.window +
                                  " on " + day);
            if (problem.busy.contains(engine_.key(*officer, *date)))
                reasons.push_back(name + " is pinned at " + label + " but already staffs another deployment on " + day);
            take(problem, *officer, *date);
            pinned.insert(*officer);
        }
        addSlots(problem, i, places[i], pinnedPerRole, reasons);
        dates.insert(*date);
    }
    checkPinnedLimits(problem, pinned, dates, reasons);
}

bool CrewAssigner::Impl::addSlots(CrewProblem &problem, std::size_t deployment, const Place &place,
                                  const std::map<std::size_t, int> &pinnedPerRole,
                                  std::vector<std::string> &reasons) const
{
    const CrewMap &crew = index().effectiveCrew(place.hotspot);
    for (const auto &[roleId, pinnedCount] : pinnedPerRole) {
        const auto it = crew.find(index().scenario().roles[roleId].id);
        const int count = it == crew.end() ? 0 : it->second;
        if (pinnedCount > count)
            reasons.push_back(index().hotspotName(index().scenario().hotspots[place.hotspot].id) + " on " +
                              formatDay(index().scenario().dates[place.date]) + " " +
                              index().scenario().windows[place.window].id + ": " + std::to_string(pinnedCount) +
                              " officers pinned as " + index().scenario().roles[roleId].id + ", the crew has " +
                              std::to_string(count));
    }
    bool ok = true;
    for (const auto &[roleName, count] : crew) {
        const auto role = index().role(roleName);
        if (!role) {
            if (count > 0) {
                reasons.push_back("the crew at " + index().hotspotName(index().scenario().hotspots[place.hotspot].id) +
                                  " needs unknown role \"" + roleName + "\"");
                ok = false;
            }
            continue;
        }
        const auto pinnedIt = pinnedPerRole.find(*role);
        const int demand = count - (pinnedIt == pinnedPerRole.end() ? 0 : pinnedIt->second);
        if (demand > 0)
            problem.slots.push_back({deployment, *role, place.date, place.window, place.hotspot, demand});
    }
    return ok;
}

void CrewAssigner::Impl::checkPinnedLimits(const CrewProblem &problem, const std::set<std::size_t> &pinned,
                                           const std::set<std::size_t> &dates, std::vector<std::string> &reasons) const
{
    for (const std::size_t officer : pinned) {
        const int used = problem.dutiesUsed.at(officer);
        if (used > index().maxDuties(officer))
            reasons.push_back(index().officerName(index().scenario().officers[officer].id) + " is pinned to " +
                              times(used) + " (with fixed crews); max_duties allows " +
                              std::to_string(index().maxDuties(officer)));
    }
    const std::map<std::uint64_t, int> abstracted(problem.abstracted.begin(), problem.abstracted.end());
    for (const auto &[key, count] : abstracted) {
        const std::size_t team = static_cast<std::size_t>(key / index().dateCount());
        const std::size_t date = static_cast<std::size_t>(key % index().dateCount());
        if (dates.contains(date) && count > index().teamReleasable(team, date))
            reasons.push_back(index().teamName(index().scenario().teams[team].id) + " may release at most " +
                              std::to_string(index().teamReleasable(team, date)) + " officers on " +
                              formatDay(index().scenario().dates[date]) + "; the pinned and fixed crews take " +
                              std::to_string(count));
    }
}

CrewResult CrewAssigner::Impl::assign(const CrewRequest &request)
{
    CrewResult result;
    CrewProblem problem;
    std::vector<Place> places(request.deployments.size());
    takeFixed(problem, request.fixed);
    takePins(problem, request, places, result.reasons);
    if (!result.reasons.empty())
        return result;
    indexDates(problem);
    useContext(problem);
    search(problem, request, places, result);
    return result;
}

bool CrewAssigner::Impl::withinDuties(const CrewProblem &problem, const std::vector<Pick> &picks) const
{
    std::unordered_map<std::size_t, int> uses;
    for (const Pick &pick : picks)
        if (++uses[pick.officer] > engine_.dutiesLeft(problem, pick.officer))
            return false;
    return true;
}

void CrewAssigner::Impl::search(const CrewProblem &problem, const CrewRequest &request,
                                const std::vector<Place> &places, CrewResult &result)
{
    const std::size_t entries = problem.dates.size();
    std::vector<std::size_t> entryOf(problem.slots.size());
    for (std::size_t e = 0; e < entries; ++e)
        for (std::size_t s = problem.dateSlots[e].first; s < problem.dateSlots[e].second; ++s)
            entryOf[s] = e;
    std::vector<std::map<CapList, DateSolution>> cache(entries);
    // The date's optimum under the caps of its own slots.
    auto solved = [&](std::size_t e, const CapList &caps) -> const DateSolution & {
        const auto lo = std::lower_bound(caps.begin(), caps.end(), problem.dateSlots[e].first,
                                         [](const SlotCap &c, std::size_t s) { return c.slot < s; });
        const auto hi = std::lower_bound(lo, caps.end(), problem.dateSlots[e].second,
                                         [](const SlotCap &c, std::size_t s) { return c.slot < s; });
        CapList own(lo, hi);
        auto it = cache[e].find(own);
        if (it == cache[e].end()) {
            DateSolution solution =
                own.empty() ? uncapped(problem, e) : engine_.solveDate(problem, e, own.data(), own.data() + own.size());
            it = cache[e].emplace(std::move(own), std::move(solution)).first;
        }
        return it->second;
    };
    auto boundOf = [&](const CapList &caps) {
        std::int64_t bound = 0;
        for (std::size_t e = 0; e < entries; ++e)
            bound += solved(e, caps).costUm;
        return bound;
    };

    for (std::size_t e = 0; e < entries; ++e) {
        const DateSolution &root = solved(e, {});
        if (!root.feasible)
            for (std::string &reason : detail::explainDateShortfall(engine_, problem, e, root.deficientSlots))
                result.reasons.push_back(std::move(reason));
    }
    if (!result.reasons.empty())
        return;

    // Phase 1: branch over the per-date optima, which keep the team limits
    // exactly; cheap while few officers are wanted beyond their max_duties.
    std::priority_queue<Node, std::vector<Node>, NodeAfter> open;
    std::set<CapList> seen{CapList{}};
    std::size_t seq = 0;
    open.push({boundOf({}), seq++, {}});
    const std::size_t quickLimit = std::min(options_.maxNodes, options_.perDateNodes);
    while (!open.empty() && result.nodes < quickLimit) {
        const Node node = open.top();
        open.pop();
        ++result.nodes;
        std::vector<Pick> picks;
        for (std::size_t e = 0; e < entries; ++e) {
            const DateSolution &solution = solved(e, node.caps);
            picks.insert(picks.end(), solution.picks.begin(), solution.picks.end());
        }
        if (withinDuties(problem, picks))
            return finish(problem, request, places, picks, result);
        const detail::Realisation real = engine_.realise(problem, picks);
        if (real.ok)
            return finish(problem, request, places, real.picks, result);
        for (const detail::TeamSlotCount &group : real.hall) {
            CapList caps = withCap(node.caps, group.slot, group.team, group.count - 1);
            if (!seen.insert(caps).second || !solved(entryOf[group.slot], caps).feasible)
                continue;
            open.push({boundOf(caps), seq++, std::move(caps)});
        }
    }
    if (open.empty()) { // proven infeasible: say so in max_duties' words when they alone explain it
        const DateSolution horizon = engine_.solveHorizon(problem, {});
        result.reasons.push_back(horizon.feasible
                                     ? std::string(kNoCrews)
                                     : detail::explainDutyShortfall(engine_, problem, horizon.deficientSlots));
        return;
    }
    searchHorizon(problem, request, places, result);
}

void CrewAssigner::Impl::searchHorizon(const CrewProblem &problem, const CrewRequest &request,
                                       const std::vector<Place> &places, CrewResult &result)
{
    // Phase 2: branch over the whole-horizon optima, which keep max_duties
    // exactly, on the team limits they break.
    struct HorizonNode {
        std::int64_t bound = 0;
        std::size_t seq = 0;
        CapList caps;
        DateSolution solution;
    };
    struct After {
        bool operator()(const HorizonNode &a, const HorizonNode &b) const
        {
            return std::tie(a.bound, a.seq) > std::tie(b.bound, b.seq);
        }
    };
    std::priority_queue<HorizonNode, std::vector<HorizonNode>, After> open;
    std::set<CapList> seen{CapList{}};
    std::size_t seq = 0;
    DateSolution root = engine_.solveHorizon(problem, {});
    if (!root.feasible) {
        result.reasons.push_back(detail::explainDutyShortfall(engine_, problem, root.deficientSlots));
        return;
    }
    open.push({root.costUm, seq++, {}, std::move(root)});
    while (!open.empty()) {
        const HorizonNode node = open.top();
        open.pop();
        if (++result.nodes > options_.maxNodes) {
            result.searchLimitReached = true;
            result.reasons.push_back("the search for crews stopped after " + std::to_string(options_.maxNodes) +
                                     " branches without an answer");
            return;
        }
        // The team and date most over its release limit, if any.
        std::map<std::pair<std::size_t, std::size_t>, int> taken; // (date, team) -> officers
        for (const Pick &pick : node.solution.picks)
            ++taken[{problem.slots[pick.slot].date, *index().teamOf(pick.officer)}];
        std::pair<std::size_t, std::size_t> worst{0, 0};
        int excess = 0;
        for (const auto &[dateTeam, count] : taken) {
            const int over = count - engine_.releasable(problem, dateTeam.second, dateTeam.first);
            if (over > excess) {
                excess = over;
                worst = dateTeam;
            }
        }
        if (excess == 0)
            return finish(problem, request, places, node.solution.picks, result);
        std::map<std::size_t, int> perSlot; // slot -> officers of the worst team there
        for (const Pick &pick : node.solution.picks)
            if (problem.slots[pick.slot].date == worst.first && *index().teamOf(pick.officer) == worst.second)
                ++perSlot[pick.slot];
        for (const auto &[slot, count] : perSlot) {
            CapList caps = withCap(node.caps, slot, worst.second, count - 1);
            if (!seen.insert(caps).second)
                continue;
            DateSolution child = engine_.solveHorizon(problem, caps);
            if (child.feasible)
                open.push({child.costUm, seq++, std::move(caps), std::move(child)});
        }
    }
    result.reasons.push_back(kNoCrews);
}

void CrewAssigner::Impl::finish(const CrewProblem &problem, const CrewRequest &request,
                                const std::vector<Place> &places, const std::vector<Pick> &picks,
                                CrewResult &result) const
{
    std::vector<std::vector<std::pair<std::size_t, std::size_t>>> chosen(request.deployments.size());
    for (const Pick &pick : picks)
        chosen[problem.slots[pick.slot].deployment].emplace_back(problem.slots[pick.slot].role, pick.officer);
    const Scenario &sc = index().scenario();
    result.feasible = true;
    result.crews.resize(request.deployments.size());
    result.travelKm = 0.0;
    for (std::size_t i = 0; i < request.deployments.size(); ++i) {
        std::vector<CrewAssignment> &crew = result.crews[i];
        crew = request.deployments[i].crew;
        std::sort(chosen[i].begin(), chosen[i].end());
        for (const auto &member : chosen[i])
            crew.push_back({sc.officers[member.second].id, sc.roles[member.first].id});
        for (const CrewAssignment &member : crew) {
            const auto officer = index().officer(member.officer);
            const auto team = officer ? index().teamOf(*officer) : std::nullopt;
            if (team)
                result.travelKm += haversineKm(sc.teams[*team].base, sc.hotspots[places[i].hotspot].location);
        }
    }
}

CrewProblem CrewAssigner::Impl::single(std::size_t hotspot, std::size_t date, std::size_t window,
                                       std::vector<std::string> &reasons)
{
    CrewProblem problem;
    addSlots(problem, 0, {hotspot, window, date}, {}, reasons);
    indexDates(problem);
    return problem;
}

double CrewAssigner::Impl::lowerBound(std::size_t hotspot, std::size_t date, std::size_t window)
{
    const std::uint64_t key =
        (static_cast<std::uint64_t>(hotspot) * index().dateCount() + date) * index().scenario().windows.size() + window;
    if (const auto it = bounds_.find(key); it != bounds_.end())
        return it->second;
    std::vector<std::string> reasons;
    const CrewProblem problem = single(hotspot, date, window, reasons);
    double bound = reasons.empty() ? 0.0 : std::numeric_limits<double>::infinity();
    if (reasons.empty() && !problem.dates.empty()) {
        const DateSolution solution = engine_.solveDate(problem, 0, nullptr, nullptr);
        if (!solution.feasible) {
            bound = std::numeric_limits<double>::infinity();
        } else {
            const Scenario &sc = index().scenario();
            for (const Pick &pick : solution.picks)
                bound += haversineKm(sc.teams[*index().teamOf(pick.officer)].base, sc.hotspots[hotspot].location) -
                         kRoundingKmPerOfficer;
            bound = std::max(0.0, bound);
        }
    }
    bounds_.emplace(key, bound);
    return bound;
}

std::vector<std::string> CrewAssigner::Impl::explain(std::size_t hotspot, std::size_t date, std::size_t window)
{
    std::vector<std::string> reasons;
    const CrewProblem problem = single(hotspot, date, window, reasons);
    if (reasons.empty() && !problem.dates.empty()) {
        const DateSolution solution = engine_.solveDate(problem, 0, nullptr, nullptr);
        if (!solution.feasible)
            reasons = detail::explainDateShortfall(engine_, problem, 0, solution.deficientSlots);
    }
    return reasons;
}

CrewAssigner::CrewAssigner(const ScenarioIndex &index, CrewOptions options)
    : impl_(std::make_unique<Impl>(index, options))
{
}

CrewAssigner::~CrewAssigner() = default;

CrewResult CrewAssigner::assign(const CrewRequest &request) { return impl_->assign(request); }

double CrewAssigner::travelLowerBound(std::size_t hotspot, std::size_t date, std::size_t window)
{
    return impl_->lowerBound(hotspot, date, window);
}

std::vector<std::string> CrewAssigner::explainUnstaffable(std::size_t hotspot, std::size_t date, std::size_t window)
{
    return impl_->explain(hotspot, date, window);
}

CrewResult assignCrews(const ScenarioIndex &index, const CrewRequest &request)
{
    return CrewAssigner(index).assign(request);
}

double crewTravelLowerBound(const ScenarioIndex &index, std::size_t hotspot, std::size_t date, std::size_t window)
{
    return CrewAssigner(index).travelLowerBound(hotspot, date, window);
}

std::vector<std::string> explainUnstaffable(const ScenarioIndex &index, std::size_t hotspot, std::size_t date,
                                            std::size_t window)
{
    return CrewAssigner(index).explainUnstaffable(hotspot, date, window);
}

} // namespace lfr
