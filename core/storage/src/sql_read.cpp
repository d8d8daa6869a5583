#include "sql_read.h"

#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lfr::sql {

namespace {

// Looks item ids up by text. Child rows arrive sorted by their parent's
// id, so consecutive rows usually name the same item.
class IdIndex {
public:
    void add(const std::string &id, std::size_t index) { indexes_.emplace(id, index); }
    std::size_t find(std::string_view id, const std::string &location)
    {
        if (!valid_ || id != lastId_) {
            const auto it = indexes_.find(std::string(id));
            if (it == indexes_.end())
                throw StorageError(location + ": damaged database: a row refers to unknown \"" + std::string(id) +
                                   "\"");
            lastId_ = id;
            lastIndex_ = it->second;
            valid_ = true;
        }
        return lastIndex_;
    }

private:
    std::unordered_map<std::string, std::size_t> indexes_;
    std::string lastId_;
    std::size_t lastIndex_ = 0;
    bool valid_ = false;
};

class SqlScenarioReader {
public:
    SqlScenarioReader(Connection &db, std::int64_t id) : db_(db), location_(db.location()), id_(id) {}

    Scenario read()
    {
        Scenario s;
        readHeader(s);
        Statement dates = query("SELECT date FROM scenario_dates WHERE scenario_id = ? ORDER BY ord");
        while (dates.step())
            s.dates.push_back(date(dates.text(0)));
        s.windows =
            readClocks<Window>("SELECT id, start_time, end_time FROM windows WHERE scenario_id = ? ORDER BY ord");
        s.shifts = readClocks<Shift>("SELECT id, start_time, end_time FROM shifts WHERE scenario_id = ? ORDER BY ord");
        Statement roles = query("SELECT id, min_rank, skill FROM roles WHERE scenario_id = ? ORDER BY ord");
        while (roles.step()) {
            Role role{roles.string(0), std::nullopt, roles.optionalString(2)};
            if (!roles.isNull(1))
                role.minRank = rank(roles.text(1));
            s.roles.push_back(std::move(role));
        }
        Statement crew = query("SELECT role_id, count FROM default_crew WHERE scenario_id = ?");
        while (crew.step())
            s.crew.emplace(crew.string(0), crew.integer(1));
        readTeams(s.teams);
        readOfficers(s.officers);
        readHotspots(s.hotspots);
        readVans(s.vans);
        readPins(s.pinned);
        return s;
    }

private:
    Statement query(std::string_view sql)
    {
        Statement stmt = db_.prepare(sql);
        stmt.bind(1, id_);
        return stmt;
    }

    [[noreturn]] void damaged(std::string_view what, std::string_view text) const
    {
        throw StorageError(location_ + ": damaged database: bad " + std::string(what) + " \"" + std::string(text) +
                           "\"");
    }
    Date date(std::string_view text)
    {
        const auto it = dates_.find(text);
        if (it != dates_.end())
            return it->second;
        const auto parsed = parseDate(text);
        if (!parsed)
            damaged("date", text);
        dates_.emplace(std::string(text), *parsed);
        return *parsed;
    }
    Clock clock(std::string_view text) const
    {
        const auto parsed = parseClock(text);
        if (!parsed)
            damaged("time", text);
        return *parsed;
    }
    Rank rank(std::string_view text) const
    {
        const auto parsed = parseRank(text);
        if (!parsed)
            damaged("rank", text);
        return *parsed;
    }

    void readHeader(Scenario &s)
    {
        Statement header = query("SELECT name, max_deployments, max_days, max_per_date, max_duties_per_officer, "
                                 "travel_weight FROM scenarios WHERE id = ?");
        if (!header.step())
            throw StorageError(location_ + ": the scenario disappeared while it was read");
        s.name = header.string(0);
        s.policy = {header.integer(1), header.integer(2), header.optionalInt(3), header.integer(4), header.real(5)};
    }

    template <typename Item> std::vector<Item> readClocks(std::string_view sql)
    {
        std::vector<Item> items;
        Statement stmt = query(sql);
        while (stmt.step())
            items.push_back({stmt.string(0), clock(stmt.text(1)), clock(stmt.text(2))});
        return items;
    }

    void readTeams(std::vector<Team> &teams)
    {
        Statement stmt = query("SELECT id, name, base_lat, base_lon, min_on_duty, max_abstracted FROM teams "
                               "WHERE scenario_id = ? ORDER BY ord");
        while (stmt.step())
            teams.push_back(
                {stmt.string(0), stmt.string(1), {stmt.real(2), stmt.real(3)}, stmt.integer(4), stmt.optionalInt(5)});
    }

