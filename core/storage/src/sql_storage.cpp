
#include "sql_read.h"
#include "sql_storage_impl.h"

#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"

#include <map>

namespace lfr {

namespace {

using sql::Statement;
using sql::Transaction;

using store::scenarioLabel;

// Each date of a scenario formatted once; references stay valid while the
// cache lives, so they can be bound without copying.
class DateTexts {
public:
    const std::string &operator()(Date date)
    {
        auto it = texts_.find(date);
        if (it == texts_.end())
            it = texts_.emplace(date, formatDate(date)).first;
        return it->second;
    }

private:
    std::map<Date, std::string> texts_;
};

// SQLite quotes a failed CHECK's source text, which may span lines.
std::string oneLine(std::string_view text)
{
    std::string line;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space)
            line += c;
        else if (!line.empty() && line.back() != ' ')
            line += ' ';
    }
    return line;
}

std::string indexed(std::string_view list, std::size_t index)
{
    return std::string(list) + "[" + std::to_string(index) + "]";
}

// Writes one scenario's rows; a failed row names the item by its path in
// the scenario format (officers[12].roster.2026-12-07).
class SqlScenarioWriter {
public:
    SqlScenarioWriter(sql::Connection &db, std::string location, std::int64_t scenarioId)
        : db_(db), location_(std::move(location)), id_(scenarioId)
    {
    }

    void write(const Scenario &s)
    {
        writeDates(s.dates);
        writeClocks("windows", s.windows);
        writeClocks("shifts", s.shifts);
        writeRoles(s.roles);
        writeCrew(s.crew);
        writeTeams(s.teams);
        writeOfficers(s.officers);
        writeHotspots(s.hotspots);
        writeVans(s.vans);
        writePins(s.pinned);
    }

private:
    Statement prepare(std::string_view sql) { return db_.prepare(sql); }

    template <typename Path> void insert(Statement &stmt, Path &&path)
    {
        const sql::RunResult rc = stmt.tryRun();
        if (rc == sql::RunResult::Done)
            return;
        std::string hint;
        if (rc == sql::RunResult::ForeignKey)
            hint = " (refers to something the scenario does not have)";
        else if (rc == sql::RunResult::Unique)
            hint = " (a duplicate)";
        throw StorageError(location_ + ": " + path() + ": " + oneLine(stmt.lastError()) + hint);
    }

    void writeDates(const std::vector<Date> &dates)
    {
        Statement stmt = prepare("INSERT INTO scenario_dates (scenario_id, ord, date) VALUES (?, ?, ?)");
        for (std::size_t i = 0; i < dates.size(); ++i) {
            stmt.bind(1, id_);
            stmt.bind(2, i);
            stmt.bindText(3, dateText_(dates[i]));
            insert(stmt, [&] { return indexed("dates", i); });
        }
    }

    template <typename Item> void writeClocks(std::string_view table, const std::vector<Item> &items)
    {
        Statement stmt = prepare("INSERT INTO " + std::string(table) +
                                 " (scenario_id, id, ord, start_time, end_time) VALUES (?, ?, ?, ?, ?)");
        for (std::size_t i = 0; i < items.size(); ++i) {
            stmt.bind(1, id_);
            stmt.bindText(2, items[i].id);
            stmt.bind(3, i);
            stmt.bindCopy(4, formatClock(items[i].start));
            stmt.bindCopy(5, formatClock(items[i].end));
            insert(stmt, [&] { return indexed(table, i); });
        }
    }

    void writeRoles(const std::vector<Role> &roles)
    {
        Statement stmt = prepare("INSERT INTO roles (scenario_id, id, ord, min_rank, skill) VALUES (?, ?, ?, ?, ?)");
        for (std::size_t i = 0; i < roles.size(); ++i) {
            stmt.bind(1, id_);
            stmt.bindText(2, roles[i].id);
            stmt.bind(3, i);
            if (roles[i].minRank)
                stmt.bindText(4, rankName(*roles[i].minRank));
            else
                stmt.bindNull(4);
            stmt.bindOptional(5, roles[i].skill);
            insert(stmt, [&] { return indexed("roles", i); });
        }
    }

    void writeCrew(const CrewMap &crew)
    {
        Statement stmt = prepare("INSERT INTO default_crew (scenario_id, role_id, count) VALUES (?, ?, ?)");
        for (const auto &entry : crew) {
            const std::string &role = entry.first;
            stmt.bind(1, id_);
            stmt.bindText(2, role);
            stmt.bind(3, entry.second);
            insert(stmt, [&] { return "crew." + role; });
        }
    }

