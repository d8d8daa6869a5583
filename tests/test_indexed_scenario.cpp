// IndexedScenario: the index follows every change of its scenario (issue 16:
// the index was rebuilt by hand after each change, in seven places).
#include "lfrplan/indexed_scenario.h"
#include "lfrplan/scenario_io.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <stdexcept>

using namespace lfr;

namespace {

Scenario demo() { return readScenarioFile(std::filesystem::path(LFRPLAN_DATA_DIR) / "demo-week.json"); }

} // namespace

TEST_CASE("an indexed scenario's index follows its edits and replacements", "[index]")
{
    IndexedScenario data(demo());
    REQUIRE(data.index().officer(data.scenario().officers.front().id) == 0u);
    CHECK_FALSE(data.index().officer("MP-NEW"));

    data.edit([](Scenario &s) {
        Officer added = s.officers.front();
        added.id = "MP-NEW";
        s.officers.push_back(added);
    });
    CHECK(data.index().officer("MP-NEW") == data.scenario().officers.size() - 1);
    CHECK(&data.index().scenario() == &data.scenario());

    // Also after an edit that throws half way: the index matches what is there.
    CHECK_THROWS_AS(data.edit([](Scenario &s) {
        s.officers.front().id = "MP-RENAMED";
        throw std::runtime_error("stopped");
    }),
                    std::runtime_error);
    CHECK(data.index().officer("MP-RENAMED") == 0u);

    Scenario other = demo();
    other.vans.pop_back();
    const std::string gone = demo().vans.back().id;
    data.replace(other);
    CHECK_FALSE(data.index().van(gone));
    CHECK_FALSE(data.index().officer("MP-NEW"));

    data.rename("Another week");
    CHECK(data.scenario().name == "Another week");
    CHECK(data.index().van(data.scenario().vans.front().id) == 0u);
}
