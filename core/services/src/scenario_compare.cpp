#include "lfrplan/scenario_compare.h"

#include "lfrplan/dates.h"
#include "lfrplan/errors.h"
#include "lfrplan/scenario_index.h"
#include "lfrplan/solver.h"
#include "lfrplan/storage.h"
#include "lfrplan/validator.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace lfr {

void takeVanOut(Scenario &scenario, const std::string &van, std::optional<Date> date)
{
    const auto it = std::find_if(scenario.vans.begin(), scenario.vans.end(), [&](const Van &v) { return v.id == van; });
    if (it == scenario.vans.end())
        throw InputError("van", "the scenario has no van \"" + van + "\"");
    if (date && std::find(scenario.dates.begin(), scenario.dates.end(), *date) == scenario.dates.end())
        throw InputError("van", formatDate(*date) + " is not a date of the scenario");
    for (const Date d : scenario.dates)
        if ((!date || d == *date) &&
            std::find(it->unavailable.begin(), it->unavailable.end(), d) == it->unavailable.end())
            it->unavailable.push_back(d);
    std::sort(it->unavailable.begin(), it->unavailable.end());
}

void removeOfficers(Scenario &scenario, const std::string &team, int count)
{
    if (std::none_of(scenario.teams.begin(), scenario.teams.end(), [&](const Team &t) { return t.id == team; }))
        throw InputError("team", "the scenario has no team \"" + team + "\"");
    std::set<std::string> pinned;
    for (const Pin &p : scenario.pinned)
        for (const CrewAssignment &m : p.crew)
            pinned.insert(m.officer);
    std::vector<std::size_t> removable;
    for (std::size_t o = scenario.officers.size(); o-- > 0;)
        if (scenario.officers[o].team == team && !pinned.count(scenario.officers[o].id))
            removable.push_back(o);
    if (count < 0 || static_cast<std::size_t>(count) > removable.size())
        throw InputError("team", "team \"" + team + "\" has " + std::to_string(removable.size()) +
                                     " officers no pin names; cannot remove " + std::to_string(count));
    removable.resize(static_cast<std::size_t>(count));
    std::sort(removable.begin(), removable.end());
    for (auto it = removable.rbegin(); it != removable.rend(); ++it)
        scenario.officers.erase(scenario.officers.begin() + static_cast<std::ptrdiff_t>(*it));
}

bool WhatIf::changesAnything() const
{
    return maxDeployments || maxDays || maxPerDate || maxDutiesPerOfficer || travelWeight || vanOut ||
           (team && teamLoses > 0);
}

std::string WhatIf::describe() const
{
    std::vector<std::string> parts;
    if (maxDeployments)
        parts.push_back("max_deployments " + std::to_string(*maxDeployments));
    if (maxDays)
        parts.push_back("max_days " + std::to_string(*maxDays));
    if (maxPerDate)
        parts.push_back("max_per_date " + std::to_string(*maxPerDate));
    if (maxDutiesPerOfficer)
        parts.push_back("max_duties_per_officer " + std::to_string(*maxDutiesPerOfficer));
    if (travelWeight) {
        char weight[32];
        std::snprintf(weight, sizeof weight, "%g", *travelWeight);
        parts.push_back(std::string("travel_weight ") + weight);
    }
    if (vanOut)
        parts.push_back("van " + *vanOut + " out " + (vanOutDate ? "on " + formatDate(*vanOutDate) : "all week"));
    if (team && teamLoses > 0)
        parts.push_back("team " + *team + " loses " + std::to_string(teamLoses) + " officers");
    std::string out;
    for (const std::string &p : parts)
        out += (out.empty() ? "" : "; ") + p;
    return out;
}

