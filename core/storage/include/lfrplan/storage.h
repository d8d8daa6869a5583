// Persistent storage of scenarios and their plans, behind an interface so
// that a server database can be added next to the embedded SQLite one.
//
// One store holds many scenarios, each a complete snapshot of the force
// data it plans over (teams, officers, rosters, hotspots, vans...), keyed
// by the scenario's name, and at most one plan per scenario. Everything a
// scenario holds round-trips exactly: loadScenario(name) == the Scenario
// that was imported, list orders included. See docs/storage.md.
//
// Every failure (missing scenario, refused file, I/O, constraint, a
// change the database role may not make) throws StorageError with a message that names the store and the problem. A
// Storage object is used from one thread at a time; several processes may
// share one store. On SQLite one of them writes at a time: another waits
// for the lock (up to 60 s, or LFRPLAN_BUSY_TIMEOUT seconds), saying so once
// through the busy-wait notice, and then fails with BusyError, having
// written nothing. A store opened ReadOnly refuses every change with a
// StorageError ("opened read-only: ...").
#pragma once

#include "lfrplan/audit_chain.h"
#include "lfrplan/deployment_records.h"
#include "lfrplan/errors.h"
#include "lfrplan/model.h"
#include "lfrplan/safeguards.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr {

struct ScenarioSummary {
    std::string name;
    int officers = 0;
    int teams = 0;
    int hotspots = 0;
    int vans = 0;
    int dates = 0;
    bool hasPlan = false;
    std::string createdAt; // UTC, ISO 8601: "2026-11-26T13:36:05Z"
    std::string updatedAt; // last import, rename or plan save
    bool operator==(const ScenarioSummary &) const = default;
};

// One entry of the append-only audit trail: who changed what, when, with
// the old and new values as JSON text ("null" when there is none).
struct AuditEntry {
    std::int64_t seq = 0;
    std::string at;      // UTC, ISO 8601
    std::string actor;   // the authenticated login (docs/safeguards.md)
    std::string action;  // "scenario.create", "plan.deployment.added", "authorisation.authorised"...
    std::string subject; // what it is about: a scenario name, "<scenario> / <deployment>"...
    std::string oldValue;
    std::string newValue;
    std::string hash; // the chain hash the database gave it (audit_chain.h)
    bool operator==(const AuditEntry &) const = default;
};

// One published version of a scenario's plan (issue 20; docs/publishing.md):
// numbered 1, 2, ... per scenario, never changed or removed.
struct PublishedVersion {
    int version = 0;
    std::string publishedAt; // UTC, ISO 8601, stamped by the store
    std::string publishedBy; // the authenticated login, stamped by the store
    Plan plan;               // the plan as it was published
    bool operator==(const PublishedVersion &) const = default;
};

// A change refused because the scenario changed since this store read it
// (optimistic versioning; docs/storage.md). Nothing was written: the other
// change stays as it is and the caller still holds its own. changes() are
// the audit entries of what changed underneath, oldest first.
class ConflictError : public StorageError {
public:
    ConflictError(const std::string &message, std::string scenario, std::int64_t expected, std::int64_t found,
                  std::vector<AuditEntry> changes)
        : StorageError(message), scenario_(std::move(scenario)), expected_(expected), found_(found),
          changes_(std::move(changes))
    {
    }
    const std::string &scenario() const noexcept { return scenario_; }
    std::int64_t expectedRevision() const noexcept { return expected_; }
    std::int64_t foundRevision() const noexcept { return found_; } // 0: the scenario is gone
    const std::vector<AuditEntry> &changes() const noexcept { return changes_; }

private:
    std::string scenario_;
    std::int64_t expected_;
    std::int64_t found_;
    std::vector<AuditEntry> changes_;
};

// What the connected user may do. On SQLite whoever can write the file may
// do everything; on PostgreSQL the database role decides and the server
// enforces it (docs/storage.md, "Roles"); the app shows only what is allowed.
struct Permissions {
    std::string role;       // "file owner", "administrator", "planner", "commander", "auditor", "no lfrplan role"
    bool editData = false;  // import, replace, rename, delete scenarios; notes; published records
    bool editPlans = false; // save plans
    bool draftAuthorisations = false; // create and edit draft authorisation records
    bool authorise = false;           // authorise, mark deployed, close, cancel
    bool changeSettings = false;
    bool readAuditTrail = false;
    bool manageUsers = false; // map logins to officers
    bool operator==(const Permissions &) const = default;
};

enum class ImportMode : std::uint8_t {
    FailIfExists, // a scenario of that name is an error; nothing changes
    Replace,      // the old scenario and its plan are replaced as a whole
};

