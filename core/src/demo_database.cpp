#include "lfrplan/demo_database.h"

#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

namespace lfr {

std::string baselineName(const std::string &week) { return week + " (old baseline: 4 on 2 days)"; }

void createDemoDatabase(const std::filesystem::path &file, const std::filesystem::path &dataDir)
{
    std::error_code ec;
    if (std::filesystem::exists(file, ec))
        throw StorageError(file.string() + " already exists; choose a new file name");
    // Read everything before the file is made: a bad data file leaves nothing.
    const Scenario newPolicy = readScenarioFile(dataDir / "demo-week.json");
    const Scenario carnival = readScenarioFile(dataDir / "demo-carnival.json");
    Scenario baseline = newPolicy;
    baseline.name = baselineName(newPolicy.name);
    baseline.policy.maxDeployments = 4;
    baseline.policy.maxDays = 2;
    try {
        auto store = openStorage(file, OpenMode::CreateIfMissing);
        store->importScenario(newPolicy, ImportMode::FailIfExists);
        store->importScenario(baseline, ImportMode::FailIfExists);
        store->importScenario(carnival, ImportMode::FailIfExists);
    } catch (...) {
        std::filesystem::remove(file, ec);
        throw;
    }
}

} // namespace lfr