    void writeTeams(const std::vector<Team> &teams)
    {
        Statement stmt = prepare("INSERT INTO teams (scenario_id, id, ord, name, base_lat, base_lon, min_on_duty, "
                                 "max_abstracted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (std::size_t i = 0; i < teams.size(); ++i) {
            const Team &team = teams[i];
            stmt.bind(1, id_);
            stmt.bindText(2, team.id);
            stmt.bind(3, i);
            stmt.bindText(4, team.name);
            stmt.bind(5, team.base.lat);
            stmt.bind(6, team.base.lon);
            stmt.bind(7, team.minOnDuty);
            stmt.bindOptional(8, team.maxAbstracted);
            insert(stmt, [&] { return indexed("teams", i); });
        }
    }

    void writeOfficers(const std::vector<Officer> &officers)
    {
        Statement officer = prepare("INSERT INTO officers (scenario_id, id, ord, name, rank, team_id, max_duties) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?)");
        Statement skill =
            prepare("INSERT INTO officer_skills (scenario_id, officer_id, ord, skill) VALUES (?, ?, ?, ?)");
        RosterWriter roster(*this);
        for (std::size_t i = 0; i < officers.size(); ++i) {
            const Officer &o = officers[i];
            officer.bind(1, id_);
            officer.bindText(2, o.id);
            officer.bind(3, i);
            officer.bindText(4, o.name);
            officer.bindText(5, rankName(o.rank));
            officer.bindText(6, o.team);
            officer.bindOptional(7, o.maxDuties);
            insert(officer, [&] { return indexed("officers", i); });
            for (std::size_t k = 0; k < o.skills.size(); ++k) {
                skill.bind(1, id_);
                skill.bindText(2, o.id);
                skill.bind(3, k);
                skill.bindText(4, o.skills[k]);
                insert(skill, [&] { return indexed(indexed("officers", i) + ".skills", k); });
            }
            for (const auto &[date, shift] : o.roster)
                roster.add({i, date, &o.id, &shift});
        }
        roster.finish();
    }

    // Roster entries are the bulk of a scenario (7 per officer): they go in
    // multi-row INSERTs of kBatch rows. A failed batch is backed out (SQLite
    // backs out the statement, PostgreSQL its savepoint) and replayed row by
    // row to name its bad entry.
    class RosterWriter {
    public:
        struct Row {
            std::size_t officer;
            Date date;
            const std::string *officerId;
            const std::string *shift;
        };
        explicit RosterWriter(SqlScenarioWriter &writer)
            : writer_(writer), batch_(writer.prepare(batchSql())),
              single_(writer.prepare("INSERT INTO roster_entries (scenario_id, officer_id, date, shift_id) "
                                     "VALUES (?, ?, ?, ?)"))
        {
            rows_.reserve(kBatch);
        }
        void add(const Row &row)
        {
            rows_.push_back(row);
            if (rows_.size() < kBatch)
                return;
            for (std::size_t k = 0; k < kBatch; ++k)
                bind(batch_, static_cast<int>(4 * k), rows_[k]);
            // PostgreSQL aborts the whole transaction on an error: the batch
            // runs under a savepoint so the replay can go on after it.
            const bool server = writer_.db_.dialect() == sql::Dialect::Postgres;
            if (server)
                writer_.db_.exec("SAVEPOINT roster_batch");
            if (batch_.tryRun() != sql::RunResult::Done) {
                if (server)
                    writer_.db_.exec("ROLLBACK TO SAVEPOINT roster_batch");
                finish();
            } else if (server) {
                writer_.db_.exec("RELEASE SAVEPOINT roster_batch");
            }
            rows_.clear();
        }
        void finish()
        {
            for (const Row &row : rows_) {
                bind(single_, 0, row);
                writer_.insert(single_, [&] {
                    return indexed("officers", row.officer) + ".roster." + writer_.dateText_(row.date);
                });
            }
            rows_.clear();
        }

    private:
        static constexpr std::size_t kBatch = 64;
        static std::string batchSql()
        {
            std::string sql =
                "INSERT INTO roster_entries (scenario_id, officer_id, date, shift_id) VALUES (?, ?, ?, ?)";
            for (std::size_t k = 1; k < kBatch; ++k)
                sql += ", (?, ?, ?, ?)";
            return sql;
        }
        void bind(Statement &stmt, int offset, const Row &row)
        {
            stmt.bind(offset + 1, writer_.id_);
            stmt.bindText(offset + 2, *row.officerId);
            stmt.bindText(offset + 3, writer_.dateText_(row.date));
            stmt.bindText(offset + 4, *row.shift);
        }

