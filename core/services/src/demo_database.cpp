#include "lfrplan/demo_database.h"

#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

namespace lfr {

std::string baselineName(const std::string &week) { return week + " (old baseline: 4 on 2 days)"; }

void createDemoDatabase(const std::string &location, const std::filesystem::path &dataDir)
{
    std::error_code ec;
    const bool server = isServerLocation(location);
    const std::filesystem::path file = server ? std::filesystem::path() : std::filesystem::path(location);
    if (!server && std::filesystem::exists(file, ec))
        throw StorageError(location + " already exists; choose a new file name");
    // Read everything before the file is made: a bad data file leaves nothing.
    const Scenario newPolicy = readScenarioFile(dataDir / "demo-week.json");
    const Scenario carnival = readScenarioFile(dataDir / "demo-carnival.json");
    Scenario baseline = newPolicy;
    baseline.name = baselineName(newPolicy.name);
    baseline.policy.maxDeployments = 4;
    baseline.policy.maxDays = 2;
    if (server) {
        // One transaction per scenario: an empty database is required, so a
        // failure half-way leaves only demo scenarios to delete by hand.
        auto store = openStorage(location, OpenMode::CreateIfMissing);
        if (!store->listScenarios().empty())
            throw StorageError(store->location() + " already holds scenarios; the demo goes into an empty database");
        for (const Scenario *s : {&newPolicy, static_cast<const Scenario *>(&baseline), &carnival})
            store->importScenario(*s, ImportMode::FailIfExists);
        return;
    }
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
