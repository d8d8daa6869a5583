// The notice week of the change-notice tests (test_change_notices.cpp,
// test_change_calendars.cpp): a scenario, its published plan and the plan
// saved since, and a database holding them.
#pragma once

#include "lfrplan/change_notices.h"
#include "lfrplan/dates.h"
#include "lfrplan/objective.h"
#include "lfrplan/publishing.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/storage.h"

#include "test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace lfrtest {

inline bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

// Two teams of six, everyone on a day shift that covers the day window on
// all three dates, no skills needed: any crew of a lead and an operator is
// valid. One officer's name looks like a formula, one hotspot's has a comma.
inline lfr::Scenario noticeWeek()
{
    nlohmann::json s = {
        {"format", "lfrplan-scenario/1"},
        {"name", "Notice week"},
        {"dates", {"2026-12-07", "2026-12-08", "2026-12-09"}},
        {"windows", {{{"id", "day"}, {"start", "10:00"}, {"end", "14:00"}}}},
        {"shifts", {{{"id", "day"}, {"start", "08:00"}, {"end", "16:00"}}}},
        {"roles", {{{"id", "lead"}}, {{"id", "operator"}}}},
        {"crew", {{"lead", 1}, {"operator", 1}}},
        {"teams",
         {{{"id", "west"}, {"name", "West End"}, {"base", {{"lat", 51.51}, {"lon", -0.13}}}},
          {{"id", "south"}, {"name", "South"}, {"base", {{"lat", 51.46}, {"lon", -0.11}}}}}},
        {"hotspots", nlohmann::json::array()},
        {"vans", {{{"id", "V1"}}, {{"id", "V2"}}, {{"id", "V3"}}}},
    };
    nlohmann::json officers = nlohmann::json::array();
    for (const char *team : {"west", "south"})
        for (int i = 1; i <= 6; ++i) {
            const std::string id = std::string(team == std::string("west") ? "W" : "S") + std::to_string(i);
            officers.push_back({{"id", id},
                                {"name", id == "W5" ? "=HYPERLINK(\"x\")" : "Officer " + id},
                                {"rank", "PC"},
                                {"team", team},
                                {"skills", nlohmann::json::array()},
                                {"roster", {{"2026-12-07", "day"}, {"2026-12-08", "day"}, {"2026-12-09", "day"}}}});
        }
    s["officers"] = officers;
    for (const auto &[id, name] : std::vector<std::pair<std::string, std::string>>{{"oxford", "Oxford Circus"},
                                                                                   {"brixton", "Brixton"},
                                                                                   {"soho", "Soho, Old Compton St"},
                                                                                   {"camden", "Camden"}})
        s["hotspots"].push_back({{"id", id},
                                 {"name", name},
                                 {"borough", "Westminster"},
                                 {"location", {{"lat", 51.5}, {"lon", -0.14}}},
                                 {"value", 100},
                                 {"windows", {{"day", 1.0}}}});
    return lfr::readScenario(s.dump());
}

inline lfr::Deployment deployment(const char *date, const char *hotspot, const char *van, const char *lead,
                                  const char *op)
{
    return {*lfr::parseDate(date), "day", hotspot, van, {{lead, "lead"}, {op, "operator"}}};
}

// Published: D1 Oxford (W1, W2), D2 Brixton (W3, W4) on Monday, D3 Soho
// (S1, S2) on Tuesday, D4 Camden (S3, S4) on Wednesday.
inline std::vector<lfr::Deployment> publishedWeek()
{
    return {deployment("2026-12-07", "oxford", "V1", "W1", "W2"), deployment("2026-12-07", "brixton", "V2", "W3", "W4"),
            deployment("2026-12-08", "soho", "V1", "S1", "S2"), deployment("2026-12-09", "camden", "V2", "S3", "S4")};
}

// Saved since: W5 replaces W2 at Oxford, Brixton is removed, Soho's van
// changes to V3, and W4 moves from Brixton to Camden (replacing S4).
inline std::vector<lfr::Deployment> savedWeek()
{
    return {deployment("2026-12-07", "oxford", "V1", "W1", "W5"), deployment("2026-12-08", "soho", "V3", "S1", "S2"),
            deployment("2026-12-09", "camden", "V2", "S3", "W4")};
}

inline std::string summary(const lfr::DutyChange &c)
{
    std::string s = c.officer + " " + lfr::dutyChangeKindName(c.kind);
    if (c.before)
        s += " " + c.before->deployment.hotspot + "/" + c.before->deployment.van + "/" + c.before->role;
    if (c.after)
        s += " -> " + c.after->deployment.hotspot + "/" + c.after->deployment.van + "/" + c.after->role;
    return s;
}

// A plan of the notice week with its figures (a published plan keeps them).
inline lfr::Plan noticePlan(const std::vector<lfr::Deployment> &deployments)
{
    lfr::Plan plan;
    plan.scenario = "Notice week";
    plan.deployments = deployments;
    plan.figures = lfr::evaluate(noticeWeek(), deployments).figures();
    return plan;
}

// A database holding the notice week, published as version 1, with the
// saved plan changed since.
inline std::string storedNoticeWeek(const lfrtest::ScratchDir &dir, bool changeSaved = true)
{
    const std::string file = (dir / "week.db").string();
    const auto store = lfr::openStorage(file);
    const lfr::Scenario s = noticeWeek();
    store->importScenario(s, lfr::ImportMode::FailIfExists);
    store->savePlan(s.name, noticePlan(publishedWeek()));
    REQUIRE(lfr::publishSavedPlan(*store, s.name).version == 1);
    if (changeSaved)
        store->savePlan(s.name, noticePlan(savedWeek()));
    return file;
}

} // namespace lfrtest