        SqlScenarioWriter &writer_;
        Statement batch_;
        Statement single_;
        std::vector<Row> rows_;
    };

    void writeHotspots(const std::vector<Hotspot> &hotspots)
    {
        Statement hotspot =
            prepare("INSERT INTO hotspots (scenario_id, id, ord, name, borough, lat, lon, value, max_per_horizon, "
                    "min_gap_days, repeat_decay, has_dates, has_crew) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Statement window =
            prepare("INSERT INTO hotspot_windows (scenario_id, hotspot_id, window_id, multiplier) VALUES (?, ?, ?, ?)");
        Statement factor = prepare(
            "INSERT INTO hotspot_weekday_factors (scenario_id, hotspot_id, weekday, factor) VALUES (?, ?, ?, ?)");
        Statement date = prepare("INSERT INTO hotspot_dates (scenario_id, hotspot_id, ord, date) VALUES (?, ?, ?, ?)");
        Statement crew =
            prepare("INSERT INTO hotspot_crew (scenario_id, hotspot_id, role_id, count) VALUES (?, ?, ?, ?)");
        for (std::size_t i = 0; i < hotspots.size(); ++i) {
            const Hotspot &h = hotspots[i];
            const std::string path = indexed("hotspots", i);
            hotspot.bind(1, id_);
            hotspot.bindText(2, h.id);
            hotspot.bind(3, i);
            hotspot.bindText(4, h.name);
            hotspot.bindText(5, h.borough);
            hotspot.bind(6, h.location.lat);
            hotspot.bind(7, h.location.lon);
            hotspot.bind(8, h.value);
            hotspot.bind(9, h.maxPerHorizon);
            hotspot.bind(10, h.minGapDays);
            hotspot.bind(11, h.repeatDecay);
            hotspot.bind(12, h.dates ? 1 : 0);
            hotspot.bind(13, h.crew ? 1 : 0);
            insert(hotspot, [&] { return path; });
            for (const auto &entry : h.windows) {
                const std::string &windowId = entry.first; // not a structured binding: clang 14 cannot capture one
                window.bind(1, id_);
                window.bindText(2, h.id);
                window.bindText(3, windowId);
                window.bind(4, entry.second);
                insert(window, [&] { return path + ".windows." + windowId; });
            }
            for (std::size_t day = 0; day < h.weekdayFactor.size(); ++day) {
                factor.bind(1, id_);
                factor.bindText(2, h.id);
                factor.bind(3, day);
                factor.bind(4, h.weekdayFactor[day]);
                insert(factor, [&] { return path + ".weekday_factor." + std::string(kWeekdayKeys[day]); });
            }
            for (std::size_t k = 0; h.dates && k < h.dates->size(); ++k) {
                date.bind(1, id_);
                date.bindText(2, h.id);
                date.bind(3, k);
                date.bindText(4, dateText_((*h.dates)[k]));
                insert(date, [&] { return indexed(path + ".dates", k); });
            }
            for (const auto &entry : h.crew ? *h.crew : CrewMap{}) {
                const std::string &role = entry.first;
                crew.bind(1, id_);
                crew.bindText(2, h.id);
                crew.bindText(3, role);
                crew.bind(4, entry.second);
                insert(crew, [&] { return path + ".crew." + role; });
            }
        }
    }

    void writeVans(const std::vector<Van> &vans)
    {
        Statement van = prepare("INSERT INTO vans (scenario_id, id, ord, name, max_per_date) VALUES (?, ?, ?, ?, ?)");
        Statement unavailable =
            prepare("INSERT INTO van_unavailable_dates (scenario_id, van_id, ord, date) VALUES (?, ?, ?, ?)");
        for (std::size_t i = 0; i < vans.size(); ++i) {
            van.bind(1, id_);
            van.bindText(2, vans[i].id);
            van.bind(3, i);
            van.bindOptional(4, vans[i].name);
            van.bind(5, vans[i].maxPerDate);
            insert(van, [&] { return indexed("vans", i); });
            for (std::size_t k = 0; k < vans[i].unavailable.size(); ++k) {
                unavailable.bind(1, id_);
                unavailable.bindText(2, vans[i].id);
                unavailable.bind(3, k);
                unavailable.bindText(4, dateText_(vans[i].unavailable[k]));
                insert(unavailable, [&] { return indexed(indexed("vans", i) + ".unavailable", k); });
            }
        }
    }

    void writePins(const std::vector<Pin> &pins)
    {
        Statement pin = prepare(
            "INSERT INTO pins (scenario_id, ord, hotspot_id, date, window_id, van_id) VALUES (?, ?, ?, ?, ?, ?)");
        Statement crew =
            prepare("INSERT INTO pin_crew (scenario_id, pin_ord, ord, officer_id, role_id) VALUES (?, ?, ?, ?, ?)");
        for (std::size_t i = 0; i < pins.size(); ++i) {
            pin.bind(1, id_);
            pin.bind(2, i);
            pin.bindText(3, pins[i].hotspot);
            pin.bindText(4, dateText_(pins[i].date));
            pin.bindText(5, pins[i].window);
            pin.bindOptional(6, pins[i].van);
            insert(pin, [&] { return indexed("pinned", i); });
            for (std::size_t k = 0; k < pins[i].crew.size(); ++k) {
                crew.bind(1, id_);
                crew.bind(2, i);
                crew.bind(3, k);
                crew.bindText(4, pins[i].crew[k].officer);
                crew.bindText(5, pins[i].crew[k].role);
                insert(crew, [&] { return indexed(indexed("pinned", i) + ".crew", k); });
            }
        }
    }

    sql::Connection &db_;
    std::string location_;
    std::int64_t id_;
    DateTexts dateText_;
};

} // namespace