    void readOfficers(std::vector<Officer> &officers)
    {
        Statement stmt = query("SELECT id, name, rank, team_id, max_duties FROM officers "
                               "WHERE scenario_id = ? ORDER BY ord");
        IdIndex index;
        while (stmt.step()) {
            Officer officer;
            officer.id = stmt.string(0);
            officer.name = stmt.string(1);
            officer.rank = rank(stmt.text(2));
            officer.team = stmt.string(3);
            officer.maxDuties = stmt.optionalInt(4);
            index.add(officer.id, officers.size());
            officers.push_back(std::move(officer));
        }
        Statement skills =
            query("SELECT officer_id, skill FROM officer_skills WHERE scenario_id = ? ORDER BY officer_id, ord");
        while (skills.step())
            officers[index.find(skills.text(0), location_)].skills.push_back(skills.string(1));
        Statement roster = query("SELECT officer_id, date, shift_id FROM roster_entries WHERE scenario_id = ? "
                                 "ORDER BY officer_id, date");
        while (roster.step()) {
            auto &entries = officers[index.find(roster.text(0), location_)].roster;
            entries.emplace_hint(entries.end(), date(roster.text(1)), roster.string(2));
        }
    }

    void readHotspots(std::vector<Hotspot> &hotspots)
    {
        Statement stmt = query("SELECT id, name, borough, lat, lon, value, max_per_horizon, min_gap_days, "
                               "repeat_decay, has_dates, has_crew FROM hotspots WHERE scenario_id = ? ORDER BY ord");
        IdIndex index;
        while (stmt.step()) {
            Hotspot h;
            h.id = stmt.string(0);
            h.name = stmt.string(1);
            h.borough = stmt.string(2);
            h.location = {stmt.real(3), stmt.real(4)};
            h.value = stmt.real(5);
            h.maxPerHorizon = stmt.integer(6);
            h.minGapDays = stmt.integer(7);
            h.repeatDecay = stmt.real(8);
            if (stmt.integer(9) != 0)
                h.dates.emplace();
            if (stmt.integer(10) != 0)
                h.crew.emplace();
            index.add(h.id, hotspots.size());
            hotspots.push_back(std::move(h));
        }
        Statement windows =
            query("SELECT hotspot_id, window_id, multiplier FROM hotspot_windows WHERE scenario_id = ?");
        while (windows.step())
            hotspots[index.find(windows.text(0), location_)].windows.emplace(windows.string(1), windows.real(2));
        Statement factors =
            query("SELECT hotspot_id, weekday, factor FROM hotspot_weekday_factors WHERE scenario_id = ?");
        while (factors.step()) {
            const int day = factors.integer(1);
            if (day < 0 || day > 6)
                damaged("weekday", std::to_string(day));
            hotspots[index.find(factors.text(0), location_)].weekdayFactor[static_cast<std::size_t>(day)] =
                factors.real(2);
        }
        Statement dates =
            query("SELECT hotspot_id, date FROM hotspot_dates WHERE scenario_id = ? ORDER BY hotspot_id, ord");
        while (dates.step()) {
            Hotspot &h = hotspots[index.find(dates.text(0), location_)];
            if (!h.dates)
                damaged("hotspot date of", h.id);
            h.dates->push_back(date(dates.text(1)));
        }
        Statement crew = query("SELECT hotspot_id, role_id, count FROM hotspot_crew WHERE scenario_id = ?");
        while (crew.step()) {
            Hotspot &h = hotspots[index.find(crew.text(0), location_)];
            if (!h.crew)
                damaged("hotspot crew of", h.id);
            h.crew->emplace(crew.string(1), crew.integer(2));
        }
    }

    void readVans(std::vector<Van> &vans)
    {
        Statement stmt = query("SELECT id, name, max_per_date FROM vans WHERE scenario_id = ? ORDER BY ord");
        IdIndex index;
        while (stmt.step()) {
            index.add(stmt.string(0), vans.size());
            vans.push_back({stmt.string(0), stmt.optionalString(1), {}, stmt.integer(2)});
        }
        Statement dates =
            query("SELECT van_id, date FROM van_unavailable_dates WHERE scenario_id = ? ORDER BY van_id, ord");
        while (dates.step())
            vans[index.find(dates.text(0), location_)].unavailable.push_back(date(dates.text(1)));
    }

