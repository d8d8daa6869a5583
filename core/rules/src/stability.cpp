#include "lfrplan/stability.h"

#include "lfrplan/dates.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace lfr {

namespace {

using Key = std::tuple<Date, std::string, std::string>; // date, window, hotspot

Key keyOf(const Deployment &d) { return {d.date, d.window, d.hotspot}; }

std::string keyWords(const Deployment &d) { return d.hotspot + ", " + formatDate(d.date) + ", " + d.window; }

std::size_t placesNotIn(std::vector<CrewAssignment> now, std::vector<CrewAssignment> before)
{
    const auto less = [](const CrewAssignment &a, const CrewAssignment &b) {
        return std::tie(a.officer, a.role) < std::tie(b.officer, b.role);
    };
    std::sort(now.begin(), now.end(), less);
    std::sort(before.begin(), before.end(), less);
    std::vector<CrewAssignment> out;
    std::set_difference(now.begin(), now.end(), before.begin(), before.end(), std::back_inserter(out), less);
    return out.size();
}

} // namespace

Stability measureStability(const std::vector<Deployment> &published, const std::vector<Deployment> &current)
{
    std::map<Key, const Deployment *> before;
    for (const Deployment &p : published)
        before.emplace(keyOf(p), &p);
    Stability out;
    out.published = published.size();
    for (const Deployment &d : current) {
        const auto it = before.find(keyOf(d));
        if (it == before.end()) {
            out.crewPlacesChanged += d.crew.size();
            continue;
        }
        if (it->second->van == d.van)
            ++out.kept;
        out.crewPlacesChanged += placesNotIn(d.crew, it->second->crew);
    }
    return out;
}

std::vector<std::string> checkReplan(const Scenario &scenario, const std::vector<Deployment> &published,
                                     const Plan &plan)
{
    std::vector<std::string> out;
    std::map<Key, bool> known;
    for (const Deployment &p : published)
        known[keyOf(p)] = true;
    for (const Pin &pin : scenario.pinned)
        known[{pin.date, pin.window, pin.hotspot}] = true;
    for (std::size_t i = 0; i < plan.deployments.size(); ++i) {
        const Deployment &d = plan.deployments[i];
        if (!known.count(keyOf(d)))
            out.push_back("Deployment " + std::to_string(i + 1) + " (" + keyWords(d) +
                          ") is new: a re-plan keeps to the published version's deployments and the pins");
    }
    if (plan.stability) {
        const Stability found = measureStability(published, plan.deployments);
        const Stability &said = *plan.stability;
        if (said.published != found.published)
            out.push_back("the plan says the published version has " + std::to_string(said.published) +
                          " deployments; it has " + std::to_string(found.published));
        if (said.kept != found.kept)
            out.push_back("the plan says it keeps " + std::to_string(said.kept) + " published deployments; it keeps " +
                          std::to_string(found.kept));
        if (said.crewPlacesChanged != found.crewPlacesChanged)
            out.push_back("the plan says it changes " + std::to_string(said.crewPlacesChanged) +
                          " crew places; it changes " + std::to_string(found.crewPlacesChanged));
    }
    return out;
}

} // namespace lfr