enum class OpenMode : std::uint8_t {
    CreateIfMissing, // a missing or empty file becomes a new store
    ExistingOnly,    // the file must already be a store of this program
    ReadOnly,        // an existing store, only read: works on a read-only file or
                     // folder (an archived copy); every write is refused with
                     // "opened read-only: ...". Nothing is upgraded: a store of
                     // an older schema is refused, naming who may upgrade it.
                     // PostgreSQL: the session's transactions are read only.
};

// A stored record that cannot be read: its table, which row (in a
// planner's words), and what is wrong with it.
struct UnreadableRow {
    std::string table;
    std::string row;
    std::string reason;
};

class Storage {
public:
    virtual ~Storage() = default;
    Storage(const Storage &) = delete;
    Storage &operator=(const Storage &) = delete;

    // Every scenario, by name (byte order).
    virtual std::vector<ScenarioSummary> listScenarios() = 0;
    // Stores a scenario under scenario.name in one transaction: either all
    // of it is stored or nothing changes. Refuses data the schema forbids
    // (unknown references, duplicate ids, bad counts), naming the item.
    virtual void importScenario(const Scenario &scenario, ImportMode mode) = 0;
    virtual Scenario loadScenario(std::string_view name) = 0;
    // The same, for reports and comparisons: leaves the revision this store
    // expects for the scenario as it was (see "Optimistic versioning").
    virtual Scenario peekScenario(std::string_view name) = 0;
    virtual bool hasScenario(std::string_view name) = 0;
    // Renames a scenario and its plan; `to` must not exist.
    virtual void renameScenario(std::string_view from, std::string_view to) = 0;
    // Deletes a scenario with everything it owns, its plan included.
    virtual void deleteScenario(std::string_view name) = 0;
    // The scenario's notes (free text: what it assumes, why it exists);
    // empty when none. They follow a rename and survive a Replace import;
    // a change is audited.
    virtual std::string loadNotes(std::string_view scenario) = 0;
    virtual void saveNotes(std::string_view scenario, const std::string &notes) = 0;
    // Stores the plan of a scenario, replacing the previous one.
    // plan.scenario must be the scenario's name; every item the plan refers
    // to must exist in the scenario.
    virtual void savePlan(std::string_view scenario, const Plan &plan) = 0;
    // The scenario's plan, or nullopt when none was saved.
    virtual std::optional<Plan> loadPlan(std::string_view scenario) = 0;
    // The schema version of the store.
    virtual int schemaVersion() = 0;

    // --- Published versions (issue 20) ---------------------------------------
    // Freezes `plan` as the scenario's next published version and returns
    // it as stored (number, login, time). `plan` must be the scenario's
    // saved plan as the caller read it (the caller checks it keeps every
    // hard constraint: lfr::publishSavedPlan); a saved plan changed since,
    // or one whose deployments are those of the last published version, is
    // refused with a StorageError naming why. Audited ("plan.published",
    // with the whole plan) in the same transaction; only who may save plans
    // may publish. A version is never changed or removed, and a scenario
    // with published versions cannot be deleted.
    virtual PublishedVersion publishPlan(std::string_view scenario, const Plan &plan) = 0;
    // Every published version of the scenario, oldest first.
    virtual std::vector<PublishedVersion> publishedVersions(std::string_view scenario) = 0;
    // The last published version, if any.
    virtual std::optional<PublishedVersion> lastPublished(std::string_view scenario) = 0;
    // A mid-week disruption and its re-plan (issue 20, lfr::replanStored):
    // replaces the data of the scenario `disrupted.name` with `disrupted`
    // (its policy unchanged) and its saved plan with `plan`, in one
    // transaction, audited as "scenario.disruption" (`what`: the
    // disruption in a planner's words; `fromVersion`: the published version
    // re-planned from) beside the usual scenario and plan entries. The scenario must be
    // as this store last read it (ConflictError otherwise); nothing is
    // published.
    virtual void saveDisruption(const Scenario &disrupted, const std::vector<std::string> &what, int fromVersion,
                                const Plan &plan) = 0;
    // Where the store lives (a file path, a server address), for messages.
    virtual std::string location() = 0;
    // What the connected user may do.
    virtual Permissions permissions() = 0;

    // --- Optimistic versioning (issue 8) -----------------------------------
    // A scenario's revision is 1 when created and goes up by one at every
    // change to its data, plan or notes, and at a rename. Reading a
    // scenario (loadScenario; loadPlan and loadNotes when it was not read
    // yet) makes this store expect that revision: its next change to the
    // scenario (import Replace, savePlan, saveNotes, rename, delete) is
    // refused with a ConflictError if anyone changed the scenario since,
    // and expects the new revision after it succeeds. A scenario this
    // store never read is changed without the check.
    virtual std::int64_t revision(std::string_view scenario) = 0;
    // The revision this store expects for the scenario, if any.
    virtual std::optional<std::int64_t> expectedRevision(std::string_view scenario) = 0;

