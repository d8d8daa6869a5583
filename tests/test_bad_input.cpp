// Every kind of bad scenario input is refused with the JSON path of its
// first fault (docs/planning-problem.md section 5).
#include "lfrplan/errors.h"
#include "lfrplan/scenario_io.h"
#include "test_support.h"

#include <catch2/catch.hpp>

#include <functional>

using namespace lfr;
using nlohmann::json;

namespace {

struct BadCase {
    const char *what;
    std::function<void(json &)> mutate;
    const char *path;
    const char *detail;
};

void expectRefused(const std::string &text, const std::string &path, const std::string &detail)
{
    try {
        readScenario(text);
        FAIL("accepted bad input; expected " << path << ": " << detail);
    } catch (const InputError &e) {
        CHECK(e.where() == path);
        CHECK_THAT(e.detail(), Catch::Contains(detail));
    }
}

} // namespace

TEST_CASE("bad scenario values are refused with their JSON path", "[bad-input]")
{
    const std::vector<BadCase> cases = {
        {"unknown top-level key", [](json &j) { j["polcy"] = json::object(); }, "polcy", "unknown key"},
        {"unknown nested key", [](json &j) { j["officers"][2]["rnak"] = "PC"; }, "officers[2].rnak", "unknown key"},
        {"unknown policy key", [](json &j) { j["policy"]["max_dayz"] = 3; }, "policy.max_dayz", "unknown key"},
        {"wrong format", [](json &j) { j["format"] = "lfrplan-scenario/2"; }, "format", "must be"},
        {"missing required key", [](json &j) { j.erase("vans"); }, "vans", "missing required key"},
        {"missing nested key", [](json &j) { j["teams"][1].erase("base"); }, "teams[1].base", "missing"},
        {"name wrong type", [](json &j) { j["name"] = 5; }, "name", "must be a string"},
        {"list wrong type", [](json &j) { j["officers"] = json::object(); }, "officers", "must be an array"},
        {"element wrong type", [](json &j) { j["teams"][0] = "west-end"; }, "teams[0]", "must be an object"},
        {"count as float", [](json &j) { j["policy"]["max_days"] = 2.0; }, "policy.max_days", "whole JSON integer"},
        {"count as boolean", [](json &j) { j["policy"]["max_days"] = true; }, "policy.max_days", "must be an integer"},
        {"count as string", [](json &j) { j["crew"]["silver"] = "1"; }, "crew.silver", "must be an integer"},
        {"negative count", [](json &j) { j["policy"]["max_deployments"] = -1; }, "policy.max_deployments", ">= 0"},
        {"huge count", [](json &j) { j["policy"]["max_deployments"] = 99999999999LL; }, "policy.max_deployments",
         "out of range"},
        {"null where a default exists", [](json &j) { j["vans"][1]["max_per_date"] = nullptr; }, "vans[1].max_per_date",
         "not null"},
        {"null min_on_duty", [](json &j) { j["teams"][0]["min_on_duty"] = nullptr; }, "teams[0].min_on_duty",
         "not null"},
        {"negative travel weight", [](json &j) { j["policy"]["travel_weight"] = -0.5; }, "policy.travel_weight",
         ">= 0"},
        {"travel weight boolean", [](json &j) { j["policy"]["travel_weight"] = false; }, "policy.travel_weight",
         "must be a number"},
        {"duplicate team id", [](json &j) { j["teams"][1]["id"] = "west-end"; }, "teams[1].id", "duplicate team"},
        {"duplicate officer id", [](json &j) { j["officers"][4]["id"] = "MP1001"; }, "officers[4].id",
         "duplicate officer"},
        {"duplicate window id", [](json &j) { j["windows"][1]["id"] = "day"; }, "windows[1].id", "duplicate window"},
        {"duplicate hotspot id", [](json &j) { j["hotspots"][1]["id"] = "oxford-circus"; }, "hotspots[1].id",
         "duplicate hotspot"},
        {"duplicate van id", [](json &j) { j["vans"][1]["id"] = "LFR-1"; }, "vans[1].id", "duplicate van"},
        {"duplicate role id", [](json &j) { j["roles"][2]["id"] = "silver"; }, "roles[2].id", "duplicate role"},
        {"duplicate shift id", [](json &j) { j["shifts"][1]["id"] = "early"; }, "shifts[1].id", "duplicate shift"},
        {"empty id", [](json &j) { j["vans"][0]["id"] = ""; }, "vans[0].id", "non-empty"},
        {"unknown team", [](json &j) { j["officers"][3]["team"] = "west-edn"; }, "officers[3].team",
         "unknown team \"west-edn\""},
        {"unknown shift in roster", [](json &j) { j["officers"][0]["roster"]["2026-12-07"] = "mid"; },
         "officers[0].roster.2026-12-07", "unknown shift"},
        {"unknown role in crew", [](json &j) { j["crew"]["driver"] = 1; }, "crew.driver", "unknown role"},
        {"unknown role in hotspot crew", [](json &j) { j["hotspots"][1]["crew"]["driver"] = 1; },
         "hotspots[1].crew.driver", "unknown role"},
        {"unknown window at hotspot", [](json &j) { j["hotspots"][0]["windows"]["night"] = 1.0; },
         "hotspots[0].windows.night", "unknown window"},
        {"unknown rank", [](json &j) { j["officers"][1]["rank"] = "Sgt"; }, "officers[1].rank", "unknown rank"},
        {"unknown min rank", [](json &j) { j["roles"][0]["min_rank"] = "Chief"; }, "roles[0].min_rank", "unknown rank"},
        {"unknown weekday", [](json &j) { j["hotspots"][0]["weekday_factor"]["sunday"] = 1; },
         "hotspots[0].weekday_factor.sunday", "unknown weekday"},
        {"pin unknown hotspot", [](json &j) { j["pinned"][0]["hotspot"] = "soho"; }, "pinned[0].hotspot",
         "unknown hotspot"},
        {"pin unknown window", [](json &j) { j["pinned"][0]["window"] = "night"; }, "pinned[0].window",
         "unknown window"},
        {"pin unknown van", [](json &j) { j["pinned"][0]["van"] = "LFR-9"; }, "pinned[0].van", "unknown van"},
        {"pin unknown officer", [](json &j) { j["pinned"][0]["crew"][0]["officer"] = "MP9999"; },
         "pinned[0].crew[0].officer", "unknown officer"},
        {"pin unknown role", [](json &j) { j["pinned"][0]["crew"][0]["role"] = "driver"; }, "pinned[0].crew[0].role",
         "unknown role"},
        {"pin date outside horizon", [](json &j) { j["pinned"][0]["date"] = "2026-12-20"; }, "pinned[0].date",
         "not one of the scenario's dates"},
        {"roster date outside horizon", [](json &j) { j["officers"][0]["roster"]["2026-12-10"] = "early"; },
         "officers[0].roster.2026-12-10", "not one of the scenario's dates"},
        {"hotspot date outside horizon", [](json &j) { j["hotspots"][1]["dates"][0] = "2027-01-01"; },
         "hotspots[1].dates[0]", "not one of the scenario's dates"},
        {"van date outside horizon", [](json &j) { j["vans"][0]["unavailable"][0] = "2026-12-01"; },
         "vans[0].unavailable[0]", "not one of the scenario's dates"},
        {"malformed date", [](json &j) { j["dates"][1] = "2026-12-8"; }, "dates[1]", "YYYY-MM-DD"},
        {"impossible date", [](json &j) { j["dates"][2] = "2026-02-30"; }, "dates[2]", "real calendar date"},
        {"malformed roster date", [](json &j) { j["officers"][0]["roster"]["07/12/2026"] = "early"; },
         "officers[0].roster.07/12/2026", "YYYY-MM-DD"},
        {"dates not ascending",
         [](json &j) {
             j["dates"] = {"2026-12-08", "2026-12-07"};
         },
         "dates[1]", "ascending"},
        {"dates repeated",
         [](json &j) {
             j["dates"] = {"2026-12-07", "2026-12-07"};
         },
         "dates[1]", "ascending"},
        {"no dates", [](json &j) { j["dates"] = json::array(); }, "dates", "at least 1"},
        {"malformed time", [](json &j) { j["windows"][0]["start"] = "11.00"; }, "windows[0].start", "HH:MM"},
        {"time out of range", [](json &j) { j["shifts"][0]["end"] = "24:00"; }, "shifts[0].end", "HH:MM"},
        {"window ends before start", [](json &j) { j["windows"][1]["end"] = "16:00"; }, "windows[1].end",
         "must end after"},
        {"zero-length window", [](json &j) { j["windows"][1]["end"] = "17:00"; }, "windows[1].end", "must end after"},
        {"value not positive", [](json &j) { j["hotspots"][0]["value"] = 0; }, "hotspots[0].value", "> 0"},
        {"multiplier not positive", [](json &j) { j["hotspots"][0]["windows"]["day"] = 0; }, "hotspots[0].windows.day",
         "> 0"},
        {"weekday factor negative", [](json &j) { j["hotspots"][0]["weekday_factor"]["sat"] = -1; },
         "hotspots[0].weekday_factor.sat", ">= 0"},
        {"decay above 1", [](json &j) { j["hotspots"][1]["repeat_decay"] = 1.5; }, "hotspots[1].repeat_decay",
         "between 0 and 1"},
        {"latitude out of range", [](json &j) { j["teams"][0]["base"]["lat"] = 91; }, "teams[0].base.lat", "latitude"},
        {"skills not strings", [](json &j) { j["officers"][0]["skills"][0] = 3; }, "officers[0].skills[0]",
         "must be a string"},
        {"hotspot date listed twice", [](json &j) { j["hotspots"][1]["dates"][1] = "2026-12-08"; },
         "hotspots[1].dates[1]", "listed twice"},
    };
    for (const BadCase &c : cases) {
        SECTION(c.what)
        {
            json j = lfrtest::smallScenarioJson();
            c.mutate(j);
            expectRefused(j.dump(), c.path, c.detail);
        }
    }
}

