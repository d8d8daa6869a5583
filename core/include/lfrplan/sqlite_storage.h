// The embedded SQLite implementation of Storage: one database file holds
// many scenarios. Opening checks the file before writing anything: a file
// that is not SQLite, is damaged, belongs to another application or has a
// schema newer than this build understands is refused with a StorageError
// and left exactly as it was. An older schema is upgraded in one
// transaction. See docs/storage.md for the schema and the durability
// settings.
#pragma once

#include "lfrplan/storage.h"

#include <filesystem>
#include <memory>

namespace lfr {

class SqliteStorage final : public Storage {
public:
    SqliteStorage(const std::filesystem::path &file, OpenMode mode);
    ~SqliteStorage() override;

    std::vector<ScenarioSummary> listScenarios() override;
    void importScenario(const Scenario &scenario, ImportMode mode) override;
    Scenario loadScenario(std::string_view name) override;
    bool hasScenario(std::string_view name) override;
    void renameScenario(std::string_view from, std::string_view to) override;
    void deleteScenario(std::string_view name) override;
    void savePlan(std::string_view scenario, const Plan &plan) override;
    std::string loadNotes(std::string_view scenario) override;
    void saveNotes(std::string_view scenario, const std::string &notes) override;
    std::optional<Plan> loadPlan(std::string_view scenario) override;
    int schemaVersion() override;
    std::string location() override;
    void setActor(std::string actor) override;
    std::string actor() override;
    SafeguardSettings safeguardSettings() override;
    void setSafeguardSettings(const SafeguardSettings &settings) override;
    std::vector<Authorisation> loadAuthorisations(std::string_view scenario) override;
    void saveAuthorisation(std::string_view scenario, const Authorisation &record) override;
    void importRecords(const std::string &source, const std::vector<DeploymentRecord> &records) override;
    std::vector<DeploymentRecord> loadRecords() override;
    std::vector<AuditEntry> auditTrail(std::int64_t afterSeq = 0) override;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace lfr
