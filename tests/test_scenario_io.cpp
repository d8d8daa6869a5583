#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"
#include "test_support.h"

#include <catch2/catch.hpp>

using namespace lfr;

TEST_CASE("the small scenario reads with every default applied", "[scenario-io]")
{
    const Scenario s = readScenario(lfrtest::smallScenarioText());
    CHECK(s.name == "Small week");
    REQUIRE(s.dates.size() == 3);
    CHECK(formatDate(s.dates.front()) == "2026-12-07");
    CHECK(s.policy.maxDeployments == 3);
    CHECK(s.policy.maxPerDate == 2);
    CHECK(s.windows.at(1).start.minutes == 17 * 60);
    CHECK(s.shifts.at(2).end.minutes == 7 * 60);
    CHECK(s.roles.at(0).minRank == Rank::Insp);
    CHECK(s.roles.at(0).skill == "lfr-silver");
    CHECK_FALSE(s.roles.at(2).minRank.has_value());
    CHECK(s.crew.at("engagement") == 2);

    const Team &brixtonTeam = s.teams.at(1);
    CHECK(brixtonTeam.minOnDuty == 0);
    CHECK_FALSE(brixtonTeam.maxAbstracted.has_value());
    CHECK(s.teams.at(0).maxAbstracted == 4);

    const Officer &tom = s.officers.at(1);
    CHECK(tom.name == "Tom O'Brien");
    CHECK(tom.maxDuties == 1);
    CHECK(tom.roster.size() == 2);
    CHECK(s.officers.at(2).name == "Zo\xC3\xAB Clarke");
    CHECK(s.officers.at(3).rank == Rank::PS);

    const Hotspot &oxford = s.hotspots.at(0);
    CHECK(oxford.maxPerHorizon == 2);
    CHECK(oxford.minGapDays == 1);
    CHECK(oxford.repeatDecay == 0.5);
    CHECK(oxford.weekdayFactor[5] == 1.5);
    CHECK(oxford.weekdayFactor[0] == 1.0);
    CHECK_FALSE(oxford.dates.has_value());
    CHECK_FALSE(oxford.crew.has_value());
    const Hotspot &brixton = s.hotspots.at(1);
    CHECK(brixton.value == 80.5);
    REQUIRE(brixton.dates.has_value());
    CHECK(brixton.dates->size() == 2);
    REQUIRE(brixton.crew.has_value());
    CHECK(brixton.crew->at("silver") == 1);
    CHECK(brixton.crew->count("operator") == 0);

    CHECK(s.vans.at(0).name == "Van one");
    CHECK(s.vans.at(0).maxPerDate == 1);
    CHECK(s.vans.at(1).maxPerDate == 2);
    CHECK_FALSE(s.vans.at(1).name.has_value());
    REQUIRE(s.pinned.size() == 1);
    CHECK(s.pinned[0].van == "LFR-1");
    CHECK(s.pinned[0].crew.at(0).officer == "MP1001");
}

TEST_CASE("an absent policy takes the spec's defaults", "[scenario-io]")
{
    auto j = lfrtest::smallScenarioJson();
    j.erase("policy");
    j.erase("pinned");
    const Scenario s = readScenario(j.dump());
    CHECK(s.policy.maxDeployments == 10);
    CHECK(s.policy.maxDays == 5);
    CHECK_FALSE(s.policy.maxPerDate.has_value());
    CHECK(s.policy.maxDutiesPerOfficer == 2);
    CHECK(s.policy.travelWeight == 0.1);
    CHECK(s.pinned.empty());
}

TEST_CASE("null means not given on optional keys without a default", "[scenario-io]")
{
    auto j = lfrtest::smallScenarioJson();
    j["teams"][0]["max_abstracted"] = nullptr;
    j["officers"][0]["max_duties"] = nullptr;
    j["vans"][0]["name"] = nullptr;
    j["roles"][0]["skill"] = nullptr;
    j["pinned"][0]["van"] = nullptr;
    j["pinned"][0]["crew"] = nullptr;
    j["policy"]["max_per_date"] = nullptr;
    const Scenario s = readScenario(j.dump());
    CHECK_FALSE(s.teams[0].maxAbstracted);
    CHECK_FALSE(s.officers[0].maxDuties);
    CHECK_FALSE(s.vans[0].name);
    CHECK_FALSE(s.roles[0].skill);
    CHECK_FALSE(s.pinned[0].van);
    CHECK(s.pinned[0].crew.empty());
    CHECK_FALSE(s.policy.maxPerDate);
}

TEST_CASE("a scenario written out reads back equal", "[scenario-io]")
{
    const Scenario s = readScenario(lfrtest::smallScenarioText());
    const std::string text = writeScenario(s);
    const Scenario back = readScenario(text);
    CHECK(back == s);
    CHECK(writeScenario(back) == text);
    const auto j = nlohmann::json::parse(text);
    CHECK(j["hotspots"][0]["weekday_factor"]["mon"] == 1.0);
    CHECK(j["policy"]["travel_weight"] == 0.1);
}

TEST_CASE("a leading byte-order mark is accepted", "[scenario-io]")
{
    const Scenario s = readScenario("\xEF\xBB\xBF" + lfrtest::smallScenarioText());
    CHECK(s.name == "Small week");
}

TEST_CASE("a missing file is named in the error", "[scenario-io]")
{
    try {
        readScenarioFile("/nonexistent/lfrplan/none.json");
        FAIL("expected an error");
    } catch (const InputError &e) {
        CHECK_THAT(e.what(), Catch::Contains("/nonexistent/lfrplan/none.json"));
    }
}

TEST_CASE("atomic writes replace the file whole and leave no temporary behind", "[scenario-io]")
{
    lfrtest::ScratchDir dir;
    const auto path = dir / "out.json";
    writeFileAtomically(path, "first");
    writeFileAtomically(path, "second version");
    CHECK(readTextFile(path) == "second version");
    std::size_t files = 0;
    for ([[maybe_unused]] const auto &entry : std::filesystem::directory_iterator(dir.path()))
        ++files;
    CHECK(files == 1);
    CHECK_THROWS_WITH(writeFileAtomically(dir / "missing-folder/x.json", "x"), Catch::Contains("missing-folder"));
}