TEST_CASE("text that is not a scenario object is refused with its position", "[bad-input]")
{
    const std::string good = lfrtest::smallScenarioText();
    SECTION("truncated file")
    {
        for (std::size_t cut : {std::size_t{0}, std::size_t{1}, good.size() / 3, good.size() / 2, good.size() - 2}) {
            try {
                readScenario(good.substr(0, cut));
                FAIL("truncated scenario accepted at " << cut);
            } catch (const InputError &e) {
                CHECK_THAT(e.where(), Catch::StartsWith("line "));
            }
        }
    }
    SECTION("top level is an array") { expectRefused("[1, 2]", "(top level)", "must be an object"); }
    SECTION("top level is a string") { expectRefused("\"scenario\"", "(top level)", "must be an object"); }
    SECTION("NaN literal")
    {
        CHECK_THROWS_AS(readScenario(R"({"format": "lfrplan-scenario/1", "policy": {"travel_weight": NaN}})"),
                        InputError);
    }
    SECTION("number beyond a double")
    {
        json j = lfrtest::smallScenarioJson();
        std::string text = j.dump();
        const std::string needle = "\"travel_weight\":0.1";
        text.replace(text.find(needle), needle.size(), "\"travel_weight\":1e999");
        expectRefused(text, "policy.travel_weight", "out of range");
    }
    SECTION("duplicate object key")
    {
        std::string text = lfrtest::smallScenarioText();
        text.replace(text.find("\"name\": \"Small week\""), 20, "\"name\": \"A\", \"name\": \"B\"");
        expectRefused(text, "name", "duplicate key");
    }
    SECTION("hostile nesting")
    {
        std::string text = "{\"format\": \"lfrplan-scenario/1\", \"name\": ";
        text += std::string(100000, '[');
        std::string expectedPath = "name";
        for (int i = 0; i < 63; ++i)
            expectedPath += "[0]";
        expectRefused(text, expectedPath, "nesting deeper than 64");
    }
    SECTION("invalid UTF-8")
    {
        std::string text = lfrtest::smallScenarioText();
        text.replace(text.find("Asha"), 4, "A\xFF\xFEh");
        try {
            readScenario(text);
            FAIL("invalid UTF-8 accepted");
        } catch (const InputError &e) {
            CHECK_THAT(e.where(), Catch::StartsWith("line "));
            CHECK_THAT(e.detail(), Catch::Contains("UTF-8"));
        }
    }
}

TEST_CASE("infeasible pins are not bad input", "[bad-input]")
{
    json j = lfrtest::smallScenarioJson();
    // Brixton allows only the evening window, LFR-1 is unavailable on the 9th,
    // and MP1002 is no silver: a planner's problem, not a format fault.
    j["pinned"].push_back({{"hotspot", "brixton"},
                           {"date", "2026-12-09"},
                           {"window", "day"},
                           {"van", "LFR-1"},
                           {"crew", {{{"officer", "MP1002"}, {"role", "silver"}}}}});
    CHECK_NOTHROW(readScenario(j.dump()));
}
