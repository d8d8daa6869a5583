// The store itself, private to core: one implementation of Storage over
// sql::Connection, used for SQLite files and PostgreSQL servers alike.
// sql_storage.cpp holds scenarios and plans, sql_accountability.cpp
// authorisations, records, settings and the audit trail.
#pragma once

#include "lfrplan/storage.h"

#include "sql_connection.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace lfr {

namespace store {
inline std::string scenarioLabel(std::string_view name) { return "scenario \"" + std::string(name) + "\""; }
} // namespace store

// What the audit trail keeps of a whole scenario (created or deleted): its
// policy, dates, windows, shifts, roles, crew and pins, and the sizes of its
// officer, team, hotspot and van lists. The records themselves are audited
// one by one as they change.
nlohmann::json scenarioSummary(const Scenario &scenario);

// Writes a scenario's rows under `scenarioId` (the scenarios row exists);
// a failed row names the item by its path in the scenario format.
void writeScenarioRows(sql::Connection &db, const std::string &context, std::int64_t scenarioId,
                       const Scenario &scenario);

// How a store's connection was made: what differs between the databases
// beyond the SQL dialect.
struct StoreTraits {
    std::function<int(sql::Connection &)> schemaVersion;
    std::function<Permissions(sql::Connection &)> permissions;
    // The authenticated login every change is recorded under: the
    // operating system's (SQLite) or the server's session_user (PostgreSQL).
    std::string actor;
    // Opened with OpenMode::ReadOnly: every change is refused.
    bool readOnly = false;
};

class SqlStorage final : public Storage {
public:
    SqlStorage(std::unique_ptr<sql::Connection> connection, StoreTraits traits);
    ~SqlStorage() override;

    std::vector<ScenarioSummary> listScenarios() override;
    void importScenario(const Scenario &scenario, ImportMode mode) override;
    Scenario loadScenario(std::string_view name) override;
    Scenario peekScenario(std::string_view name) override;
    bool hasScenario(std::string_view name) override;
    void renameScenario(std::string_view from, std::string_view to) override;
    void deleteScenario(std::string_view name) override;
    void savePlan(std::string_view scenario, const Plan &plan) override;
    std::string loadNotes(std::string_view scenario) override;
    void saveNotes(std::string_view scenario, const std::string &notes) override;
    std::optional<Plan> loadPlan(std::string_view scenario) override;
    int schemaVersion() override;
    PublishedVersion publishPlan(std::string_view scenario, const Plan &plan) override;
    void saveDisruption(const Scenario &disrupted, const std::vector<std::string> &what, int fromVersion,
                        const Plan &plan) override;
    std::vector<PublishedVersion> publishedVersions(std::string_view scenario) override;
    std::optional<PublishedVersion> lastPublished(std::string_view scenario) override;
    std::string location() override;
    Permissions permissions() override;
    std::int64_t revision(std::string_view scenario) override;
    std::optional<std::int64_t> expectedRevision(std::string_view scenario) override;
    std::string actor() override;
    std::optional<std::string> actorOfficer() override;
    std::vector<UserMapping> users() override;
    void mapUser(const std::string &login, const std::string &officer) override;
    void unmapUser(const std::string &login) override;
    SafeguardSettings safeguardSettings() override;
    void setSafeguardSettings(const SafeguardSettings &settings) override;
    std::vector<Authorisation> loadAuthorisations(std::string_view scenario) override;
    void saveAuthorisation(std::string_view scenario, const Authorisation &record) override;
    void importRecords(const std::string &source, const std::vector<DeploymentRecord> &records) override;
    std::vector<DeploymentRecord> loadRecords() override;
    std::vector<UnreadableRow> unreadableRows() override;
    std::vector<AuditEntry> auditTrail(std::int64_t afterSeq = std::numeric_limits<std::int64_t>::min()) override;
    ChainCheck verifyAuditTrail(const std::optional<std::string> &expectHead = std::nullopt) override;

    sql::Connection &connection();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

struct SqlStorage::Impl {
    std::unique_ptr<sql::Connection> conn;
    StoreTraits traits;
    // Scenario name -> the revision this store read (see Storage) and the
    // last audit entry then, so a conflict can name what changed since.
    struct Expected {
        std::int64_t revision = 0;
        std::int64_t auditSeq = 0;
    };
    std::map<std::string, Expected, std::less<>> expected;

    sql::Connection &db() const { return *conn; }
    const std::string &where() const { return conn->location(); }
    sql::Statement prepare(std::string_view sql) const { return conn->prepare(sql); }
    std::string now() const { return conn->nowSql(); }
    const std::string &actorName() const { return traits.actor; }

    // Scenario name -> the authorisation records this store read (by
    // describeKey, their revisions) and the last audit entry then: a save
    // over a record changed since is a conflict (lost updates, issue 15).
    struct ReadRecords {
        std::int64_t auditSeq = 0;
        std::map<std::string, std::int64_t> revisions;
    };
    std::map<std::string, ReadRecords, std::less<>> authorisationsRead;
    // Throws ConflictError when this store read the scenario's records and
    // the record `key` is now at another revision (0: none).
    void checkAuthorisationRevision(std::string_view scenario, const std::string &key, std::int64_t found) const;

