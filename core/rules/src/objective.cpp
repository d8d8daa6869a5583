#include "lfrplan/objective.h"

#include "lfrplan/geo.h"
#include "lfrplan/scenario_index.h"

#include <algorithm>
#include <cmath>

namespace lfr {

Evaluation evaluate(const Scenario &scenario, const std::vector<Deployment> &deployments)
{
    return evaluate(ScenarioIndex(scenario), deployments);
}

Evaluation evaluate(const ScenarioIndex &index, const std::vector<Deployment> &deployments)
{
    const Scenario &sc = index.scenario();
    Evaluation ev;
    ev.deployments.resize(deployments.size());
    std::vector<std::vector<std::size_t>> atHotspot(sc.hotspots.size());

    for (std::size_t i = 0; i < deployments.size(); ++i) {
        const Deployment &d = deployments[i];
        DeploymentEvaluation &de = ev.deployments[i];
        const std::optional<std::size_t> h = index.hotspot(d.hotspot);
        if (!h)
            continue;
        atHotspot[*h].push_back(i);
        const Hotspot &hotspot = sc.hotspots[*h];

        const std::optional<std::size_t> w = index.window(d.window);
        const std::optional<double> multiplier = w ? index.windowMultiplier(*h, *w) : std::nullopt;
        if (multiplier) {
            const double weekday = hotspot.weekdayFactor[static_cast<std::size_t>(weekdayIndex(d.date))];
            de.value = hotspot.value * *multiplier * weekday;
        }

        for (const CrewAssignment &member : d.crew) {
            const std::optional<std::size_t> o = index.officer(member.officer);
            const std::optional<std::size_t> t = o ? index.teamOf(*o) : std::nullopt;
            if (t)
                de.travelKm += haversineKm(sc.teams[*t].base, hotspot.location);
        }
        de.travel = sc.policy.travelWeight * de.travelKm;
        ev.travelKm += de.travelKm;
    }

    // VALUE: per hotspot, v descending; the k-th counts repeat_decay^(k-1)
    // (std::pow(0, 0) == 1, so with decay 0 only the best one counts). Equal
    // values keep plan order, which only decides how the total is attributed.
    for (std::size_t h = 0; h < atHotspot.size(); ++h) {
        std::vector<std::size_t> &order = atHotspot[h];
        std::stable_sort(order.begin(), order.end(), [&ev](std::size_t a, std::size_t b) {
            return ev.deployments[a].value > ev.deployments[b].value;
        });
        const double decay = sc.hotspots[h].repeatDecay;
        for (std::size_t k = 0; k < order.size(); ++k) {
            DeploymentEvaluation &de = ev.deployments[order[k]];
            de.repeat = k + 1;
            de.decayedValue = std::pow(decay, static_cast<double>(k)) * de.value;
            ev.value += de.decayedValue;
        }
    }

    ev.travelPenalty = sc.policy.travelWeight * ev.travelKm;
    ev.objective = ev.value - ev.travelPenalty;
    return ev;
}

bool objectivesTie(double a, double b)
{
    return std::abs(a - b) <= kObjectiveRelativeTolerance * std::max({std::abs(a), std::abs(b), 1e-3});
}

} // namespace lfr