void writeScenarioRows(sql::Connection &db, const std::string &context, std::int64_t scenarioId,
                       const Scenario &scenario)
{
    SqlScenarioWriter(db, context, scenarioId).write(scenario);
}

// Replaces the scenario's plan: header, deployments in order, crews in order.
void SqlStorage::Impl::writePlan(std::int64_t id, const Plan &plan) const
{
    Statement remove = prepare("DELETE FROM plans WHERE scenario_id = ?");
    remove.bind(1, id);
    remove.run();
    Statement header = prepare(std::string("INSERT INTO plans (scenario_id, status, objective, value, travel_penalty, "
                                           "bound, reason, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ") +
                               now() + ")");
    header.bind(1, id);
    header.bindText(2, planStatusName(plan.status));
    const auto figure = [&](double ObjectiveFigures::*member) {
        return plan.figures ? std::optional<double>((*plan.figures).*member) : std::nullopt;
    };
    header.bindOptional(3, figure(&ObjectiveFigures::objective));
    header.bindOptional(4, figure(&ObjectiveFigures::value));
    header.bindOptional(5, figure(&ObjectiveFigures::travelPenalty));
    header.bindOptional(6, plan.bound);
    header.bindOptional(7, plan.reason);
    header.run();
    Statement deployment = prepare("INSERT INTO plan_deployments (scenario_id, ord, date, window_id, hotspot_id, "
                                   "van_id) VALUES (?, ?, ?, ?, ?, ?)");
    Statement crew =
        prepare("INSERT INTO plan_crew (scenario_id, deployment_ord, ord, officer_id, role_id) VALUES (?, ?, ?, ?, ?)");
    const auto check = [&](Statement &stmt, const std::string &path) {
        const sql::RunResult rc = stmt.tryRun();
        if (rc != sql::RunResult::Done)
            throw StorageError(where() + ": saving the plan of " + scenarioLabel(plan.scenario) + ": " + path + ": " +
                               oneLine(stmt.lastError()) +
                               (rc == sql::RunResult::ForeignKey ? " (not an item of the scenario)" : ""));
    };
    for (std::size_t i = 0; i < plan.deployments.size(); ++i) {
        const Deployment &d = plan.deployments[i];
        const std::string date = formatDate(d.date);
        deployment.bind(1, id);
        deployment.bind(2, i);
        deployment.bindText(3, date);
        deployment.bindText(4, d.window);
        deployment.bindText(5, d.hotspot);
        deployment.bindText(6, d.van);
        check(deployment, indexed("deployments", i));
        for (std::size_t k = 0; k < d.crew.size(); ++k) {
            crew.bind(1, id);
            crew.bind(2, i);
            crew.bind(3, k);
            crew.bindText(4, d.crew[k].officer);
            crew.bindText(5, d.crew[k].role);
            check(crew, indexed(indexed("deployments", i) + ".crew", k));
        }
    }
}

} // namespace lfr
