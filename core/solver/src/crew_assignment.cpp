// The crew subproblem (crew_assignment.h): the request resolved and its pins
// checked, then best-first branch and bound over the per-date optima of
// crew_engine.cpp until a choice respecting max_duties is found.
#include "lfrplan/crew_assignment.h"

#include "crew_engine.h"
#include "crew_phases.h"

#include "lfrplan/geo.h"
#include "lfrplan/scenario_index.h"

#include <algorithm>
#include <limits>
#include <map>
#include <queue>
#include <set>

namespace lfr {

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

// Work units (StopCheck::poll) a branch-and-bound node counts for itself, on
// top of its flows: a node answered from the caches polls nothing else.
constexpr long kNodeWork = 64;

const char *const kStopped = "the search for crews was stopped (time limit or cancel) before it had an answer";

// Points the engine at a call's StopCheck for the call's lifetime.
class StopScope {
public:
    StopScope(detail::CrewEngine &engine, detail::StopCheck &stop) : engine_(engine) { engine_.setStop(&stop); }
    ~StopScope() { engine_.setStop(nullptr); }
    StopScope(const StopScope &) = delete;
    StopScope &operator=(const StopScope &) = delete;

private:
    detail::CrewEngine &engine_;
};

} // namespace

class CrewAssigner::Impl {
public:
    Impl(const ScenarioIndex &index, CrewOptions options) : engine_(index), options_(options) {}

    CrewResult assign(const CrewRequest &request, const CrewStop &stop);
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
                detail::StopCheck &stop, CrewResult &result);
    void finish(const CrewProblem &problem, const CrewRequest &request, const std::vector<Place> &places,
                const std::vector<Pick> &picks, CrewResult &result) const;
    CrewProblem single(std::size_t hotspot, std::size_t date, std::size_t window, std::vector<std::string> &reasons);

    const ScenarioIndex &index() const { return engine_.index(); }

    // The optimum of one date's slots under caps on their (slot, team)
    // counts, remembered across requests: the solver asks about the same
    // dates, and the same max_duties branches, again and again. Valid while
    // the fixed and pinned crews are the same (context_); keyed by the date,
    // its slots' (hotspot, window, role, demand) in order and the caps, with
    // slots as offsets within the date (so are the stored picks).
    const DateSolution &dateOptimum(const CrewProblem &problem, std::size_t entry, const SlotCap *capsBegin,
                                    const SlotCap *capsEnd);
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