    // --- Accountability (issue 6; docs/safeguards.md) -------------------------
    // Every change above and below is written to the audit trail in the same
    // transaction, under the authenticated login: the operating system's
    // on SQLite, the server's session_user on PostgreSQL. Nobody can choose
    // another (issue 15).
    virtual std::string actor() = 0;
    // The officer the login is mapped to, if any.
    virtual std::optional<std::string> actorOfficer() = 0;
    // The login-to-officer mappings, by login. mapUser() adds or changes one
    // (a login maps to at most one officer, an officer to at most one
    // login), unmapUser() removes one; both are audited, and on PostgreSQL
    // only the administrator may make them.
    virtual std::vector<UserMapping> users() = 0;
    virtual void mapUser(const std::string &login, const std::string &officer) = 0;
    virtual void unmapUser(const std::string &login) = 0;
    // The force's settings (minimum authorising rank...); changes audited.
    virtual SafeguardSettings safeguardSettings() = 0;
    virtual void setSafeguardSettings(const SafeguardSettings &settings) = 0;
    // The scenario's authorisation records, by date, window and hotspot. A
    // stored record that cannot be read (damaged, or written by hand with
    // SQL) is left out, never failing the load: unreadableRows() names it.
    virtual std::vector<Authorisation> loadAuthorisations(std::string_view scenario) = 0;
    // Stores a record after transitionProblems() against the stored one (and
    // the scenario, under the stored settings) and identityProblems() find
    // nothing; otherwise an InputError lists every problem and nothing
    // changes. The store stamps planned_by (the login that first saved it)
    // and authorised_by (the login that authorised it); a record naming
    // another is refused. The deployment's hotspot, date and window must be
    // the scenario's. A record changed since this store last read it with
    // loadAuthorisations() is a ConflictError naming the change (nothing is
    // written).
    virtual void saveAuthorisation(std::string_view scenario, const Authorisation &record) = 0;
    // Replaces the published records of `source` with these.
    virtual void importRecords(const std::string &source, const std::vector<DeploymentRecord> &records) = 0;
    // Every published record, by date, source and line; one that cannot be
    // read is left out (unreadableRows()).
    virtual std::vector<DeploymentRecord> loadRecords() = 0;
    // Every stored authorisation or published record that cannot be read,
    // with where it is and why: what the loads above leave out.
    virtual std::vector<UnreadableRow> unreadableRows() = 0;
    // The audit trail, oldest first; `afterSeq` skips the entries up to it.
    // By default every entry, one numbered below 1 included (only a hand-
    // written insert into an older schema can make one).
    virtual std::vector<AuditEntry> auditTrail(std::int64_t afterSeq = std::numeric_limits<std::int64_t>::min()) = 0;
    // Recomputes the audit trail's hash chain (audit_chain.h); `expectHead`
    // is a head published earlier ("SEQ:HASH").
    virtual ChainCheck verifyAuditTrail(const std::optional<std::string> &expectHead = std::nullopt) = 0;

protected:
    Storage() = default;
};

// Opens the SQLite store at `file`. Opening checks the file before writing
// anything: a file that is not SQLite, is damaged, belongs to another
// application or has a newer schema is refused with a StorageError and left
// exactly as it was. An older schema is upgraded in one transaction.
std::unique_ptr<Storage> openStorage(const std::filesystem::path &file, OpenMode mode = OpenMode::CreateIfMissing);

// Opens the store at `location`: a "postgresql://" or "postgres://"
// connection string opens the PostgreSQL server database (see
// docs/storage.md), anything else is an SQLite file path.
std::unique_ptr<Storage> openStorage(const std::string &location, OpenMode mode = OpenMode::CreateIfMissing);
std::unique_ptr<Storage> openStorage(const char *location, OpenMode mode = OpenMode::CreateIfMissing);

// How many transactions this process has run again because the server
// reported a deadlock or a serialization failure (each is retried a few
// times with a short pause before the error reaches the caller).
std::uint64_t storageRetries();

// What a program is told when a store starts waiting for another program
// that holds the SQLite database's lock (once a store, after a short wait):
// a whole message such as "waiting for plans.db: another program is writing
// to it (for up to 60 s)...". Called on the thread that waits. Core prints
// nothing itself; the command line shows it on standard error.
using BusyWaitNotice = std::function<void(const std::string &message)>;
// Sets the notice for the stores opened from now on (none by default).
void setBusyWaitNotice(BusyWaitNotice notice);
BusyWaitNotice busyWaitNotice();

// True when `location` names a PostgreSQL server database.
bool isServerLocation(std::string_view location);

} // namespace lfr
