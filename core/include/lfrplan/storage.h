// Persistent storage of scenarios and their plans, behind an interface so
// that a server database can be added next to the embedded SQLite one.
//
// One store holds many scenarios, each a complete snapshot of the force
// data it plans over (teams, officers, rosters, hotspots, vans...), keyed
// by the scenario's name, and at most one plan per scenario. Everything a
// scenario holds round-trips exactly: loadScenario(name) == the Scenario
// that was imported, list orders included. See docs/storage.md.
//
// Every failure (missing scenario, refused file, I/O, constraint) throws
// StorageError with a message that names the store and the problem. A
// Storage object is used from one thread at a time; several processes may
// share one store.
#pragma once

#include "lfrplan/model.h"

#include <cstdint>
#include <filesystem>
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

enum class ImportMode : std::uint8_t {
    FailIfExists, // a scenario of that name is an error; nothing changes
    Replace,      // the old scenario and its plan are replaced as a whole
};

enum class OpenMode : std::uint8_t {
    CreateIfMissing, // a missing or empty file becomes a new store
    ExistingOnly,    // the file must already be a store of this program
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
    virtual bool hasScenario(std::string_view name) = 0;
    // Renames a scenario and its plan; `to` must not exist.
    virtual void renameScenario(std::string_view from, std::string_view to) = 0;
    // Deletes a scenario with everything it owns, its plan included.
    virtual void deleteScenario(std::string_view name) = 0;
    // Stores the plan of a scenario, replacing the previous one.
    // plan.scenario must be the scenario's name; every item the plan refers
    // to must exist in the scenario.
    virtual void savePlan(std::string_view scenario, const Plan &plan) = 0;
    // The scenario's plan, or nullopt when none was saved.
    virtual std::optional<Plan> loadPlan(std::string_view scenario) = 0;
    // The schema version of the store.
    virtual int schemaVersion() = 0;
    // Where the store lives (a file path, a server address), for messages.
    virtual std::string location() = 0;

protected:
    Storage() = default;
};

// Opens the SQLite store at `file` (see sqlite_storage.h).
std::unique_ptr<Storage> openStorage(const std::filesystem::path &file, OpenMode mode = OpenMode::CreateIfMissing);

} // namespace lfr