const DateSolution &CrewAssigner::Impl::dateOptimum(const CrewProblem &problem, std::size_t entry,
                                                    const SlotCap *capsBegin, const SlotCap *capsEnd)
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
    for (const SlotCap *cap = capsBegin; cap != capsEnd; ++cap) {
        keyScratch_.push_back(static_cast<std::uint32_t>(cap->slot - first));
        keyScratch_.push_back(cap->team);
        keyScratch_.push_back(static_cast<std::uint32_t>(cap->cap));
    }
    auto it = dateCache_.find(keyScratch_);
    if (it == dateCache_.end()) {
        DateSolution solution = engine_.solveDate(problem, entry, capsBegin, capsEnd);
        if (solution.stopped) { // no answer: never remembered
            shifted_ = std::move(solution);
            return shifted_;
        }
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

CrewResult CrewAssigner::Impl::assign(const CrewRequest &request, const CrewStop &crewStop)
{
    CrewResult result;
    detail::StopCheck stop(crewStop.deadline, crewStop.cancelled);
    if (stop.checkNow()) {
        result.stopped = true;
        result.reasons.emplace_back(kStopped);
        return result;
    }
    const StopScope scope(engine_, stop);
    CrewProblem problem;
    std::vector<Place> places(request.deployments.size());
    takeFixed(problem, request.fixed);
    takePins(problem, request, places, result.reasons);
    if (!result.reasons.empty())
        return result;
    indexDates(problem);
    useContext(problem);
    search(problem, request, places, stop, result);
    return result;
}

// When `stop` says stop, returns at once with the result marked stopped: a
// step during which it said stop has no answer to read.
void CrewAssigner::Impl::search(const CrewProblem &problem, const CrewRequest &request,
                                const std::vector<Place> &places, detail::StopCheck &stop, CrewResult &result)
{
    const auto stopped = [&] {
        if (!stop.stopped())
            return false;
        result = CrewResult{};
        result.stopped = true;
        result.reasons.emplace_back(kStopped);
        return true;
    };
    detail::PerDatePhase perDate(engine_, problem,
                                 [&](std::size_t e, const SlotCap *capsBegin, const SlotCap *capsEnd) {
                                     return dateOptimum(problem, e, capsBegin, capsEnd);
                                 });
    for (std::size_t e = 0; e < problem.dates.size(); ++e) {
        const DateSolution &root = perDate.root(e);
        if (stopped())
            return;
        if (!root.feasible)
            for (std::string &reason : detail::explainDateShortfall(engine_, problem, e, root.deficientSlots))
                result.reasons.push_back(std::move(reason));
    }
    if (!result.reasons.empty())
        return;

    // Both searches are exact; which is quicker depends on whether team
    // limits or max_duties bind. They take turns with doubling budgets, the
    // per-date one (cheap nodes) first, and the first answer is taken.
    detail::HorizonPhase horizon(engine_, problem);
    const bool useHorizon = options_.perDateNodes < options_.maxNodes;
    const bool usePerDate = options_.perDateNodes > 0;
    std::size_t perDateBudget = usePerDate ? options_.perDateNodes : 0;
    std::size_t horizonBudget = useHorizon ? std::max<std::size_t>(1, options_.perDateNodes / 4) : 0;
    std::size_t perDateUsed = 0, horizonUsed = 0;
    while (result.nodes < options_.maxNodes) {
        const std::size_t before = result.nodes;
        while (perDateUsed < perDateBudget && result.nodes < options_.maxNodes) {
            if (stop.poll(kNodeWork) && stopped())
                return;
            ++perDateUsed;
            ++result.nodes;
            const detail::PhaseState state = perDate.step();
            if (stopped())
                return;
            if (state == detail::PhaseState::Found)
                return finish(problem, request, places, perDate.picks(), result);
            if (state == detail::PhaseState::Exhausted) {
                // Proven infeasible: in max_duties' words when they alone explain it.
                detail::HorizonPhase words(engine_, problem);
                const bool inWords = words.step() == detail::PhaseState::Exhausted && !stop.stopped();
                result.reasons.push_back(inWords ? words.reason() : std::string(detail::kNoCrews));
                return;
            }
        }
        while (horizonUsed < horizonBudget && result.nodes < options_.maxNodes) {
            if (stop.poll(kNodeWork) && stopped())
                return;
            ++horizonUsed;
            ++result.nodes;
            const detail::PhaseState state = horizon.step();
            if (stopped())
                return;
            if (state == detail::PhaseState::Found)
                return finish(problem, request, places, horizon.picks(), result);
            if (state == detail::PhaseState::Exhausted) {
                result.reasons.push_back(horizon.reason());
                return;
            }
        }
        if (result.nodes == before)
            break;
        perDateBudget = usePerDate ? std::max(perDateBudget * 2, options_.perDateNodes) : 0;
        horizonBudget = useHorizon ? horizonBudget * 2 : 0;
    }
    result.searchLimitReached = true;
    result.reasons.push_back("the search for crews stopped after " + std::to_string(options_.maxNodes) +
                             " branches without an answer");
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

CrewResult CrewAssigner::assign(const CrewRequest &request, const CrewStop &stop)
{
    return impl_->assign(request, stop);
}

double CrewAssigner::travelLowerBound(std::size_t hotspot, std::size_t date, std::size_t window)
{
    return impl_->lowerBound(hotspot, date, window);
}

std::vector<std::string> CrewAssigner::explainUnstaffable(std::size_t hotspot, std::size_t date, std::size_t window)
{
    return impl_->explain(hotspot, date, window);
}

CrewResult assignCrews(const ScenarioIndex &index, const CrewRequest &request, const CrewStop &stop)
{
    return CrewAssigner(index).assign(request, stop);
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
