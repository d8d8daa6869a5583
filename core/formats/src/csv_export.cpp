#include "lfrplan/csv_export.h"

#include "lfrplan/dates.h"
#include "lfrplan/objective.h"
#include "lfrplan/scenario_index.h"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <utility>

namespace lfr {

namespace {

constexpr const char *kLineEnd = "\r\n";
constexpr const char *kUtf8Bom = "\xEF\xBB\xBF";

std::string number(double v, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    return buffer;
}

void row(std::string &out, const std::vector<std::string> &fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += fields[i];
    }
    out += kLineEnd;
}

std::string text(std::string_view s) { return csvTextField(s); }

// The window's start and end, "HH:MM"; empty for an unknown window.
std::pair<std::string, std::string> times(const ScenarioIndex &ix, const std::string &window)
{
    const auto w = ix.window(window);
    if (!w)
        return {};
    const Window &win = ix.scenario().windows[*w];
    return {formatClock(win.start), formatClock(win.end)};
}

} // namespace

std::string csvTextField(std::string_view in)
{
    std::string s;
    if (!in.empty() && (in.front() == '=' || in.front() == '+' || in.front() == '-' || in.front() == '@' ||
                        in.front() == '\t' || in.front() == '\r'))
        s = "'";
    s += in;
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string quoted = "\"";
    for (const char c : s) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string deploymentKey(const Deployment &d) { return formatDate(d.date) + "/" + d.window + "/" + d.hotspot; }

std::vector<std::size_t> csvRowOrder(const Scenario &scenario, const std::vector<Deployment> &deployments)
{
    const ScenarioIndex ix(scenario);
    std::vector<std::size_t> order(deployments.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto windowStart = [&](const std::string &id) {
        const auto w = ix.window(id);
        // An unknown window sorts after every known one.
        return w ? std::pair(0, scenario.windows[*w].start) : std::pair(1, Clock{});
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Deployment &x = deployments[a];
        const Deployment &y = deployments[b];
        const auto xw = windowStart(x.window);
        const auto yw = windowStart(y.window);
        return std::tie(x.date, xw, x.window, x.van, x.hotspot) < std::tie(y.date, yw, y.window, y.van, y.hotspot);
    });
    return order;
}

std::string scheduleCsv(const Scenario &scenario, const std::vector<Deployment> &deployments, CsvFlavour flavour)
{
    const ScenarioIndex ix(scenario);
    const Evaluation e = evaluate(ix, deployments);
    std::string out = flavour == CsvFlavour::Excel ? kUtf8Bom : "";
    row(out, {"deployment", "date", "weekday", "window", "start", "end", "hotspot_id", "hotspot", "borough", "van_id",
              "van", "crew", "crew_needed", "value", "counted_value", "travel_km", "travel_penalty", "pinned"});
    for (const std::size_t i : csvRowOrder(scenario, deployments)) {
        const Deployment &d = deployments[i];
        const auto h = ix.hotspot(d.hotspot);
        const auto [start, end] = times(ix, d.window);
        bool pinned = false;
        for (const Pin &p : scenario.pinned)
            pinned = pinned || (p.hotspot == d.hotspot && p.date == d.date && p.window == d.window);
        row(out, {text(deploymentKey(d)), formatDate(d.date),
                  std::string(kWeekdayKeys[static_cast<std::size_t>(weekdayIndex(d.date))]), text(d.window), start, end,
                  text(d.hotspot), text(h ? scenario.hotspots[*h].name : std::string()),
                  text(h ? scenario.hotspots[*h].borough : std::string()), text(d.van), text(ix.vanLabel(d.van)),
                  std::to_string(d.crew.size()), h ? std::to_string(ix.crewSize(*h)) : std::string(),
                  number(e.deployments[i].value, 3), number(e.deployments[i].decayedValue, 3),
                  number(e.deployments[i].travelKm, 3), number(e.deployments[i].travel, 3), pinned ? "yes" : "no"});
    }
    return out;
}

std::string rosterCsv(const Scenario &scenario, const std::vector<Deployment> &deployments, CsvFlavour flavour)
{
    const ScenarioIndex ix(scenario);
    std::string out = flavour == CsvFlavour::Excel ? kUtf8Bom : "";
    row(out, {"deployment", "date", "weekday", "window", "start", "end", "hotspot_id", "hotspot", "borough", "van_id",
              "van", "role", "officer_id", "name", "rank", "team_id", "team"});
    for (const std::size_t i : csvRowOrder(scenario, deployments)) {
        const Deployment &d = deployments[i];
        const auto h = ix.hotspot(d.hotspot);
        const auto [start, end] = times(ix, d.window);
        for (const CrewAssignment &m : d.crew) {
            const auto o = ix.officer(m.officer);
            const Officer *officer = o ? &scenario.officers[*o] : nullptr;
            row(out, {text(deploymentKey(d)), formatDate(d.date),
                      std::string(kWeekdayKeys[static_cast<std::size_t>(weekdayIndex(d.date))]), text(d.window), start,
                      end, text(d.hotspot), text(h ? scenario.hotspots[*h].name : std::string()),
                      text(h ? scenario.hotspots[*h].borough : std::string()), text(d.van), text(ix.vanLabel(d.van)),
                      text(m.role), text(m.officer), text(officer ? officer->name : std::string()),
                      officer ? std::string(rankName(officer->rank)) : std::string(),
                      text(officer ? officer->team : std::string()),
                      text(officer ? ix.teamName(officer->team) : std::string())});
        }
    }
    return out;
}

} // namespace lfr