    // Makes this transaction the only writer of `table` until it ends, for
    // read-then-write changes (SQLite's writer holds the whole file already).
    void lockTable(std::string_view table) const
    {
        if (conn->dialect() == sql::Dialect::Postgres)
            conn->exec("LOCK TABLE " + std::string(table) + " IN SHARE ROW EXCLUSIVE MODE");
    }

    std::optional<std::int64_t> findScenario(std::string_view name) const
    {
        sql::Statement stmt = prepare("SELECT id FROM scenarios WHERE name = ?");
        stmt.bindText(1, name);
        if (!stmt.step())
            return std::nullopt;
        return stmt.int64(0);
    }
    std::int64_t requireScenario(std::string_view name) const
    {
        const auto id = findScenario(name);
        if (!id)
            throw StorageError(where() + ": no " + store::scenarioLabel(name));
        return *id;
    }

    // The scenario's id and revision, the row locked until the write
    // transaction ends; a ConflictError when this store expects another
    // revision (nothing has been written yet at that point).
    struct Locked {
        std::int64_t id = 0;
        std::int64_t revision = 0;
    };
    Locked lockForChange(std::string_view name) const;
    // Raises the revision after a change; the caller records it as
    // expected once the transaction commits.
    std::int64_t bumpRevision(std::int64_t id, std::int64_t revision) const;
    // Inside a read transaction: remembers the scenario's current revision
    // (always, or only when none is remembered yet).
    void readRevision(std::string_view name, bool always);
    void rememberRevision(std::string_view name, std::int64_t revision, std::int64_t auditSeq)
    {
        expected.insert_or_assign(std::string(name), Expected{revision, auditSeq});
    }
    std::int64_t lastAuditSeq() const;

    // Runs a whole write transaction, and again when the server says it may
    // succeed on a retry (deadlock, serialization failure, SQLite busy
    // without waiting): bounded, with a short growing pause. Everything body
    // does must be inside its transaction. `what` says what it changes
    // ("save the plan of ..."): a store opened read-only refuses it.
    template <typename Body> auto retrying(std::string_view what, Body &&body) -> decltype(body());
    // Throws "<where>: opened read-only: cannot <what>" when it was.
    void refuseIfReadOnly(std::string_view what) const
    {
        if (traits.readOnly)
            throw StorageError(where() + ": opened read-only: cannot " + std::string(what) +
                               "; nothing was changed (open it for writing to change it)");
    }

    void writePlan(std::int64_t id, const Plan &plan) const;

    std::string readNotes(std::int64_t id) const
    {
        sql::Statement stmt = prepare("SELECT notes FROM scenario_notes WHERE scenario_id = ?");
        stmt.bind(1, id);
        return stmt.step() ? stmt.string(0) : std::string();
    }
    // Empty notes are no row.
    void writeNotes(std::int64_t id, const std::string &notes) const
    {
        sql::Statement remove = prepare("DELETE FROM scenario_notes WHERE scenario_id = ?");
        remove.bind(1, id);
        remove.run();
        if (notes.empty())
            return;
        sql::Statement insert = prepare("INSERT INTO scenario_notes (scenario_id, notes) VALUES (?, ?)");
        insert.bind(1, id);
        insert.bindCopy(2, notes);
        insert.run();
    }

    // Appends one entry to the audit trail, inside the caller's transaction.
    void audit(std::string_view action, std::string_view subject, const nlohmann::json &oldValue,
               const nlohmann::json &newValue) const;
    // The entries for a scenario replaced by `next` (per officer, team,
    // hotspot, van...; the policy and the other lists as a whole). A
    // scenario stored again unchanged (a plan save does that) adds none.
    void auditScenarioChange(const Scenario &before, const Scenario &next) const;
    // The entries for a plan replaced: per deployment added, removed or changed.
    void auditPlanChange(std::string_view scenario, const std::optional<Plan> &before, const Plan &next) const;
    // The audit entries about a scenario after entry `afterSeq`.
    std::vector<AuditEntry> changesTo(std::string_view scenario, std::int64_t afterSeq) const;
};

inline sql::Connection &SqlStorage::connection() { return *impl_->conn; }

template <typename Body> auto SqlStorage::Impl::retrying(std::string_view what, Body &&body) -> decltype(body())
{
    refuseIfReadOnly(what);
    constexpr int kAttempts = 8;
    for (int attempt = 1;; ++attempt) {
        try {
            return body();
        } catch (const sql::BusyRetry &error) {
            if (attempt == kAttempts)
                throw BusyError(std::string(error.what()) + "; nothing was written. Try again when the other "
                                                            "program has finished");
            sql::countRetry();
            sql::pause(attempt);
        } catch (const sql::TransientError &) {
            if (attempt == kAttempts)
                throw;
            sql::countRetry();
            sql::pause(attempt);
        }
    }
}

} // namespace lfr
