// A scenario file imports into a database and exports back equal in meaning:
// on the demo week and on generated scenarios of several shapes.
#include "lfrplan/generator.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"
#include "test_support.h"
#include "tools/temp_store.h"

#include <catch2/catch.hpp>

using namespace lfr;

TEST_CASE("round trip: the demo week through a database and back to JSON", "[roundtrip][both]")
{
    const lfrtest::TempStore store;
    const auto file = std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json";
    const Scenario demo = readScenarioFile(file);
    {
        const auto storage = openStorage(store.location());
        storage->importScenario(demo, ImportMode::FailIfExists);
    }
    const auto storage = openStorage(store.location(), OpenMode::ExistingOnly);
    const Scenario back = storage->loadScenario(demo.name);
    CHECK(back == demo);
    CHECK(readScenario(writeScenario(back)) == demo);
}

TEST_CASE("round trip: generated scenarios, many in one database", "[roundtrip][both]")
{
    const lfrtest::TempStore store;
    const auto storage = openStorage(store.location());
    std::vector<Scenario> scenarios;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        GeneratorOptions o;
        o.seed = seed;
        o.officers = 40 + static_cast<int>(seed) * 150;
        o.teams = 2 + static_cast<int>(seed);
        o.hotspots = 3 + static_cast<int>(seed) * 4;
        o.vans = 1 + static_cast<int>(seed % 4);
        o.dates = 1 + static_cast<int>(seed * 5 % 29);
        o.windows = 1 + static_cast<int>(seed % 4);
        scenarios.push_back(generateScenario(o));
        storage->importScenario(scenarios.back(), ImportMode::FailIfExists);
    }
    CHECK(storage->listScenarios().size() == scenarios.size());
    for (const Scenario &s : scenarios) {
        const Scenario back = storage->loadScenario(s.name);
        CHECK(back == s);
        CHECK(writeScenario(back) == writeScenario(s));
    }
}
