// Why crews cannot be found, in a planner's words (crew_engine.h).
#include "crew_engine.h"

#include <algorithm>
#include <map>
#include <set>

namespace lfr::detail {

namespace {

// "a, b and c"
std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
        text += (i == 0 ? "" : (i + 1 == items.size() ? " and " : ", ")) + items[i];
    return text;
}

std::string officers(long n) { return std::to_string(n) + (n == 1 ? " officer" : " officers"); }

std::string windowId(const ScenarioIndex &index, std::size_t window) { return index.scenario().windows[window].id; }

std::string dayOf(const ScenarioIndex &index, std::size_t date) { return formatDay(index.scenario().dates[date]); }

std::string hotspotOf(const ScenarioIndex &index, std::size_t hotspot)
{
    return index.hotspotName(index.scenario().hotspots[hotspot].id);
}

// The distinct (deployment) places of the slots: "Oxford Circus evening",
// with the day in front when withDay.
std::vector<std::string> places(const ScenarioIndex &index, const CrewProblem &problem,
                                const std::vector<std::size_t> &slots, bool withDay)
{
    std::vector<std::string> names;
    std::set<std::size_t> seen;
    for (const std::size_t s : slots) {
        const CrewSlot &slot = problem.slots[s];
        if (!seen.insert(slot.deployment).second)
            continue;
        std::string name = hotspotOf(index, slot.hotspot) + " ";
        if (withDay)
            name += dayOf(index, slot.date) + " ";
        names.push_back(name + windowId(index, slot.window));
    }
    return names;
}

std::vector<std::string> roleLabels(const ScenarioIndex &index, const CrewProblem &problem,
                                    const std::vector<std::size_t> &slots)
{
    std::set<std::size_t> roles;
    for (const std::size_t s : slots)
        roles.insert(problem.slots[s].role);
    std::vector<std::string> labels;
    for (const std::size_t r : roles)
        labels.push_back(roleLabel(index, r));
    return labels;
}

long demandOf(const CrewProblem &problem, const std::vector<std::size_t> &slots)
{
    long demand = 0;
    for (const std::size_t s : slots)
        demand += problem.slots[s].demand;
    return demand;
}

} // namespace

std::string roleLabel(const ScenarioIndex &index, std::size_t role)
{
    const Role &r = index.scenario().roles[role];
    std::vector<std::string> needs;
    if (r.minRank)
        needs.emplace_back(rankName(*r.minRank));
    if (r.skill)
        needs.push_back(*r.skill);
    if (needs.empty())
        return r.id;
    return r.id + " (needs " + needs.front() + (needs.size() > 1 ? ", " + needs.back() : "") + ")";
}

std::vector<std::string> explainDateShortfall(CrewEngine &engine, const CrewProblem &problem, std::size_t entry,
                                              const std::vector<std::size_t> &deficient)
{
    const ScenarioIndex &index = engine.index();
    const std::size_t date = problem.dates[entry];
    const long demand = demandOf(problem, deficient);
    // The free officers able to fill some deficient slot, by team.
    std::map<std::size_t, std::set<std::size_t>> able;
    for (const std::size_t s : deficient) {
        const CrewSlot &slot = problem.slots[s];
        for (std::size_t team = 0; team < index.scenario().teams.size(); ++team)
            for (const std::size_t o : engine.eligible(date, slot.window, slot.role, team))
                if (engine.available(problem, o, date))
                    able[team].insert(o);
    }
    long total = 0;
    for (const auto &entryTeam : able)
        total += static_cast<long>(entryTeam.second.size());

    const std::vector<std::string> roles = roleLabels(index, problem, deficient);
    const std::vector<std::string> where = places(index, problem, deficient, false);
    const std::string day = dayOf(index, date);
    if (total < demand) {
        const bool one = where.size() == 1;
        const std::string head = one ? hotspotOf(index, problem.slots[deficient.front()].hotspot) + ", " + day + " " +
                                           windowId(index, problem.slots[deficient.front()].window)
                                     : day + ": " + joined(where);
        const std::string as = roles.size() == 1 ? "qualified as " + roles.front() : "qualified for " + joined(roles);
        if (total == 0)
            return {head + ": no free officer " + as + " is on a shift covering " +
                    (one ? "the window" : "those windows")};
        return {head + (one ? " needs " : " need ") + officers(demand) + (one ? "" : " between them") + "; only " +
                std::to_string(total) + " free " + (total == 1 ? "officer " : "officers ") + as + " " +
                (total == 1 ? "is" : "are") + " on a shift covering " + (one ? "the window" : "those windows")};
    }

    // Enough officers, but their teams may not release them all.
    std::vector<std::string> teams, limits;
    long others = 0;
    for (const auto &[team, ableOfficers] : able) {
        const long count = static_cast<long>(ableOfficers.size());
        const int room = engine.releasable(problem, team, date);
        if (count <= room) {
            others += count;
            continue;
        }
        teams.push_back(index.teamName(index.scenario().teams[team].id));
        const int full = index.teamReleasable(team, date);
        limits.push_back(room == full ? std::to_string(room)
                                      : std::to_string(room) + " more (" + std::to_string(full - room) +
                                            " already in other crews)");
    }
    if (teams.empty())
        return {day + ": " + joined(where) + " cannot all be crewed as " + joined(roles) +
                " within the team staffing limits"};
    const bool one = teams.size() == 1;
    const bool oneLimit = one && limits.front() == "1";
    return {joined(teams) + " may release at most " + joined(limits) + (oneLimit ? " officer on " : " officers on ") +
            day + "; " + joined(where) + (where.size() == 1 ? " needs " : " need ") + std::to_string(demand - others) +
            (one ? " of its officers" : " of their officers") + " as " + joined(roles)};
}

std::string explainDutyShortfall(CrewEngine &engine, const CrewProblem &problem,
                                 const std::vector<std::size_t> &deficient)
{
    const ScenarioIndex &index = engine.index();
    std::map<std::size_t, std::set<std::size_t>> datesOf; // able officer -> dates they could serve
    for (const std::size_t s : deficient) {
        const CrewSlot &slot = problem.slots[s];
        for (std::size_t team = 0; team < index.scenario().teams.size(); ++team)
            for (const std::size_t o : engine.eligible(slot.date, slot.window, slot.role, team))
                if (engine.available(problem, o, slot.date))
                    datesOf[o].insert(slot.date);
    }
    long duties = 0;
    for (const auto &[officer, dates] : datesOf)
        duties += std::min(static_cast<long>(engine.dutiesLeft(problem, officer)), static_cast<long>(dates.size()));
    const long able = static_cast<long>(datesOf.size());
    return "max_duties: " + joined(places(index, problem, deficient, true)) + " need " +
           officers(demandOf(problem, deficient)) + " as " + joined(roleLabels(index, problem, deficient)) +
           " in all; the " + std::to_string(able) + " free qualified " + (able == 1 ? "officer" : "officers") +
           " on shifts covering those windows may staff at most " + std::to_string(duties) +
           " of these places between them";
}

} // namespace lfr::detail