void applyWhatIf(Scenario &scenario, const WhatIf &change)
{
    const auto count = [](const char *what, std::optional<int> v) {
        if (v && *v < 0)
            throw InputError(what, "must be 0 or more, not " + std::to_string(*v));
        return v;
    };
    if (const auto v = count("max_deployments", change.maxDeployments))
        scenario.policy.maxDeployments = *v;
    if (const auto v = count("max_days", change.maxDays))
        scenario.policy.maxDays = *v;
    if (const auto v = count("max_per_date", change.maxPerDate))
        scenario.policy.maxPerDate = *v;
    if (const auto v = count("max_duties_per_officer", change.maxDutiesPerOfficer))
        scenario.policy.maxDutiesPerOfficer = *v;
    if (change.travelWeight) {
        if (!(*change.travelWeight >= 0.0) || *change.travelWeight > 1e6)
            throw InputError("travel_weight", "must be a number from 0, not " + std::to_string(*change.travelWeight));
        scenario.policy.travelWeight = *change.travelWeight;
    }
    if (change.vanOut)
        takeVanOut(scenario, *change.vanOut, change.vanOutDate);
    if (change.team)
        removeOfficers(scenario, *change.team, change.teamLoses);
}

void cloneScenario(Storage &store, std::string_view from, std::string_view to, const WhatIf &change)
{
    const std::string target(to);
    if (target.find_first_not_of(" \t") == std::string::npos)
        throw InputError("scenario", "the new scenario needs a name");
    if (!store.hasScenario(from))
        throw InputError(store.location(), "no scenario named \"" + std::string(from) + "\"");
    if (store.hasScenario(target))
        throw InputError(store.location(), "a scenario named \"" + target + "\" already exists");
    Scenario copy = store.loadScenario(from);
    copy.name = target;
    applyWhatIf(copy, change);
    const bool keepPlan = !change.changesAnything();
    std::optional<Plan> plan = keepPlan ? store.loadPlan(from) : std::nullopt;
    std::string notes = store.loadNotes(from);
    if (!notes.empty() && notes.back() != '\n')
        notes += '\n';
    notes += "Cloned from \"" + std::string(from) + "\"" +
             (keepPlan ? std::string(" unchanged.") : ": " + change.describe() + ".");
    store.importScenario(copy, ImportMode::FailIfExists);
    try {
        store.saveNotes(target, notes);
    } catch (...) {
        store.deleteScenario(target); // all or nothing
        throw;
    }
    if (plan) {
        plan->scenario = target;
        try {
            store.savePlan(target, *plan);
        } catch (...) {
            store.deleteScenario(target); // all or nothing
            throw;
        }
    }
}

PlanFigures planFigures(const Scenario &scenario, const std::vector<Deployment> &deployments)
{
    const ScenarioIndex ix(scenario);
    const ValidationReport report = validatePlan(ix, deployments);
    PlanFigures f;
    f.valid = report.valid();
    f.deployments = static_cast<int>(deployments.size());
    static_cast<ObjectiveFigures &>(f) = report.evaluation.figures();
    std::set<Date> days;
    for (const Deployment &d : deployments) {
        days.insert(d.date);
        ++f.hotspotVisits[d.hotspot];
        double hours = 0.0;
        if (const auto w = ix.window(d.window)) {
            const Window &win = scenario.windows[*w];
            int minutes = win.end.minutes - win.start.minutes;
            if (minutes <= 0)
                minutes += 24 * 60;
            hours = minutes / 60.0;
        }
        for (const CrewAssignment &m : d.crew)
            if (const auto o = ix.officer(m.officer))
                f.officerHours[scenario.officers[*o].team] += hours;
    }
    f.days = static_cast<int>(days.size());
    f.bindingLimits = bindingLimits(scenario, deployments);
    return f;
}