    void readPins(std::vector<Pin> &pins)
    {
        Statement stmt = query("SELECT ord, hotspot_id, date, window_id, van_id FROM pins WHERE scenario_id = ? "
                               "ORDER BY ord");
        std::map<std::int64_t, std::size_t> byOrd;
        while (stmt.step()) {
            byOrd.emplace(stmt.int64(0), pins.size());
            pins.push_back({stmt.string(1), date(stmt.text(2)), stmt.string(3), stmt.optionalString(4), {}});
        }
        Statement crew = query("SELECT pin_ord, officer_id, role_id FROM pin_crew WHERE scenario_id = ? "
                               "ORDER BY pin_ord, ord");
        while (crew.step()) {
            const auto it = byOrd.find(crew.int64(0));
            if (it == byOrd.end())
                damaged("pin", std::to_string(crew.int64(0)));
            pins[it->second].crew.push_back({crew.string(1), crew.string(2)});
        }
    }

    Connection &db_;
    const std::string &location_;
    std::int64_t id_;
    std::map<std::string, Date, std::less<>> dates_;
};

} // namespace

Scenario readScenario(Connection &db, std::int64_t scenarioId) { return SqlScenarioReader(db, scenarioId).read(); }

std::optional<Plan> readPlan(Connection &db, std::int64_t scenarioId, std::string_view name)
{
    const std::string &location = db.location();
    Statement header =
        db.prepare("SELECT status, objective, value, travel_penalty, bound, reason FROM plans WHERE scenario_id = ?");
    header.bind(1, scenarioId);
    if (!header.step())
        return std::nullopt;
    Plan plan;
    plan.scenario = std::string(name);
    const auto status = parsePlanStatus(header.text(0));
    if (!status)
        throw StorageError(location + ": damaged database: bad plan status \"" + header.string(0) + "\"");
    plan.status = *status;
    const auto objective = header.optionalReal(1);
    const auto value = header.optionalReal(2);
    const auto travelPenalty = header.optionalReal(3);
    if (objective && value && travelPenalty)
        plan.figures = ObjectiveFigures{*value, *travelPenalty, *objective};
    else if (objective || value || travelPenalty)
        throw StorageError(location + ": damaged database: the plan of \"" + std::string(name) +
                           "\" has some of its figures (objective, value, travel_penalty) and not others");
    plan.bound = header.optionalReal(4);
    plan.reason = header.optionalString(5);

    Statement deployments = db.prepare("SELECT ord, date, window_id, hotspot_id, van_id FROM plan_deployments "
                                       "WHERE scenario_id = ? ORDER BY ord");
    deployments.bind(1, scenarioId);
    std::map<std::int64_t, std::size_t> byOrd;
    while (deployments.step()) {
        const auto date = parseDate(deployments.text(1));
        if (!date)
            throw StorageError(location + ": damaged database: bad date \"" + deployments.string(1) + "\"");
        byOrd.emplace(deployments.int64(0), plan.deployments.size());
        plan.deployments.push_back({*date, deployments.string(2), deployments.string(3), deployments.string(4), {}});
    }
    Statement crew = db.prepare("SELECT deployment_ord, officer_id, role_id FROM plan_crew WHERE scenario_id = ? "
                                "ORDER BY deployment_ord, ord");
    crew.bind(1, scenarioId);
    while (crew.step()) {
        const auto it = byOrd.find(crew.int64(0));
        if (it == byOrd.end())
            throw StorageError(location + ": damaged database: crew of an unknown deployment");
        plan.deployments[it->second].crew.push_back({crew.string(1), crew.string(2)});
    }
    return plan;
}

const std::vector<std::string_view> &scenarioTablesChildrenFirst()
{
    // clang-format off
    static const std::vector<std::string_view> tables = {
        "authorisations", "scenario_notes",
        "plan_crew", "plan_deployments", "plans",
        "pin_crew", "pins",
        "van_unavailable_dates", "vans",
        "hotspot_crew", "hotspot_dates", "hotspot_weekday_factors", "hotspot_windows", "hotspots",
        "roster_entries", "officer_skills", "officers", "teams",
        "default_crew", "roles", "shifts", "windows", "scenario_dates"};
    // clang-format on
    return tables;
}

void deleteScenarioData(Connection &db, std::int64_t scenarioId)
{
    for (const std::string_view table : scenarioTablesChildrenFirst()) {
        if (table == "authorisations" || table == "scenario_notes")
            continue;
        Statement remove = db.prepare("DELETE FROM " + std::string(table) + " WHERE scenario_id = ?");
        remove.bind(1, scenarioId);
        remove.run();
    }
}

void deleteScenarioRows(Connection &db, std::int64_t scenarioId)
{
    for (const std::string_view table : scenarioTablesChildrenFirst()) {
        Statement remove = db.prepare("DELETE FROM " + std::string(table) + " WHERE scenario_id = ?");
        remove.bind(1, scenarioId);
        remove.run();
    }
    Statement remove = db.prepare("DELETE FROM scenarios WHERE id = ?");
    remove.bind(1, scenarioId);
    remove.run();
}

} // namespace lfr::sql
