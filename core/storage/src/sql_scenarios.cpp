// SqlStorage: scenarios, plans and notes, with optimistic versioning (each
// scenario's revision; docs/storage.md). Every write is one transaction,
// run again when the server reports a deadlock or serialization failure.
#include "sql_read.h"
#include "sql_storage_impl.h"

#include "lfrplan/plan_io.h"

#include <algorithm>
#include <set>
#include <utility>

namespace lfr {

using sql::Statement;
using sql::Transaction;
using store::scenarioLabel;

SqlStorage::SqlStorage(std::unique_ptr<sql::Connection> connection, StoreTraits traits)
    : impl_(std::make_unique<Impl>())
{
    impl_->conn = std::move(connection);
    impl_->traits = std::move(traits);
}

SqlStorage::~SqlStorage() = default;

std::int64_t SqlStorage::Impl::lastAuditSeq() const
{
    Statement stmt = prepare("SELECT coalesce(max(seq), 0) FROM audit_log");
    stmt.step();
    return stmt.int64(0);
}

std::vector<AuditEntry> SqlStorage::Impl::changesTo(std::string_view scenario, std::int64_t afterSeq) const
{
    Statement stmt = prepare("SELECT seq, at, actor, action, subject, coalesce(old_value, 'null'), "
                             "coalesce(new_value, 'null'), coalesce(hash, '') FROM audit_log WHERE seq > ? "
                             "ORDER BY seq");
    stmt.bind(1, afterSeq);
    const std::string prefix = std::string(scenario) + " / ";
    const std::string renamedFrom = nlohmann::json(std::string(scenario)).dump();
    std::vector<AuditEntry> out;
    while (stmt.step()) {
        AuditEntry e{stmt.int64(0),  stmt.string(1), stmt.string(2), stmt.string(3),
                     stmt.string(4), stmt.string(5), stmt.string(6), stmt.string(7)};
        if (e.subject == scenario || e.subject.starts_with(prefix) ||
            (e.action == "scenario.rename" && e.oldValue == renamedFrom))
            out.push_back(std::move(e));
    }
    return out;
}

namespace {

std::string conflictMessage(const std::string &where, std::string_view name, std::int64_t expected, std::int64_t found,
                            const std::vector<AuditEntry> &changes)
{
    std::string message = where + ": " + scenarioLabel(name);
    if (found == 0)
        message += " was renamed or deleted since you read it (you had revision " + std::to_string(expected) + ")";
    else
        message += " was changed since you read it (you had revision " + std::to_string(expected) +
                   ", it is now at revision " + std::to_string(found) + ")";
    message += "; nothing of yours was saved. ";
    if (changes.empty()) {
        message += "The audit trail names no change you may see.";
        return message;
    }
    std::set<std::string> who;
    for (const AuditEntry &e : changes)
        who.insert(e.actor);
    std::string people;
    for (const std::string &w : who)
        people += (people.empty() ? "" : ", ") + w;
    message += "Changed by " + people + ":";
    constexpr std::size_t kShown = 12;
    for (std::size_t i = 0; i < changes.size() && i < kShown; ++i)
        message +=
            "\n  - " + changes[i].at + " " + changes[i].actor + ": " + changes[i].action + " " + changes[i].subject;
    if (changes.size() > kShown)
        message += "\n  - and " + std::to_string(changes.size() - kShown) + " more";
    return message;
}

} // namespace

SqlStorage::Impl::Locked SqlStorage::Impl::lockForChange(std::string_view name) const
{
    Statement stmt = prepare(std::string("SELECT id, revision FROM scenarios WHERE name = ?") + conn->forUpdate());
    stmt.bindText(1, name);
    const auto it = expected.find(name);
    if (!stmt.step()) {
        if (it != expected.end()) {
            std::vector<AuditEntry> changes = changesTo(name, it->second.auditSeq);
            const std::string message = conflictMessage(where(), name, it->second.revision, 0, changes);
            throw ConflictError(message, std::string(name), it->second.revision, 0, std::move(changes));
        }
        throw StorageError(where() + ": no " + scenarioLabel(name));
    }
    const Locked locked{stmt.int64(0), stmt.int64(1)};
    stmt.reset();
    if (it != expected.end() && it->second.revision != locked.revision) {
        std::vector<AuditEntry> changes = changesTo(name, it->second.auditSeq);
        const std::string message = conflictMessage(where(), name, it->second.revision, locked.revision, changes);
        throw ConflictError(message, std::string(name), it->second.revision, locked.revision, std::move(changes));
    }
    return locked;
}

void SqlStorage::Impl::checkAuthorisationRevision(std::string_view scenario, const std::string &key,
                                                  std::int64_t found) const
{
    const auto it = authorisationsRead.find(scenario);
    if (it == authorisationsRead.end())
        return; // never read here: nothing to be stale
    const auto known = it->second.revisions.find(key);
    const std::int64_t had = known == it->second.revisions.end() ? 0 : known->second;
    if (had == found)
        return;
    std::vector<AuditEntry> changes = changesTo(scenario, it->second.auditSeq);
    const std::string subject = std::string(scenario) + " / " + key;
    std::erase_if(changes, [&](const AuditEntry &e) { return e.subject != subject; });
    std::string message = where() + ": " + scenarioLabel(scenario) + ": the authorisation record of " + key +
                          (had == 0     ? " was created"
                           : found == 0 ? " was deleted"
                                        : " was changed") +
                          " since you read it; nothing of yours was saved. Read it again and redo your change.";
    for (const AuditEntry &e : changes)
        message += "\n  - " + e.at + " " + e.actor + ": " + e.action;
    throw ConflictError(message, std::string(scenario), had, found, std::move(changes));
}

std::int64_t SqlStorage::Impl::bumpRevision(std::int64_t id, std::int64_t revision) const
{
    Statement touch =
        prepare(std::string("UPDATE scenarios SET revision = ?, updated_at = ") + now() + " WHERE id = ?");
    touch.bind(1, revision + 1);
    touch.bind(2, id);
    touch.run();
    return revision + 1;
}

void SqlStorage::Impl::readRevision(std::string_view name, bool always)
{
    if (!always && expected.find(name) != expected.end())
        return;
    Statement stmt = prepare("SELECT revision FROM scenarios WHERE name = ?");
    stmt.bindText(1, name);
    if (stmt.step())
        rememberRevision(name, stmt.int64(0), lastAuditSeq());
}

std::vector<ScenarioSummary> SqlStorage::listScenarios()
{
    Transaction read(impl_->db(), sql::TxKind::Read);
    Statement stmt =
        impl_->prepare("SELECT s.name, (SELECT count(*) FROM officers x WHERE x.scenario_id = s.id), "
                       "(SELECT count(*) FROM teams x WHERE x.scenario_id = s.id), "
                       "(SELECT count(*) FROM hotspots x WHERE x.scenario_id = s.id), "
                       "(SELECT count(*) FROM vans x WHERE x.scenario_id = s.id), "
                       "(SELECT count(*) FROM scenario_dates x WHERE x.scenario_id = s.id), "
                       "(SELECT count(*) FROM plans x WHERE x.scenario_id = s.id), s.created_at, s.updated_at "
                       "FROM scenarios s ORDER BY s.name");
    std::vector<ScenarioSummary> summaries;
    while (stmt.step())
        summaries.push_back({stmt.string(0), stmt.integer(1), stmt.integer(2), stmt.integer(3), stmt.integer(4),
                             stmt.integer(5), stmt.integer(6) != 0, stmt.string(7), stmt.string(8)});
    read.commit();
    return summaries;
}

void SqlStorage::importScenario(const Scenario &scenario, ImportMode mode)
{
    const std::string context = impl_->where() + ": importing " + scenarioLabel(scenario.name);
    const Policy &policy = scenario.policy;
    const auto bindPolicy = [&](Statement &stmt) {
        stmt.bind(1, policy.maxDeployments);
        stmt.bind(2, policy.maxDays);
        stmt.bindOptional(3, policy.maxPerDate);
        stmt.bind(4, policy.maxDutiesPerOfficer);
        stmt.bind(5, policy.travelWeight);
    };
    const auto runPolicy = [&](Statement &stmt) {
        try {
            const bool row = stmt.step();
            const std::int64_t id = row ? stmt.int64(0) : 0;
            stmt.reset();
            return id;
        } catch (const sql::TransientError &) {
            throw;
        } catch (const StorageError &error) {
            throw StorageError(context + ": policy: " + error.what());
        }
    };
    const auto [revision, seq] = impl_->retrying("import " + scenarioLabel(scenario.name), [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        std::int64_t next = 1;
        std::int64_t id = 0;
        if (impl_->findScenario(scenario.name)) {
            if (mode == ImportMode::FailIfExists)
                throw StorageError(impl_->where() + ": " + scenarioLabel(scenario.name) + " already exists");
            // Replaced in place: the row, its creation time, notes and
            // authorisation records stay; the data and plan are new.
            const Impl::Locked old = impl_->lockForChange(scenario.name);
            const Scenario before = sql::readScenario(impl_->db(), old.id);
            if (before == scenario) { // stored again unchanged: nothing to write, nothing to audit
                const std::int64_t last = impl_->lastAuditSeq();
                write.commit();
                return std::pair{old.revision, last};
            }
            // The revision first: on PostgreSQL the server refuses a change to
            // a scenario's rows in a transaction that has not raised it.
            next = impl_->bumpRevision(old.id, old.revision);
            sql::deleteScenarioData(impl_->db(), old.id);
            Statement update = impl_->prepare("UPDATE scenarios SET max_deployments = ?, max_days = ?, "
                                              "max_per_date = ?, max_duties_per_officer = ?, travel_weight = ? "
                                              "WHERE id = ?");
            bindPolicy(update);
            update.bind(6, old.id);
            runPolicy(update);
            id = old.id;
            writeScenarioRows(impl_->db(), context, id, scenario);
            impl_->auditScenarioChange(before, scenario);
        } else {
            // Replacing what this store read, but it was renamed or deleted
            // meanwhile: creating it again would undo that unnoticed.
            if (mode == ImportMode::Replace)
                if (const auto it = impl_->expected.find(scenario.name); it != impl_->expected.end())
                    impl_->lockForChange(scenario.name); // throws the ConflictError
            Statement insert = impl_->prepare(
                "INSERT INTO scenarios (max_deployments, max_days, max_per_date, max_duties_per_officer, "
                "travel_weight, name, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, " +
                impl_->now() + ", " + impl_->now() + ", 1) RETURNING id");
            bindPolicy(insert);
            insert.bindText(6, scenario.name);
            id = runPolicy(insert);
            writeScenarioRows(impl_->db(), context, id, scenario);
            impl_->audit("scenario.create", scenario.name, nullptr, scenarioSummary(scenario));
        }
        const std::int64_t last = impl_->lastAuditSeq();
        write.commit();
        return std::pair{next, last};
    });
    impl_->rememberRevision(scenario.name, revision, seq);
}

Scenario SqlStorage::loadScenario(std::string_view name)
{
    Transaction read(impl_->db(), sql::TxKind::Read);
    Scenario scenario = sql::readScenario(impl_->db(), impl_->requireScenario(name));
    impl_->readRevision(name, true);
    read.commit();
    return scenario;
}

Scenario SqlStorage::peekScenario(std::string_view name)
{
    sql::Transaction read(impl_->db(), sql::TxKind::Read);
    Scenario scenario = sql::readScenario(impl_->db(), impl_->requireScenario(name));
    read.commit();
    return scenario;
}

bool SqlStorage::hasScenario(std::string_view name) { return impl_->findScenario(name).has_value(); }

void SqlStorage::renameScenario(std::string_view from, std::string_view to)
{
    const auto [revision, seq] = impl_->retrying("rename " + scenarioLabel(from), [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        const Impl::Locked locked = impl_->lockForChange(from);
        if (from == to)
            return std::pair{locked.revision, std::int64_t{0}};
        if (impl_->findScenario(to))
            throw StorageError(impl_->where() + ": cannot rename " + scenarioLabel(from) + ": " + scenarioLabel(to) +
                               " already exists");
        const std::int64_t next = impl_->bumpRevision(locked.id, locked.revision);
        Statement rename = impl_->prepare("UPDATE scenarios SET name = ? WHERE id = ?");
        rename.bindText(1, to);
        rename.bind(2, locked.id);
        rename.run();
        impl_->audit("scenario.rename", to, std::string(from), std::string(to));
        const std::int64_t last = impl_->lastAuditSeq();
        write.commit();
        return std::pair{next, last};
    });
    if (from == to)
        return;
    const bool tracked = impl_->expected.count(from) != 0;
    impl_->expected.erase(std::string(from));
    if (tracked)
        impl_->rememberRevision(to, revision, seq);
}

void SqlStorage::deleteScenario(std::string_view name)
{
    impl_->retrying("delete " + scenarioLabel(name), [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        const Impl::Locked locked = impl_->lockForChange(name);
        const std::int64_t id = locked.id;
        {
            Statement published = impl_->prepare("SELECT count(*) FROM published_plans WHERE scenario_id = ?");
            published.bind(1, id);
            published.step();
            if (const std::int64_t n = published.int64(0); n > 0)
                throw StorageError(impl_->where() + ": cannot delete " + scenarioLabel(name) + ": it has " +
                                   std::to_string(n) +
                                   (n == 1 ? " published version of its plan, which is"
                                           : " published versions of its plan, which are") +
                                   " kept for good (docs/publishing.md); nothing was deleted");
        }
        impl_->bumpRevision(id, locked.revision); // its rows go: a change like any other
        // What is kept of it: its frame and sizes, and its saved plan.
        nlohmann::json kept = scenarioSummary(sql::readScenario(impl_->db(), id));
        if (const auto plan = sql::readPlan(impl_->db(), id, name))
            kept["plan"] = nlohmann::json::parse(writePlan(*plan));
        if (const std::string notes = impl_->readNotes(id); !notes.empty())
            kept["notes"] = notes;
        sql::deleteScenarioRows(impl_->db(), id);
        impl_->audit("scenario.delete", name, kept, nullptr);
        write.commit();
    });
    impl_->expected.erase(std::string(name));
}

void SqlStorage::savePlan(std::string_view scenario, const Plan &plan)
{
    if (plan.scenario != scenario)
        throw StorageError(impl_->where() + ": the plan is for " + scenarioLabel(plan.scenario) + ", not " +
                           scenarioLabel(scenario));
    const auto [revision, seq] = impl_->retrying("save the plan of " + scenarioLabel(scenario), [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        const Impl::Locked locked = impl_->lockForChange(scenario);
        const std::optional<Plan> before = sql::readPlan(impl_->db(), locked.id, scenario);
        const std::int64_t next = impl_->bumpRevision(locked.id, locked.revision);
        impl_->writePlan(locked.id, plan);
        impl_->auditPlanChange(scenario, before, plan);
        const std::int64_t last = impl_->lastAuditSeq();
        write.commit();
        return std::pair{next, last};
    });
    impl_->rememberRevision(scenario, revision, seq);
}

std::string SqlStorage::loadNotes(std::string_view scenario)
{
    Transaction read(impl_->db(), sql::TxKind::Read);
    std::string notes = impl_->readNotes(impl_->requireScenario(scenario));
    impl_->readRevision(scenario, false);
    read.commit();
    return notes;
}

void SqlStorage::saveNotes(std::string_view scenario, const std::string &notes)
{
    const auto [revision, seq] = impl_->retrying("save the notes of " + scenarioLabel(scenario), [&] {
        Transaction write(impl_->db(), sql::TxKind::Write);
        const Impl::Locked locked = impl_->lockForChange(scenario);
        const std::string before = impl_->readNotes(locked.id);
        if (before == notes) {
            const std::int64_t last = impl_->lastAuditSeq();
            write.commit();
            return std::pair{locked.revision, last};
        }
        const std::int64_t next = impl_->bumpRevision(locked.id, locked.revision);
        impl_->writeNotes(locked.id, notes);
        impl_->audit("scenario.notes.changed", scenario, before, notes);
        const std::int64_t last = impl_->lastAuditSeq();
        write.commit();
        return std::pair{next, last};
    });
    impl_->rememberRevision(scenario, revision, seq);
}

std::optional<Plan> SqlStorage::loadPlan(std::string_view scenario)
{
    Transaction read(impl_->db(), sql::TxKind::Read);
    const std::int64_t id = impl_->requireScenario(scenario);
    std::optional<Plan> plan = sql::readPlan(impl_->db(), id, scenario);
    impl_->readRevision(scenario, false);
    read.commit();
    return plan;
}

int SqlStorage::schemaVersion() { return impl_->traits.schemaVersion(impl_->db()); }

std::string SqlStorage::location() { return impl_->where(); }

Permissions SqlStorage::permissions() { return impl_->traits.permissions(impl_->db()); }

std::int64_t SqlStorage::revision(std::string_view scenario)
{
    Statement stmt = impl_->prepare("SELECT revision FROM scenarios WHERE name = ?");
    stmt.bindText(1, scenario);
    if (!stmt.step())
        throw StorageError(impl_->where() + ": no " + scenarioLabel(scenario));
    return stmt.int64(0);
}

std::optional<std::int64_t> SqlStorage::expectedRevision(std::string_view scenario)
{
    const auto it = impl_->expected.find(scenario);
    return it == impl_->expected.end() ? std::nullopt : std::optional(it->second.revision);
}

} // namespace lfr
