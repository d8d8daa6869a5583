#include "solver_explain.h"

#include "lfrplan/objective.h"
#include "planner_words.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
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
                       const std::vector<Candidate> &planSlots, const Candidate &c)
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
    const Staffing staffing = staffSlots(ix, crews, with);
    if (!staffing.feasible)
        return staffing.reasons.empty() ? std::string("no vans or crews cover it as well") : staffing.reasons.front();
    return "it can be staffed, but only by moving officers or vans in a way that costs more than it adds";
}

} // namespace

std::vector<std::string> explainPlan(const ScenarioIndex &ix, const CrewPlanner &crews, const Plan &plan,
                                     const std::vector<Candidate> &candidates)
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
        std::string line =
            "Deployment " + std::to_string(i + 1) + " (" + ix.describe(d) + "): worth " + fixed1(de.value);
        if (de.repeat > 1)
            line +=
                ", counted " + fixed1(de.decayedValue) + " as the " + ordinal(de.repeat) + " at " + sc.hotspots[h].name;
        line += "; crew of " + std::to_string(d.crew.size()) + " travels " + fixed1(de.travelKm) + " km (-" +
                fixed1(de.travel) + ")";
        out.push_back(line);
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
        const std::string why = whyLeftOut(ix, crews, plan, planSlots, c);
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
