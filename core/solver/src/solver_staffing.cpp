#include "solver_staffing.h"

#include "crew_lp.h"
#include "solver_vans.h"

#include "lfrplan/validator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace lfr {

CrewPlanner::CrewPlanner(const ScenarioIndex &index) : ix_(index), assigner_(index) {}

double CrewPlanner::travelLowerBoundKm(std::size_t hotspot, std::size_t date, std::size_t window) const
{
    return assigner_.travelLowerBound(hotspot, date, window); // cached by the assigner
}

std::vector<std::string> CrewPlanner::whyUnstaffable(std::size_t hotspot, std::size_t date, std::size_t window) const
{
    return assigner_.explainUnstaffable(hotspot, date, window);
}

CrewResult CrewPlanner::noCrews(const std::vector<Deployment> &deployments) const
{
    CrewResult out;
    for (const Deployment &d : deployments) {
        const auto h = ix_.hotspot(d.hotspot);
        const auto t = ix_.date(d.date);
        const auto w = ix_.window(d.window);
        if (h && t && w && d.crew.empty())
            for (std::string &reason : assigner_.explainUnstaffable(*h, *t, *w))
                out.reasons.push_back(std::move(reason));
    }
    if (out.reasons.empty())
        out.reasons.emplace_back(
            "no crews meet both the team staffing limits and the officers' max_duties: the officers the teams may "
            "release on some dates have too few duties left for the others");
    return out;
}

SearchStop::SearchStop(std::chrono::steady_clock::time_point started, double timeLimitSeconds,
                       const ProgressCallback &progress)
    : started_(started), caller_(progress)
{
    using namespace std::chrono;
    constexpr double kForever = 1e9; // seconds; keeps the deadline representable
    crewStop_.deadline =
        started + duration_cast<steady_clock::duration>(duration<double>(std::min(timeLimitSeconds, kForever)));
    if (!caller_)
        return;
    relayed_ = [this](const SolveProgress &p) { return ask(p); };
    crewStop_.cancelled = [this] {
        if (cancelled_)
            return true;
        const auto now = steady_clock::now();
        if (!last_ || now - lastSent_ < kResend)
            return false;
        SolveProgress again = *last_;
        again.elapsedSeconds = duration<double>(now - started_).count();
        return !ask(again);
    };
}

bool SearchStop::ask(const SolveProgress &p)
{
    last_ = p;
    lastSent_ = std::chrono::steady_clock::now();
    if (!caller_(p))
        cancelled_ = true;
    return !cancelled_;
}

CrewResult CrewPlanner::assign(const std::vector<Deployment> &deployments, const CrewStop &stop) const
{
    // Crews by classes of interchangeable officers first (crew_lp.h): exact,
    // and quick where the flow-based searches branch for long; those decide
    // what it gives up on, and explain pins it cannot read.
    const auto stopNow = [&stop] {
        return (stop.deadline && std::chrono::steady_clock::now() >= *stop.deadline) ||
               (stop.cancelled && stop.cancelled());
    };
    CrewLpOutcome byClasses = assignCrewsByClasses(ix_, deployments, stopNow);
    if (byClasses.kind == CrewLpOutcome::Kind::Solved)
        return std::move(byClasses.result);
    if (byClasses.kind == CrewLpOutcome::Kind::Infeasible)
        return noCrews(deployments);
    CrewRequest request;
    request.deployments = deployments;
    return assigner_.assign(request, stop);
}

