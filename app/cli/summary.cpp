#include "summary.h"

#include "lfrplan/scenario_index.h"

#include <algorithm>
#include <iomanip>
#include <ostream>

namespace lfrcli {

using namespace lfr;

namespace {

void printPolicy(std::ostream &out, const Scenario &s)
{
    const Policy &p = s.policy;
    out << "Policy: up to " << p.maxDeployments << " deployments on up to " << p.maxDays << " days";
    if (p.maxPerDate)
        out << ", at most " << *p.maxPerDate << " a day";
    out << "; each officer at most " << p.maxDutiesPerOfficer << " duties; travel weight " << p.travelWeight
        << " per officer-km\n";
    out << "Default crew:";
    for (const Role &role : s.roles)
        if (const auto it = s.crew.find(role.id); it != s.crew.end() && it->second > 0)
            out << " " << it->second << " " << role.id;
    out << "\nWindows:";
    for (const Window &w : s.windows)
        out << " " << w.id << " " << formatClock(w.start) << "-" << formatClock(w.end);
    out << "\n";
}

void printTeams(std::ostream &out, const Scenario &s, const ScenarioIndex &index)
{
    out << "\n"
        << std::left << std::setw(34) << "Team" << std::right << std::setw(9) << "officers" << std::setw(14)
        << "on duty/day" << std::setw(13) << "min on duty" << std::setw(16) << "max abstracted"
        << "\n";
    for (std::size_t t = 0; t < s.teams.size(); ++t) {
        const Team &team = s.teams[t];
        std::size_t lo = SIZE_MAX;
        std::size_t hi = 0;
        for (std::size_t d = 0; d < index.dateCount(); ++d) {
            std::size_t onDuty = 0;
            for (const std::size_t o : index.teamOfficers(t))
                onDuty += index.rostered(o, d) ? 1U : 0U;
            lo = std::min(lo, onDuty);
            hi = std::max(hi, onDuty);
        }
        const std::string range = std::to_string(lo) + "-" + std::to_string(hi);
        out << std::left << std::setw(34) << team.name << std::right << std::setw(9) << index.teamOfficers(t).size()
            << std::setw(14) << range << std::setw(13) << team.minOnDuty << std::setw(16)
            << (team.maxAbstracted ? std::to_string(*team.maxAbstracted) : std::string("-")) << "\n";
    }
}

void printRoles(std::ostream &out, const Scenario &s)
{
    out << "\nQualified officers per role:";
    for (const Role &role : s.roles) {
        const auto qualified = std::count_if(s.officers.begin(), s.officers.end(), [&](const Officer &o) {
            const bool rankOk = !role.minRank || o.rank >= *role.minRank;
            const bool skillOk =
                !role.skill || std::find(o.skills.begin(), o.skills.end(), *role.skill) != o.skills.end();
            return rankOk && skillOk;
        });
        out << " " << role.id << " " << qualified << ";";
    }
    out << "\n";
}

void printHotspots(std::ostream &out, const Scenario &s)
{
    std::vector<const Hotspot *> byValue;
    for (const Hotspot &h : s.hotspots)
        byValue.push_back(&h);
    std::stable_sort(byValue.begin(), byValue.end(),
                     [](const Hotspot *a, const Hotspot *b) { return a->value > b->value; });
    out << "\n"
        << std::left << std::setw(28) << "Hotspot" << std::setw(24) << "borough" << std::right << std::setw(8)
        << "value"
        << "  windows\n";
    for (const Hotspot *h : byValue) {
        out << std::left << std::setw(28) << h->name << std::setw(24) << h->borough << std::right << std::setw(8)
            << std::fixed << std::setprecision(1) << h->value << std::defaultfloat << std::setprecision(6) << " ";
        for (const auto &[w, m] : h->windows)
            out << " " << w << " x" << m;
        if (h->dates)
            out << "  (only on " << h->dates->size() << " dates)";
        out << "\n";
    }
}

} // namespace

void printScenarioSummary(std::ostream &out, const Scenario &s)
{
    const ScenarioIndex index(s);
    out << "Scenario: " << s.name << "\n";
    out << "Dates: " << formatDate(s.dates.front()) << " to " << formatDate(s.dates.back()) << " (" << s.dates.size()
        << " days)\n";
    out << "Officers: " << s.officers.size() << " in " << s.teams.size() << " teams; " << s.hotspots.size()
        << " hotspots; " << s.vans.size() << " vans; " << s.pinned.size() << " pins\n";
    printPolicy(out, s);
    printTeams(out, s, index);
    printRoles(out, s);
    printHotspots(out, s);
    out << "\nVans:";
    for (const Van &v : s.vans) {
        out << " " << v.id;
        if (!v.unavailable.empty()) {
            out << " (unavailable";
            for (const Date d : v.unavailable)
                out << " " << formatDay(d);
            out << ")";
        }
        out << ";";
    }
    out << "\n";
}

} // namespace lfrcli