namespace {

std::string fixed(double v, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

std::string signedChange(double v, int decimals) { return (v >= 0 ? "+" : "") + fixed(v, decimals); }

} // namespace

std::vector<std::vector<std::string>> comparisonRows(const std::vector<ComparedPlan> &plans)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{""};
    for (const ComparedPlan &p : plans)
        header.push_back(p.label);
    rows.push_back(header);
    auto add = [&](const std::string &name, auto &&cell) {
        std::vector<std::string> row{name};
        for (std::size_t i = 0; i < plans.size(); ++i)
            row.push_back(cell(i));
        rows.push_back(std::move(row));
    };
    const PlanFigures &base = plans.front().figures;
    add("valid plan", [&](std::size_t i) { return std::string(plans[i].figures.valid ? "yes" : "NO"); });
    add("deployments", [&](std::size_t i) { return std::to_string(plans[i].figures.deployments); });
    add("days used", [&](std::size_t i) { return std::to_string(plans[i].figures.days); });
    add("VALUE", [&](std::size_t i) { return fixed(plans[i].figures.value, 1); });
    add("TRAVEL", [&](std::size_t i) { return fixed(plans[i].figures.travelPenalty, 1); });
    add("OBJECTIVE", [&](std::size_t i) { return fixed(plans[i].figures.objective, 1); });
    add("OBJECTIVE vs first", [&](std::size_t i) {
        return i == 0 ? std::string("-") : signedChange(plans[i].figures.objective - base.objective, 1);
    });
    rows.push_back({"officer-hours in crews, by team"});
    std::set<std::string> teams, hotspots;
    for (const ComparedPlan &p : plans) {
        for (const auto &[t, h] : p.figures.officerHours)
            teams.insert(t);
        for (const auto &[h, n] : p.figures.hotspotVisits)
            hotspots.insert(h);
    }
    for (const std::string &t : teams) {
        std::string name = t;
        for (auto p = plans.rbegin(); p != plans.rend(); ++p) // the first plan's name wins
            for (const Team &team : p->scenario->teams)
                if (team.id == t)
                    name = team.name;
        add("  " + name, [&](std::size_t i) {
            const auto it = plans[i].figures.officerHours.find(t);
            return fixed(it == plans[i].figures.officerHours.end() ? 0.0 : it->second, 0);
        });
    }
    rows.push_back({"deployments at each hotspot"});
    for (const std::string &h : hotspots) {
        std::string name = h;
        for (auto p = plans.rbegin(); p != plans.rend(); ++p) // the first plan's name wins
            for (const Hotspot &hotspot : p->scenario->hotspots)
                if (hotspot.id == h)
                    name = hotspot.name;
        add("  " + name, [&](std::size_t i) {
            const auto it = plans[i].figures.hotspotVisits.find(h);
            return std::to_string(it == plans[i].figures.hotspotVisits.end() ? 0 : it->second);
        });
    }
    return rows;
}

std::string comparisonTable(const std::vector<ComparedPlan> &plans)
{
    const std::vector<std::vector<std::string>> rows = comparisonRows(plans);
    // Columns as wide as their widest cell (UTF-8 counted by code points).
    auto width = [](const std::string &s) {
        std::size_t n = 0;
        for (const char c : s)
            n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1U : 0U;
        return n;
    };
    std::vector<std::size_t> widths(plans.size() + 1, 0);
    for (const auto &row : rows)
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], width(row[c]));
    std::string out;
    for (const auto &row : rows) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string pad(widths[c] - width(row[c]), ' ');
            line += c == 0 ? row[c] + pad : "  " + pad + row[c];
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    for (const ComparedPlan &p : plans) {
        out += "\nwhat binds " + p.label + ":\n";
        for (const std::string &limit : p.figures.bindingLimits)
            out += "  - " + limit + "\n";
        if (p.figures.bindingLimits.empty())
            out += "  nothing: no limit is met exactly\n";
    }
    for (const ComparedPlan &p : plans) {
        if (p.notes.empty())
            continue;
        out += "\nnotes of " + p.label + ":\n";
        std::size_t start = 0;
        while (start < p.notes.size()) {
            const auto end = p.notes.find('\n', start);
            out += "  " + p.notes.substr(start, end == std::string::npos ? std::string::npos : end - start) + "\n";
            start = end == std::string::npos ? p.notes.size() : end + 1;
        }
    }
    return out;
}

} // namespace lfr
