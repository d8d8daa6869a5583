#include "brute_force.h"

#include "lfrplan/objective.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/stability.h"
#include "lfrplan/validator.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>

namespace lfrtest {

namespace {

using namespace lfr;

using Indices = std::vector<std::size_t>;

// Every ascending choice of `count` of the candidates.
void choose(const Indices &candidates, std::size_t count, std::size_t from, Indices &current, std::vector<Indices> &out)
{
    if (current.size() == count) {
        out.push_back(current);
        return;
    }
    for (std::size_t i = from; i < candidates.size(); ++i) {
        current.push_back(candidates[i]);
        choose(candidates, count, i + 1, current, out);
        current.pop_back();
    }
}

class Search {
public:
    Search(const Scenario &scenario, long long maxPlans, const std::vector<Deployment> *published = nullptr)
        : sc_(scenario), ix_(scenario), maxPlans_(maxPlans), published_(published)
    {
        if (published_) {
            for (const Deployment &d : *published_)
                allowed_.insert({d.date, d.window, d.hotspot});
            for (const Pin &pin : sc_.pinned)
                allowed_.insert({pin.date, pin.window, pin.hotspot});
        }
    }

    BruteForceResult run()
    {
        for (std::size_t h = 0; h < sc_.hotspots.size(); ++h)
            for (std::size_t d = 0; d < sc_.dates.size(); ++d)
                for (std::size_t w = 0; w < sc_.windows.size(); ++w)
                    addSlot(h, d, w);
        if (check())
            visit(0);
        return result_;
    }

private:
    // Every deployment of the slot: each available van with each crew.
    void addSlot(std::size_t h, std::size_t d, std::size_t w)
    {
        if (!ix_.windowMultiplier(h, w) || !ix_.hotspotAllowsDate(h, d))
            return;
        if (published_ && !allowed_.count({sc_.dates[d], sc_.windows[w].id, sc_.hotspots[h].id}))
            return;
        std::vector<std::vector<CrewAssignment>> crews{{}};
        for (const auto &[roleId, need] : ix_.effectiveCrew(h)) {
            if (need <= 0)
                continue;
            const std::optional<std::size_t> r = ix_.role(roleId);
            Indices candidates;
            for (std::size_t o = 0; r && o < sc_.officers.size(); ++o)
                if (ix_.qualifies(o, *r) && ix_.onDutyCovering(o, d, w))
                    candidates.push_back(o);
            std::vector<Indices> groups;
            Indices current;
            choose(candidates, static_cast<std::size_t>(need), 0, current, groups);
            std::vector<std::vector<CrewAssignment>> extended;
            for (const std::vector<CrewAssignment> &crew : crews)
                for (const Indices &group : groups) {
                    std::vector<CrewAssignment> next = crew;
                    for (const std::size_t o : group)
                        next.push_back(CrewAssignment{sc_.officers[o].id, roleId});
                    if (distinctOfficers(next))
                        extended.push_back(std::move(next));
                }
            crews = std::move(extended);
        }
        std::vector<Deployment> options;
        for (std::size_t v = 0; v < sc_.vans.size(); ++v) {
            if (!ix_.vanAvailable(v, d))
                continue;
            for (const std::vector<CrewAssignment> &crew : crews)
                options.push_back(
                    Deployment{sc_.dates[d], sc_.windows[w].id, sc_.hotspots[h].id, sc_.vans[v].id, crew});
        }
        if (!options.empty())
            slots_.push_back(std::move(options));
    }

    static bool distinctOfficers(const std::vector<CrewAssignment> &crew)
    {
        for (std::size_t i = 0; i < crew.size(); ++i)
            for (std::size_t j = i + 1; j < crew.size(); ++j)
                if (crew[i].officer == crew[j].officer)
                    return false;
        return true;
    }

    // Extends the current plan (already checked) by deployments on slots from `first` on.
    void visit(std::size_t first)
    {
        for (std::size_t s = first; s < slots_.size(); ++s)
            for (const Deployment &option : slots_[s]) {
                plan_.push_back(option);
                if (check())
                    visit(s + 1);
                plan_.pop_back();
            }
    }

    // Validates the current plan, keeps it when it is the best valid one so
    // far, and says whether a plan extending it can still be valid.
    bool check()
    {
        if (++result_.plansChecked > maxPlans_)
            throw std::runtime_error("brute force refused: more than " + std::to_string(maxPlans_) + " plans to check");
        const ValidationReport report = validatePlan(ix_, plan_);
        if (report.valid() && published_) {
            const Stability st = measureStability(*published_, plan_);
            const double objective = report.evaluation.objective;
            const bool better = !result_.feasible || st.kept > result_.kept ||
                                (st.kept == result_.kept &&
                                 (st.crewPlacesChanged < result_.changed ||
                                  (st.crewPlacesChanged == result_.changed && objective > result_.objective &&
                                   !objectivesTie(objective, result_.objective))));
            if (better) {
                result_.feasible = true;
                result_.objective = objective;
                result_.kept = st.kept;
                result_.changed = st.crewPlacesChanged;
                result_.plan = plan_;
            }
        } else if (report.valid() && (!result_.feasible || report.evaluation.objective > result_.objective)) {
            result_.feasible = true;
            result_.objective = report.evaluation.objective;
            result_.plan = plan_;
        }
        return std::all_of(report.violations.begin(), report.violations.end(),
                           [](const Violation &v) { return v.rule == Rule::Pin; });
    }

    const Scenario &sc_;
    ScenarioIndex ix_;
    long long maxPlans_;
    const std::vector<Deployment> *published_;
    std::set<std::tuple<Date, std::string, std::string>> allowed_; // a re-plan's slots
    std::vector<std::vector<Deployment>> slots_;                   // per deployable slot, every deployment there
    std::vector<Deployment> plan_;
    BruteForceResult result_;
};

} // namespace

BruteForceResult bruteForceOptimum(const Scenario &scenario, long long maxPlans)
{
    return Search(scenario, maxPlans).run();
}

BruteForceResult bruteForceReplan(const Scenario &scenario, const std::vector<Deployment> &published,
                                  long long maxPlans)
{
    return Search(scenario, maxPlans, &published).run();
}

} // namespace lfrtest