std::vector<std::string> pinSlotProblems(const ScenarioIndex &ix, std::vector<Candidate> &pins)
{
    const Scenario &sc = ix.scenario();
    std::vector<std::string> problems;
    for (std::size_t p = 0; p < sc.pinned.size(); ++p) {
        const Pin &pin = sc.pinned[p];
        // Named by what it pins, as the planner set it (issue 17, finding 10: "Pin 1").
        const std::string label = "The pin of " + ix.describe(pin);
        const auto hotspotIndex = ix.hotspot(pin.hotspot);
        const auto dateIndex = ix.date(pin.date);
        const auto windowIndex = ix.window(pin.window);
        if (!hotspotIndex || !dateIndex || !windowIndex) {
            problems.push_back(label + ": names a hotspot, date or window the scenario does not have");
            continue;
        }
        const std::size_t h = *hotspotIndex;
        const std::size_t t = *dateIndex;
        const std::size_t w = *windowIndex;
        if (!ix.windowMultiplier(h, w))
            problems.push_back(label + ": the " + pin.window + " window is not allowed at " +
                               ix.hotspotName(pin.hotspot));
        if (!ix.hotspotAllowsDate(h, t))
            problems.push_back(label + ": " + ix.hotspotName(pin.hotspot) + " may not be used on " +
                               formatDay(pin.date));
        // The van, the pinned officers: in validate's words (issue 18, finding 9).
        for (const Violation &v : pinAloneViolations(ix, p)) {
            if (v.check == Check::WindowNotAllowed || v.check == Check::DateNotAllowed)
                continue; // said above
            const auto colon = v.message.find(": ");
            problems.push_back(label + ": " + (colon == std::string::npos ? v.message : v.message.substr(colon + 2)));
        }
        for (std::size_t q = 0; q < p; ++q) {
            const Pin &other = sc.pinned[q];
            if (other.hotspot == pin.hotspot && other.date == pin.date && other.window == pin.window)
                problems.push_back(label + ": another pin is on the same hotspot, date and window, and no two "
                                           "deployments may share them");
        }
        const auto &hotspot = sc.hotspots[h];
        const auto multiplier = ix.windowMultiplier(h, w).value_or(0.0);
        pins.push_back(Candidate{
            h, t, w,
            hotspot.value * multiplier * hotspot.weekdayFactor[static_cast<std::size_t>(weekdayIndex(pin.date))], 0.0});
    }
    return problems;
}

Staffing staffSlots(const ScenarioIndex &ix, const CrewPlanner &crews, const std::vector<Candidate> &slots,
                    const CrewStop &stop)
{
    const Scenario &sc = ix.scenario();
    Staffing out;
    out.deployments.resize(slots.size());
    std::map<std::size_t, std::vector<std::size_t>> byDate;
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const Candidate &c = slots[i];
        Deployment &d = out.deployments[i];
        d.date = sc.dates[c.date];
        d.hotspot = sc.hotspots[c.hotspot].id;
        d.window = sc.windows[c.window].id;
        if (i < sc.pinned.size())
            d.crew = sc.pinned[i].crew;
        byDate[c.date].push_back(i);
    }
    for (const auto &entry : byDate) {
        std::vector<VanRequest> requests;
        for (const std::size_t i : entry.second) {
            VanRequest r{slots[i].window, std::nullopt, std::nullopt};
            if (i < sc.pinned.size() && sc.pinned[i].van)
                r.pinnedVan = ix.van(*sc.pinned[i].van);
            requests.push_back(r);
        }
        const auto vans = assignVans(ix, entry.first, requests);
        if (!vans) {
            out.reasons.push_back(
                "on " + formatDay(sc.dates[entry.first]) + " no arrangement of the available vans " + "covers " +
                std::to_string(requests.size()) + " deployments" +
                " (each van takes at most its daily limit of deployments, never in overlapping windows)");
            return out;
        }
        for (std::size_t k = 0; k < entry.second.size(); ++k)
            out.deployments[entry.second[k]].van = sc.vans[(*vans)[k]].id;
    }
    const bool pinsAlone = slots.size() == sc.pinned.size();
    const CrewResult crewResult = crews.assign(out.deployments, pinsAlone ? CrewStop{} : stop);
    if (!crewResult.feasible) {
        out.reasons = crewResult.reasons;
        out.uncertain = crewResult.searchLimitReached || crewResult.stopped;
        return out;
    }
    for (std::size_t i = 0; i < slots.size(); ++i)
        out.deployments[i].crew = crewResult.crews[i];
    out.travelPenalty = sc.policy.travelWeight * crewResult.travelKm;
    out.feasible = true;
    return out;
}

std::string joinReasons(const std::vector<std::string> &reasons)
{
    std::string out;
    for (const std::string &r : reasons) {
        if (!out.empty())
            out += "; ";
        out += r;
    }
    return out;
}

} // namespace lfr
