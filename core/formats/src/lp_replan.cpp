// The re-plan's levels as MILPs (lp_export.h, buildReplanLpModel).
#include "lfrplan/lp_export.h"

#include <map>
#include <set>
#include <tuple>

namespace lfr {

LpModel buildReplanLpModel(const Scenario &scenario, const std::vector<Deployment> &published, ReplanLpStage stage,
                           std::size_t keptAtLeast, std::size_t changedAtMost)
{
    LpModel model = buildLpModel(scenario);
    using Key = std::tuple<Date, std::string, std::string>; // date, window, hotspot
    std::map<Key, const Deployment *> before;
    for (const Deployment &d : published)
        before.emplace(Key{d.date, d.window, d.hotspot}, &d);
    std::set<Key> allowed;
    for (const auto &[key, d] : before)
        allowed.insert(key);
    for (const Pin &pin : scenario.pinned)
        allowed.insert({pin.date, pin.window, pin.hotspot});

    LpRow kept{"replan_kept", {}, '>', static_cast<double>(keptAtLeast)};
    LpRow changed{"replan_changed", {}, '<', static_cast<double>(changedAtMost)};
    for (std::size_t i = 0; i < model.variables.size(); ++i) {
        const LpVariable &v = model.variables[i];
        if (v.kind != LpVariable::Kind::Slot && v.kind != LpVariable::Kind::Van && v.kind != LpVariable::Kind::Crew)
            continue;
        const Key key{scenario.dates[v.date], scenario.windows[v.window].id, scenario.hotspots[v.hotspot].id};
        const auto it = before.find(key);
        if (v.kind == LpVariable::Kind::Slot && !allowed.count(key))
            model.rows.push_back({"replan_only_" + v.name, {{i, 1.0}}, '<', 0.0});
        if (v.kind == LpVariable::Kind::Van && it != before.end() && scenario.vans[v.van].id == it->second->van)
            kept.terms.push_back({i, 1.0});
        if (v.kind == LpVariable::Kind::Crew) {
            bool inPublished = false;
            if (it != before.end())
                for (const CrewAssignment &a : it->second->crew)
                    inPublished = inPublished ||
                                  (a.officer == scenario.officers[v.officer].id && a.role == scenario.roles[v.role].id);
            if (!inPublished)
                changed.terms.push_back({i, 1.0});
        }
    }
    if (stage != ReplanLpStage::Objective)
        for (LpVariable &v : model.variables)
            v.objective = 0.0;
    if (stage == ReplanLpStage::Kept)
        for (const LpTerm &t : kept.terms)
            model.variables[t.variable].objective = 1.0;
    if (stage == ReplanLpStage::Changed)
        for (const LpTerm &t : changed.terms)
            model.variables[t.variable].objective = -1.0;
    if (stage != ReplanLpStage::Kept && !kept.terms.empty())
        model.rows.push_back(std::move(kept));
    if (stage == ReplanLpStage::Objective && !changed.terms.empty())
        model.rows.push_back(std::move(changed));
    return model;
}

} // namespace lfr
