// Writes lfrplan-scenario/1 with every default spelled out, so that a
// reader needs no knowledge of the defaults to see what was planned.
#include "lfrplan/scenario_io.h"

namespace lfr {

using nlohmann::json;

namespace {

json point(const GeoPoint &p) { return json{{"lat", p.lat}, {"lon", p.lon}}; }

json crewMap(const CrewMap &crew)
{
    json out = json::object();
    for (const auto &[role, count] : crew)
        out[role] = count;
    return out;
}

json dateList(const std::vector<Date> &dates)
{
    json out = json::array();
    for (const Date d : dates)
        out.push_back(formatDate(d));
    return out;
}

json hotspotJson(const Hotspot &h)
{
    json windows = json::object();
    for (const auto &[id, multiplier] : h.windows)
        windows[id] = multiplier;
    json factors = json::object();
    for (std::size_t i = 0; i < kWeekdayKeys.size(); ++i)
        factors[std::string(kWeekdayKeys[i])] = h.weekdayFactor[i];
    json out{{"id", h.id},
             {"name", h.name},
             {"borough", h.borough},
             {"location", point(h.location)},
             {"value", h.value},
             {"windows", windows},
             {"weekday_factor", factors},
             {"max_per_horizon", h.maxPerHorizon},
             {"min_gap_days", h.minGapDays},
             {"repeat_decay", h.repeatDecay}};
    if (h.dates)
        out["dates"] = dateList(*h.dates);
    if (h.crew)
        out["crew"] = crewMap(*h.crew);
    return out;
}

json officerJson(const Officer &o)
{
    json roster = json::object();
    for (const auto &[date, shift] : o.roster)
        roster[formatDate(date)] = shift;
    json out{{"id", o.id},     {"name", o.name},     {"rank", std::string(rankName(o.rank))},
             {"team", o.team}, {"skills", o.skills}, {"roster", roster}};
    if (o.maxDuties)
        out["max_duties"] = *o.maxDuties;
    return out;
}

} // namespace

json scenarioToJson(const Scenario &s)
{
    json policy{{"max_deployments", s.policy.maxDeployments},
                {"max_days", s.policy.maxDays},
                {"max_duties_per_officer", s.policy.maxDutiesPerOfficer},
                {"travel_weight", s.policy.travelWeight}};
    if (s.policy.maxPerDate)
        policy["max_per_date"] = *s.policy.maxPerDate;

    json windows = json::array();
    for (const Window &w : s.windows)
        windows.push_back({{"id", w.id}, {"start", formatClock(w.start)}, {"end", formatClock(w.end)}});
    json shifts = json::array();
    for (const Shift &sh : s.shifts)
        shifts.push_back({{"id", sh.id}, {"start", formatClock(sh.start)}, {"end", formatClock(sh.end)}});
    json roles = json::array();
    for (const Role &r : s.roles) {
        json role{{"id", r.id}};
        if (r.minRank)
            role["min_rank"] = std::string(rankName(*r.minRank));
        if (r.skill)
            role["skill"] = *r.skill;
        roles.push_back(std::move(role));
    }
    json teams = json::array();
    for (const Team &t : s.teams) {
        json team{{"id", t.id}, {"name", t.name}, {"base", point(t.base)}, {"min_on_duty", t.minOnDuty}};
        if (t.maxAbstracted)
            team["max_abstracted"] = *t.maxAbstracted;
        teams.push_back(std::move(team));
    }
    json officers = json::array();
    for (const Officer &o : s.officers)
        officers.push_back(officerJson(o));
    json hotspots = json::array();
    for (const Hotspot &h : s.hotspots)
        hotspots.push_back(hotspotJson(h));
    json vans = json::array();
    for (const Van &v : s.vans) {
        json van{{"id", v.id}, {"unavailable", dateList(v.unavailable)}, {"max_per_date", v.maxPerDate}};
        if (v.name)
            van["name"] = *v.name;
        vans.push_back(std::move(van));
    }
    json pinned = json::array();
    for (const Pin &p : s.pinned) {
        json pin{{"hotspot", p.hotspot}, {"date", formatDate(p.date)}, {"window", p.window}};
        if (p.van)
            pin["van"] = *p.van;
        json crew = json::array();
        for (const CrewAssignment &a : p.crew)
            crew.push_back({{"officer", a.officer}, {"role", a.role}});
        pin["crew"] = std::move(crew);
        pinned.push_back(std::move(pin));
    }

    // nlohmann::json orders object keys alphabetically; that is stable and
    // diff-friendly, and the format does not depend on key order.
    return json{{"format", std::string(kScenarioFormat)},
                {"name", s.name},
                {"dates", dateList(s.dates)},
                {"policy", policy},
                {"windows", windows},
                {"shifts", shifts},
                {"roles", roles},
                {"crew", crewMap(s.crew)},
                {"teams", teams},
                {"officers", officers},
                {"hotspots", hotspots},
                {"vans", vans},
                {"pinned", pinned}};
}

std::string writeScenario(const Scenario &scenario) { return scenarioToJson(scenario).dump(2) + "\n"; }

} // namespace lfr
