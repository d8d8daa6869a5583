// SqliteStorage's private state, shared by sqlite_storage.cpp (scenarios and
// plans) and sqlite_accountability.cpp (authorisations, records, audit).
#pragma once

#include "lfrplan/sqlite_storage.h"

#include "sqlite_handle.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lfr {

namespace sqlitestore {
inline constexpr const char *kNow = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
inline std::string scenarioLabel(std::string_view name) { return "scenario \"" + std::string(name) + "\""; }
} // namespace sqlitestore

// What the audit trail keeps of a whole scenario (created or deleted): its
// policy, dates, windows, shifts, roles, crew and pins, and the sizes of its
// officer, team, hotspot and van lists. The records themselves are audited
// one by one as they change.
nlohmann::json scenarioSummary(const Scenario &scenario);

struct SqliteStorage::Impl {
    sqlite::Database db;
    std::string actor = defaultActor();

    sqlite3 *handle() const { return db.get(); }
    const std::string &where() const { return db.location(); }
    sqlite::Statement prepare(std::string_view sql) const { return sqlite::Statement(db.get(), db.location(), sql); }

    std::optional<std::int64_t> findScenario(std::string_view name) const
    {
        sqlite::Statement stmt = prepare("SELECT id FROM scenarios WHERE name = ?");
        stmt.bindText(1, name);
        if (!stmt.step())
            return std::nullopt;
        return stmt.int64(0);
    }
    std::int64_t requireScenario(std::string_view name) const
    {
        const auto id = findScenario(name);
        if (!id)
            throw StorageError(where() + ": no " + sqlitestore::scenarioLabel(name));
        return *id;
    }

    void writePlan(std::int64_t id, const Plan &plan) const;

    std::string readNotes(std::int64_t id) const
    {
        sqlite::Statement stmt = prepare("SELECT notes FROM scenario_notes WHERE scenario_id = ?");
        stmt.bind(1, id);
        return stmt.step() ? stmt.string(0) : std::string();
    }
    // Empty notes are no row.
    void writeNotes(std::int64_t id, const std::string &notes) const
    {
        sqlite::Statement remove = prepare("DELETE FROM scenario_notes WHERE scenario_id = ?");
        remove.bind(1, id);
        remove.run();
        if (notes.empty())
            return;
        sqlite::Statement insert = prepare("INSERT INTO scenario_notes (scenario_id, notes) VALUES (?, ?)");
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
};

} // namespace lfr
