#include "solver_explain.h"

#include "lfrplan/objective.h"
#include "lfrplan/planner_words.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>

namespace lfr {

namespace {

std::string fixed1(double v)
{
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << v;
    return out.str();
}

using words::ordinal;

std::string slotLabel(const ScenarioIndex &ix, const Candidate &c)
{
    const Scenario &sc = ix.scenario();
    return sc.hotspots[c.hotspot].name + " on " + formatDay(sc.dates[c.date]) + " (" + sc.windows[c.window].id + ")";
}

// Why a slot left out of the plan could not join it.
std::string whyLeftOut(const ScenarioIndex &ix, const CrewPlanner &crews, const Plan &plan,
                       const std::vector<Candidate> &planSlots, const Candidate &c, const CrewStop &stop)
{
    const Scenario &sc = ix.scenario();
    const Policy &p = sc.policy;
    const Hotspot &h = sc.hotspots[c.hotspot];
    std::set<std::size_t> days;
    std::size_t onDate = 0;
    int atHotspot = 0;
    for (const Candidate &s : planSlots) {
        days.insert(s.date);
        onDate += s.date == c.date ? 1U : 0U;
        atHotspot += s.hotspot == c.hotspot ? 1 : 0;
    }
    if (static_cast<int>(plan.deployments.size()) >= p.maxDeployments)
        return "the policy's " + std::to_string(p.maxDeployments) + " deployments are all used";
    if (!days.count(c.date) && static_cast<int>(days.size()) >= p.maxDays)
        return "it would be a " + ordinal(days.size() + 1) + " day, and the policy allows " + std::to_string(p.maxDays);
    if (p.maxPerDate && static_cast<int>(onDate) >= *p.maxPerDate)
        return formatDay(sc.dates[c.date]) + " already has the policy's " + std::to_string(*p.maxPerDate) +
               " deployments a day";
    if (atHotspot >= h.maxPerHorizon)
        return h.name + " already has its " + std::to_string(h.maxPerHorizon) + " deployments this horizon";
    for (const Candidate &s : planSlots)
        if (s.hotspot == c.hotspot && std::abs(daysBetween(sc.dates[s.date], sc.dates[c.date])) < h.minGapDays)
            return h.name + " is already deployed on " + formatDay(sc.dates[s.date]) + ", closer than its " +
                   std::to_string(h.minGapDays) + "-day gap";
    std::vector<Candidate> with = planSlots;
    with.push_back(c);
    const Staffing staffing = staffSlots(ix, crews, with, stop);
    if (staffing.uncertain)
        return "not checked: the time limit came first";
    if (!staffing.feasible)
        return staffing.reasons.empty() ? std::string("no vans or crews cover it as well") : staffing.reasons.front();
    return "it can be staffed, but only by moving officers or vans in a way that costs more than it adds";
}

// VALUE of a set of slots (section 4).
double setValue(const ScenarioIndex &ix, const std::vector<Candidate> &slots)
{
    const Scenario &sc = ix.scenario();
    std::vector<std::vector<double>> byHotspot(sc.hotspots.size());
    for (const Candidate &c : slots)
        byHotspot[c.hotspot].push_back(c.value);
    double total = 0.0;
    for (std::size_t h = 0; h < byHotspot.size(); ++h) {
        std::sort(byHotspot[h].begin(), byHotspot[h].end(), std::greater<>());
        double weight = 1.0;
        for (const double v : byHotspot[h]) {
            total += weight * v;
            weight *= sc.hotspots[h].repeatDecay;
        }
    }
    return total;
}

// The limits the plan meets exactly, each with what the best slot it keeps
// out could add at most (its decayed value less its cheapest crew): the
// constraints that bind at the optimum, in a planner's words.
std::vector<std::string> bindingLimits(const ScenarioIndex &ix, const Plan &plan,
                                       const std::vector<Candidate> &planSlots,
                                       const std::vector<Candidate> &candidates)
{
    const Scenario &sc = ix.scenario();
    const Policy &p = sc.policy;
    std::vector<std::string> out;
    const double base = setValue(ix, planSlots);
    auto gainOf = [&](const Candidate &c) {
        std::vector<Candidate> with = planSlots;
        with.push_back(c);
        return setValue(ix, with) - base - c.travelBound;
    };
    auto inPlan = [&](const Candidate &c) {
        return std::any_of(planSlots.begin(), planSlots.end(), [&](const Candidate &s) {
            return s.hotspot == c.hotspot && s.date == c.date && s.window == c.window;
        });
    };
    std::set<std::size_t> days;
    std::vector<int> perDate(sc.dates.size(), 0), perHotspot(sc.hotspots.size(), 0);
    for (const Candidate &s : planSlots) {
        days.insert(s.date);
        ++perDate[s.date];
        ++perHotspot[s.hotspot];
    }
    // The date limits met exactly: the policy's max_per_date, or every van.
    std::vector<int> vanRoom(sc.dates.size(), 0);
    std::vector<bool> dateFull(sc.dates.size(), false);
    for (std::size_t t = 0; t < sc.dates.size(); ++t) {
        for (std::size_t v = 0; v < sc.vans.size(); ++v)
            vanRoom[t] += ix.vanAvailable(v, t) ? sc.vans[v].maxPerDate : 0;
        dateFull[t] = (p.maxPerDate && perDate[t] >= *p.maxPerDate) || perDate[t] >= vanRoom[t];
    }
    enum Limit { Deployments, Days, DateFull, HotspotFull, Gap };
    // The counting limits that keep a left-out slot out.
    auto blockers = [&](const Candidate &c) {
        std::set<Limit> found;
        if (static_cast<int>(planSlots.size()) >= p.maxDeployments)
            found.insert(Deployments);
        if (!days.count(c.date) && static_cast<int>(days.size()) >= p.maxDays)
            found.insert(Days);
        if (dateFull[c.date])
            found.insert(DateFull);
        if (perHotspot[c.hotspot] >= sc.hotspots[c.hotspot].maxPerHorizon)
            found.insert(HotspotFull);
        for (const Candidate &s : planSlots)
            if (s.hotspot == c.hotspot &&
                std::abs(daysBetween(sc.dates[s.date], sc.dates[c.date])) < sc.hotspots[c.hotspot].minGapDays)
                found.insert(Gap);
        return found;
    };
    // The best left-out slot kept out by this limit alone (and, for the
    // others, max_deployments: it could replace a deployment), and what it
    // could add.
    auto bestKeptOut = [&](Limit limit, auto &&where) {
        const Candidate *best = nullptr;
        double bestGain = 0.0;
        for (const Candidate &c : candidates) {
            std::set<Limit> by = blockers(c);
            if (limit != Deployments)
                by.erase(Deployments);
            if (inPlan(c) || !where(c) || by != std::set<Limit>{limit})
                continue;
            const double gain = gainOf(c);
            if (gain > bestGain) {
                bestGain = gain;
                best = &c;
            }
        }
        return std::make_pair(best, bestGain);
    };
    auto anywhere = [](const Candidate &) { return true; };
    auto keptOutLine = [&](const std::pair<const Candidate *, double> &best) {
        return best.first
                   ? "; it keeps out " + slotLabel(ix, *best.first) + ", which could add up to " + fixed1(best.second)
                   : std::string("; nothing kept out by it alone would add to the objective");
    };

    if (static_cast<int>(plan.deployments.size()) >= p.maxDeployments)
        out.push_back("The week's limit of " + std::to_string(p.maxDeployments) +
                      (p.maxDeployments == 1 ? std::string(" deployment: it is used") : " deployments: all are used") +
                      keptOutLine(bestKeptOut(Deployments, anywhere)));
    if (static_cast<int>(days.size()) >= p.maxDays)
        out.push_back("The limit of " + std::to_string(p.maxDays) +
                      (p.maxDays == 1 ? std::string(" day with deployments: it is used")
                                      : " days with deployments: all are used") +
                      keptOutLine(bestKeptOut(Days, anywhere)));
    for (std::size_t t = 0; t < sc.dates.size(); ++t) {
        if (perDate[t] == 0 || !dateFull[t])
            continue;
        const auto best = bestKeptOut(DateFull, [&](const Candidate &c) { return c.date == t; });
        if (!best.first)
            continue;
        const bool policyFull = p.maxPerDate && perDate[t] >= *p.maxPerDate;
        out.push_back(formatDay(sc.dates[t]) + ": " +
                      (policyFull ? "the day's limit of " + std::to_string(*p.maxPerDate) + " deployments is reached"
                                  : "every available van is in use (" + std::to_string(vanRoom[t]) + " deployments)") +
                      keptOutLine(best));
    }
    for (std::size_t h = 0; h < sc.hotspots.size(); ++h) {
        if (perHotspot[h] < sc.hotspots[h].maxPerHorizon)
            continue;
        const auto best = bestKeptOut(HotspotFull, [&](const Candidate &c) { return c.hotspot == h; });
        if (best.first)
            out.push_back(sc.hotspots[h].name + ": its limit of " + std::to_string(sc.hotspots[h].maxPerHorizon) +
                          " deployments this week is reached" + keptOutLine(best));
    }
    // Teams giving all they may release on a date.
    std::map<std::pair<std::size_t, std::size_t>, int> taken; // (date, team) -> officers
    for (const Deployment &d : plan.deployments)
        for (const CrewAssignment &m : d.crew)
            if (const auto o = ix.officer(m.officer))
                if (const auto team = ix.teamOf(*o))
                    ++taken[{*ix.date(d.date), *team}];
    for (const auto &[dateTeam, count] : taken) {
        const int limit = ix.teamReleasable(dateTeam.second, dateTeam.first);
        if (count >= limit)
            out.push_back(ix.teamName(sc.teams[dateTeam.second].id) + " may release at most " + std::to_string(limit) +
                          " officers on " + formatDay(sc.dates[dateTeam.first]) + "; the plan takes all " +
                          std::to_string(count));
    }
    // Officers at their max_duties.
    std::map<std::size_t, int> duties;
    for (const Deployment &d : plan.deployments)
        for (const CrewAssignment &m : d.crew)
            if (const auto o = ix.officer(m.officer))
                ++duties[*o];
    int atLimit = 0;
    for (const auto &[officer, count] : duties)
        atLimit += count >= ix.maxDuties(officer) ? 1 : 0;
    if (atLimit > 0)
        out.push_back(std::to_string(atLimit) + " officer" + (atLimit == 1 ? " is" : "s are") +
                      " at their limit of duties this week");
    return out;
}

} // namespace

std::vector<std::string> planBindingLimits(const ScenarioIndex &ix, const Plan &plan,
                                           const std::vector<Candidate> &candidates)
{
    const Evaluation e = evaluate(ix, plan.deployments);
    std::vector<Candidate> planSlots;
    for (std::size_t i = 0; i < plan.deployments.size(); ++i) {
        const Deployment &d = plan.deployments[i];
        const auto h = ix.hotspot(d.hotspot);
        const auto t = ix.date(d.date);
        const auto w = ix.window(d.window);
        if (h && t && w)
            planSlots.push_back(Candidate{*h, *t, *w, e.deployments[i].value, 0.0});
    }
    return bindingLimits(ix, plan, planSlots, candidates);
}

std::vector<std::string> explainPlan(const ScenarioIndex &ix, const CrewPlanner &crews, const Plan &plan,
                                     const std::vector<Candidate> &candidates, const CrewStop &stop)
{
    const Scenario &sc = ix.scenario();
    std::vector<std::string> out;
    const Evaluation e = evaluate(ix, plan.deployments);
    std::vector<Candidate> planSlots;
    for (std::size_t i = 0; i < plan.deployments.size(); ++i) {
        const Deployment &d = plan.deployments[i];
        const DeploymentEvaluation &de = e.deployments[i];
        const std::size_t h = *ix.hotspot(d.hotspot);
        planSlots.push_back(Candidate{h, *ix.date(d.date), *ix.window(d.window), de.value, 0.0});
        std::string line = ix.describe(d) + ": worth " + fixed1(de.value);
        if (de.repeat > 1)
            line +=
                ", counted " + fixed1(de.decayedValue) + " as the " + ordinal(de.repeat) + " at " + sc.hotspots[h].name;
        line += "; crew of " + std::to_string(d.crew.size()) + " travels " + fixed1(de.travelKm) + " km (-" +
                fixed1(de.travel) + ")";
        out.push_back(line);
    }

    const std::vector<std::string> binding = bindingLimits(ix, plan, planSlots, candidates);
    if (!binding.empty()) {
        out.push_back("Limits the plan meets exactly (what binds it):");
        for (const std::string &line : binding)
            out.push_back("- " + line);
    }
    const int missing = sc.policy.maxDeployments - static_cast<int>(plan.deployments.size());
    if (missing <= 0)
        return out;
    out.push_back(std::to_string(plan.deployments.size()) + " of the policy's " +
                  std::to_string(sc.policy.maxDeployments) + " deployments are planned. What holds the rest back:");
    std::set<std::string> said;
    std::size_t shown = 0;
    for (const Candidate &c : candidates) {
        if (shown >= 6)
            break;
        const bool inPlan = std::any_of(planSlots.begin(), planSlots.end(), [&](const Candidate &s) {
            return s.hotspot == c.hotspot && s.date == c.date && s.window == c.window;
        });
        if (inPlan)
            continue;
        const std::string why = whyLeftOut(ix, crews, plan, planSlots, c, stop);
        if (!said.insert(why).second)
            continue;
        out.push_back("- " + slotLabel(ix, c) + " (worth " + fixed1(c.value) + "): " + why);
        ++shown;
    }
    // Slots that no crew could ever cover, best first: the staffing gaps.
    std::vector<std::pair<double, std::string>> gaps;
    for (std::size_t h = 0; h < sc.hotspots.size(); ++h)
        for (std::size_t t = 0; t < sc.dates.size(); ++t)
            for (std::size_t w = 0; w < sc.windows.size(); ++w)
                if (ix.hotspotAllowsDate(h, t) && ix.windowMultiplier(h, w) &&
                    !std::isfinite(crews.travelLowerBoundKm(h, t, w)))
                    for (const std::string &why : crews.whyUnstaffable(h, t, w))
                        gaps.emplace_back(sc.hotspots[h].value, why);
    std::stable_sort(gaps.begin(), gaps.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &gap : gaps) {
        if (shown >= 10)
            break;
        if (said.insert(gap.second).second) {
            out.push_back("- " + gap.second);
            ++shown;
        }
    }
    if (shown == 0)
        out.push_back("- no other deployment would add more than its crew's travel costs");
    return out;
}

} // namespace lfr
