// SqlStorage's accountability (issue 6): authorisation records checked
// by the safeguard rules before they are stored, published deployment
// records, the force's settings, and the append-only audit trail every
// change is written to in its own transaction.
#include "lfrplan/errors.h"
#include "lfrplan/safeguards_io.h"
#include "lfrplan/scenario_io.h"

#include "sql_read.h"
#include "sql_storage_impl.h"

#include <cstdlib>
#include <map>
#include <optional>
#include <pwd.h>
#include <set>
#include <unistd.h>

namespace lfr {

using nlohmann::json;
using sql::Statement;
using sql::Transaction;
using store::scenarioLabel;

namespace {

// A stored record's JSON read back; nothing when it cannot be read (the
// row was damaged or written by hand), with the reason in *why.
template <class T, class Reader>
std::optional<T> readStored(const std::string &text, Reader reader, const char *where, std::string *why = nullptr)
{
    try {
        return reader(json::parse(text), where);
    } catch (const std::exception &e) { // a bad row never takes a load down
        if (why != nullptr)
            *why = e.what();
        return std::nullopt;
    }
}

std::string deploymentLabel(const Deployment &d) { return describeKey(keyOf(d)); }

json deploymentJson(const Deployment &d)
{
    json crew = json::array();
    for (const CrewAssignment &m : d.crew)
        crew.push_back({{"officer", m.officer}, {"role", m.role}});
    return {{"hotspot", d.hotspot}, {"date", formatDate(d.date)}, {"window", d.window}, {"van", d.van}, {"crew", crew}};
}

} // namespace

void SqlStorage::Impl::audit(std::string_view action, std::string_view subject, const json &oldValue,
                             const json &newValue) const
{
    Statement insert = prepare(std::string("INSERT INTO audit_log (at, actor, action, subject, old_value, new_value) "
                                           "VALUES (") +
                               now() + ", ?, ?, ?, ?, ?)");
    insert.bindCopy(1, actorName());
    insert.bindCopy(2, action);
    insert.bindCopy(3, subject);
    for (const auto &[index, value] : {std::pair{4, &oldValue}, std::pair{5, &newValue}}) {
        if (value->is_null())
            insert.bindNull(index);
        else
            insert.bindCopy(index, value->dump());
    }
    insert.run();
}

namespace {

// The scenario without its four big lists (officers, teams, hotspots, vans):
// the policy, dates, windows, shifts, roles, crew and pins, as JSON.
json frameJson(const Scenario &full)
{
    Scenario s; // the small members only: copying the lists would cost more than the rest
    s.name = full.name;
    s.dates = full.dates;
    s.policy = full.policy;
    s.windows = full.windows;
    s.shifts = full.shifts;
    s.roles = full.roles;
    s.crew = full.crew;
    s.pinned = full.pinned;
    json j = scenarioToJson(s);
    for (const char *key : {"officers", "teams", "hotspots", "vans", "format", "name"})
        j.erase(key);
    return j;
}

// One record as the scenario format writes it.
template <class Record> json recordJson(const Record &record, std::vector<Record> Scenario::*list, const char *key)
{
    Scenario one;
    (one.*list).push_back(record);
    return scenarioToJson(one).at(key).at(0);
}

} // namespace

json scenarioSummary(const Scenario &s)
{
    json j = frameJson(s);
    j["officers"] = s.officers.size();
    j["teams"] = s.teams.size();
    j["hotspots"] = s.hotspots.size();
    j["vans"] = s.vans.size();
    return j;
}

void SqlStorage::Impl::auditScenarioChange(const Scenario &before, const Scenario &next) const
{
    // The records by id, compared as structures: only a changed one is
    // turned into JSON (a 33,000-officer scenario stays cheap to save).
    const auto diff = [&](auto list, const char *key) {
        const auto &old = before.*list;
        const auto &now = next.*list;
        using Record = typename std::decay_t<decltype(old)>::value_type;
        std::map<std::string, const Record *> oldById, nowById;
        for (const Record &r : old)
            oldById.emplace(r.id, &r);
        for (const Record &r : now)
            nowById.emplace(r.id, &r);
        const std::string prefix = "scenario." + std::string(key) + ".";
        for (const auto &[id, r] : oldById) {
            const auto it = nowById.find(id);
            if (it == nowById.end())
                audit(prefix + "removed", next.name + " / " + id, recordJson(*r, list, key), nullptr);
            else if (!(*it->second == *r))
                audit(prefix + "changed", next.name + " / " + id, recordJson(*r, list, key),
                      recordJson(*it->second, list, key));
        }
        for (const auto &[id, r] : nowById)
            if (!oldById.count(id))
                audit(prefix + "added", next.name + " / " + id, nullptr, recordJson(*r, list, key));
    };
    diff(&Scenario::officers, "officers");
    diff(&Scenario::teams, "teams");
    diff(&Scenario::hotspots, "hotspots");
    diff(&Scenario::vans, "vans");
    // The rest (policy, dates, windows, shifts, roles, crew, pins) as wholes.
    const json a = frameJson(before);
    const json b = frameJson(next);
    for (const auto &[key, value] : b.items())
        if (!a.contains(key) || a.at(key) != value)
            audit("scenario." + key + ".changed", next.name, a.contains(key) ? a.at(key) : json(nullptr), value);
}

void SqlStorage::Impl::auditPlanChange(std::string_view scenario, const std::optional<Plan> &before,
                                       const Plan &next) const
{
    std::map<std::string, const Deployment *> old, now;
    if (before)
        for (const Deployment &d : before->deployments)
            old.emplace(deploymentLabel(d), &d);
    for (const Deployment &d : next.deployments)
        now.emplace(deploymentLabel(d), &d);
    const std::string prefix = std::string(scenario) + " / ";
    for (const auto &[label, d] : old) {
        const auto it = now.find(label);
        if (it == now.end())
            audit("plan.deployment.removed", prefix + label, deploymentJson(*d), nullptr);
        else if (!(*it->second == *d))
            audit("plan.deployment.changed", prefix + label, deploymentJson(*d), deploymentJson(*it->second));
    }
    for (const auto &[label, d] : now)
        if (!old.count(label))
            audit("plan.deployment.added", prefix + label, nullptr, deploymentJson(*d));
    audit("plan.saved", scenario, before ? json{{"deployments", before->deployments.size()}} : json(nullptr),
          {{"deployments", next.deployments.size()},
           {"status", std::string(planStatusName(next.status))},
           {"objective", next.figures ? json(next.figures->objective) : json(nullptr)}});
}

std::string SqlStorage::actor() { return impl_->actorName(); }

std::optional<std::string> SqlStorage::actorOfficer()
{
    Statement stmt = impl_->prepare("SELECT officer FROM users WHERE login = ?");
    stmt.bindCopy(1, impl_->actorName());
    return stmt.step() ? std::optional(stmt.string(0)) : std::nullopt;
}

std::vector<UserMapping> SqlStorage::users()
{
    Statement stmt = impl_->prepare("SELECT login, officer FROM users ORDER BY login");
    std::vector<UserMapping> out;
    while (stmt.step())
        out.push_back({stmt.string(0), stmt.string(1)});
    return out;
}

void SqlStorage::mapUser(const std::string &login, const std::string &officer)
{
    const std::string where = impl_->where() + ": user " + login;
    impl_->refuseIfReadOnly("map login " + login);
    if (login.empty() || login.find_first_of(" \t\r\n") != std::string::npos)
        throw InputError(impl_->where() + ": user", "a login is one word (the operating-system or database login)");
    if (officer.empty() || officer.find_first_of(" \t\r\n") != std::string::npos)
        throw InputError(where, "an officer is their collar number, one word (as the scenarios' officer ids)");
    if (!permissions().manageUsers)
        throw StorageError(where + ": only the administrator maps logins to officers");
    impl_->retrying("map login " + login, [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        impl_->lockTable("users");
        Statement taken = impl_->prepare("SELECT login FROM users WHERE officer = ? AND login <> ?");
        taken.bindCopy(1, officer);
        taken.bindCopy(2, login);
        if (taken.step())
            throw InputError(where, "officer " + officer + " is already the login " + taken.string(0) +
                                        "; unmap that login first (an officer has one login)");
        Statement put = impl_->prepare("INSERT INTO users (login, officer) VALUES (?, ?) "
                                       "ON CONFLICT (login) DO UPDATE SET officer = excluded.officer "
                                       "WHERE users.officer <> excluded.officer");
        put.bindCopy(1, login);
        put.bindCopy(2, officer);
        put.run();
        write.commit();
    });
}

void SqlStorage::unmapUser(const std::string &login)
{
    impl_->refuseIfReadOnly("unmap login " + login);
    if (!permissions().manageUsers)
        throw StorageError(impl_->where() + ": user " + login + ": only the administrator maps logins to officers");
    impl_->retrying("unmap login " + login, [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        Statement find = impl_->prepare("SELECT 1 FROM users WHERE login = ?");
        find.bindCopy(1, login);
        if (!find.step())
            throw InputError(impl_->where() + ": user " + login, "no such login is mapped");
        find.reset();
        Statement remove = impl_->prepare("DELETE FROM users WHERE login = ?");
        remove.bindCopy(1, login);
        remove.run();
        write.commit();
    });
}

SafeguardSettings SqlStorage::safeguardSettings()
{
    SafeguardSettings s;
    Statement stmt = impl_->prepare("SELECT key, value FROM settings");
    while (stmt.step()) {
        const std::string key = stmt.string(0), value = stmt.string(1);
        if (key == "minimum_authorising_rank") {
            if (const auto rank = parseRank(value))
                s.minimumAuthorisingRank = *rank;
        } else if (key == "minimum_rationale_length") {
            s.minimumRationaleLength = static_cast<std::size_t>(std::strtoul(value.c_str(), nullptr, 10));
        }
    }
    return s;
}

void SqlStorage::setSafeguardSettings(const SafeguardSettings &settings)
{
    impl_->retrying(std::string("change the safeguard settings"), [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        impl_->lockTable("settings");
        // The database writes the audit entry of each setting changed.
        Statement put = impl_->prepare("INSERT INTO settings (key, value) VALUES (?, ?) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value "
                                       "WHERE settings.value <> excluded.value");
        put.bindCopy(1, "minimum_authorising_rank");
        put.bindCopy(2, rankName(settings.minimumAuthorisingRank));
        put.run();
        put.reset();
        put.bindCopy(1, "minimum_rationale_length");
        put.bindCopy(2, std::to_string(settings.minimumRationaleLength));
        put.run();
        write.commit();
    });
}

std::vector<Authorisation> SqlStorage::loadAuthorisations(std::string_view scenario)
{
    Transaction read(impl_->db(), sql::TxKind::Read);
    Statement stmt = impl_->prepare("SELECT record, hotspot, date, window_id, revision FROM authorisations "
                                    "WHERE scenario_id = ? ORDER BY date, window_id, hotspot");
    stmt.bind(1, impl_->requireScenario(scenario));
    std::vector<Authorisation> out;
    Impl::ReadRecords seen{impl_->lastAuditSeq(), {}};
    while (stmt.step()) {
        seen.revisions[stmt.string(1) + " " + stmt.string(2) + " " + stmt.string(3)] = stmt.int64(4);
        if (auto a = readStored<Authorisation>(stmt.string(0), authorisationFromJson, "authorisations.record"))
            out.push_back(std::move(*a));
    }
    read.commit();
    impl_->authorisationsRead.insert_or_assign(std::string(scenario), std::move(seen));
    return out;
}

void SqlStorage::saveAuthorisation(std::string_view scenario, const Authorisation &record)
{
    impl_->retrying("save an authorisation record of " + scenarioLabel(scenario), [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        impl_->lockTable("authorisations");
        const std::int64_t id = impl_->requireScenario(scenario);
        const Scenario sc = readScenario(impl_->db(), id);
        const std::string where =
            impl_->where() + ": " + scenarioLabel(scenario) + ": authorisation of " + describeKey(record.deployment);
        const DeploymentKey &k = record.deployment;
        if (std::none_of(sc.hotspots.begin(), sc.hotspots.end(), [&](const Hotspot &h) { return h.id == k.hotspot; }) ||
            std::find(sc.dates.begin(), sc.dates.end(), k.date) == sc.dates.end() ||
            std::none_of(sc.windows.begin(), sc.windows.end(), [&](const Window &w) { return w.id == k.window; }))
            throw InputError(where, "the scenario has no such hotspot, date or window");
        Statement find = impl_->prepare("SELECT record, revision FROM authorisations WHERE scenario_id = ? AND "
                                        "hotspot = ? AND date = ? AND window_id = ?");
        find.bind(1, id);
        find.bindCopy(2, k.hotspot);
        find.bindCopy(3, formatDate(k.date));
        find.bindCopy(4, k.window);
        std::optional<Authorisation> before;
        std::int64_t revision = 0;
        if (find.step()) {
            std::string why;
            before = readStored<Authorisation>(find.string(0), authorisationFromJson, "authorisations.record", &why);
            if (!before)
                throw StorageError(where + ": the stored record cannot be read (" + why +
                                   "); it is listed by lfrplan report and must be repaired by the administrator");
            revision = find.int64(1);
        }
        impl_->checkAuthorisationRevision(scenario, describeKey(k), revision);
        const Authorisation next = stampIdentity(before, record, impl_->actorName());
        auto problems = transitionProblems(before, next, sc, safeguardSettings());
        for (std::string &p : identityProblems(before, next, impl_->actorName(), users()))
            problems.push_back(std::move(p));
        if (!problems.empty()) {
            std::string message = "refused:";
            for (const std::string &p : problems)
                message += "\n  - " + p;
            throw InputError(where, message);
        }
        if (before && *before == next) {
            write.commit();
            return;
        }
        // The database writes the audit entry (a trigger, whoever changes
        // the record and however).
        // An UPDATE of a stored record, never an upsert: PostgreSQL runs an
        // upsert's INSERT triggers even when it updates, and the server's
        // check must see a change to an existing record as one.
        Statement put = impl_->prepare(
            revision > 0
                ? std::string("UPDATE authorisations SET status = ?, record = ?, updated_at = ") + impl_->now() +
                      ", updated_by = ?, revision = revision + 1 WHERE scenario_id = ? AND hotspot = ? AND "
                      "date = ? AND window_id = ?"
                : std::string("INSERT INTO authorisations (status, record, updated_at, updated_by, "
                              "scenario_id, hotspot, date, window_id, revision) VALUES (?, ?, ") +
                      impl_->now() + ", ?, ?, ?, ?, ?, 1)");
        put.bindCopy(1, statusName(next.status));
        put.bindCopy(2, authorisationToJson(next).dump());
        put.bindCopy(3, impl_->actorName());
        put.bind(4, id);
        put.bindCopy(5, k.hotspot);
        put.bindCopy(6, formatDate(k.date));
        put.bindCopy(7, k.window);
        put.run();
        write.commit();
        if (auto it = impl_->authorisationsRead.find(scenario); it != impl_->authorisationsRead.end())
            it->second.revisions[describeKey(k)] = revision + 1;
    });
}

void SqlStorage::importRecords(const std::string &source, const std::vector<DeploymentRecord> &records)
{
    impl_->retrying("store the published records of \"" + source + "\"", [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        impl_->lockTable("published_records");
        Statement count = impl_->prepare("SELECT count(*) FROM published_records WHERE source = ?");
        count.bindCopy(1, source);
        count.step();
        const int replaced = count.integer(0);
        Statement remove = impl_->prepare("DELETE FROM published_records WHERE source = ?");
        remove.bindCopy(1, source);
        remove.run();
        Statement insert =
            impl_->prepare("INSERT INTO published_records (source, line, date, record) VALUES (?, ?, ?, ?)");
        for (const DeploymentRecord &r : records) {
            DeploymentRecord stored = r;
            stored.source = source;
            insert.reset();
            insert.bindCopy(1, source);
            insert.bind(2, r.line);
            insert.bindCopy(3, formatDate(r.date));
            insert.bindCopy(4, recordToJson(stored).dump());
            if (insert.tryRun() != sql::RunResult::Done)
                throw StorageError(impl_->where() + ": importing " + source + " line " + std::to_string(r.line) + ": " +
                                   insert.lastError());
        }
        impl_->audit("records.imported", source, replaced ? json{{"records", replaced}} : json(nullptr),
                     {{"records", records.size()}});
        write.commit();
    });
}

std::vector<DeploymentRecord> SqlStorage::loadRecords()
{
    Statement stmt = impl_->prepare("SELECT record FROM published_records ORDER BY date, source, line");
    std::vector<DeploymentRecord> out;
    while (stmt.step())
        if (auto r = readStored<DeploymentRecord>(stmt.string(0), recordFromJson, "published_records.record"))
            out.push_back(std::move(*r));
    return out;
}

std::vector<UnreadableRow> SqlStorage::unreadableRows()
{
    Transaction read(impl_->db(), sql::TxKind::Read);
    std::vector<UnreadableRow> out;
    Statement a = impl_->prepare("SELECT s.name, a.hotspot, a.date, a.window_id, a.record FROM authorisations a "
                                 "JOIN scenarios s ON s.id = a.scenario_id ORDER BY s.name, a.date, a.window_id, "
                                 "a.hotspot");
    while (a.step()) {
        std::string why;
        if (!readStored<Authorisation>(a.string(4), authorisationFromJson, "authorisations.record", &why))
            out.push_back(
                {"authorisations",
                 "scenario \"" + a.string(0) + "\", " + a.string(1) + " on " + a.string(2) + " (" + a.string(3) + ")",
                 why});
    }
    Statement r = impl_->prepare("SELECT source, line, record FROM published_records ORDER BY source, line");
    while (r.step()) {
        std::string why;
        if (!readStored<DeploymentRecord>(r.string(2), recordFromJson, "published_records.record", &why))
            out.push_back({"published_records", r.string(0) + " line " + std::to_string(r.int64(1)), why});
    }
    read.commit();
    return out;
}

std::vector<AuditEntry> SqlStorage::auditTrail(std::int64_t afterSeq)
{
    Statement stmt = impl_->prepare("SELECT seq, at, actor, action, subject, coalesce(old_value, 'null'), "
                                    "coalesce(new_value, 'null'), coalesce(hash, '') FROM audit_log WHERE seq > ? "
                                    "ORDER BY seq");
    stmt.bind(1, afterSeq);
    std::vector<AuditEntry> out;
    while (stmt.step())
        out.push_back({stmt.int64(0), stmt.string(1), stmt.string(2), stmt.string(3), stmt.string(4), stmt.string(5),
                       stmt.string(6), stmt.string(7)});
    return out;
}

ChainCheck SqlStorage::verifyAuditTrail(const std::optional<std::string> &expectHead)
{
    Transaction read(impl_->db(), sql::TxKind::Read);
    const bool pg = impl_->db().dialect() == sql::Dialect::Postgres;
    Statement start = impl_->prepare(pg ? "SELECT chain_start FROM audit_head" : "SELECT chain_start FROM audit_chain");
    const std::int64_t chainStart = start.step() ? start.int64(0) : 1;
    Statement stmt = impl_->prepare(
        "SELECT seq, at, actor, action, subject, old_value, new_value, hash FROM audit_log ORDER BY seq");
    std::vector<ChainedEntry> entries;
    while (stmt.step())
        entries.push_back({stmt.int64(0), stmt.string(1), stmt.string(2), stmt.string(3), stmt.string(4),
                           stmt.optionalString(5), stmt.optionalString(6), stmt.optionalString(7)});
    read.commit();
    return verifyAuditChain(entries, chainStart, expectHead);
}

} // namespace lfr
