#include "lfrplan/errors.h"
#include "lfrplan/plan_io.h"

#include <catch2/catch.hpp>

using namespace lfr;
using nlohmann::json;

namespace {

json samplePlan()
{
    return json::parse(R"({
      "format": "lfrplan-plan/1", "scenario": "Small week", "status": "feasible",
      "objective": 812.4, "value": 905.0, "travel_penalty": 92.6, "bound": 815.0,
      "explanation": ["ignored by readers"],
      "deployments": [
        {"date": "2026-12-07", "window": "day", "hotspot": "oxford-circus", "van": "LFR-1", "value": 100,
         "crew": [{"officer": "MP1001", "role": "silver"}, {"officer": "MP1002", "role": "operator"}]}
      ]})");
}

std::string refusedAt(const json &j)
{
    try {
        readPlan(j.dump());
    } catch (const InputError &e) {
        return e.where();
    }
    return "(accepted)";
}

} // namespace

TEST_CASE("a plan reads, ignores extra keys and writes back equal", "[plan-io]")
{
    const Plan plan = readPlan(samplePlan().dump());
    CHECK(plan.scenario == "Small week");
    CHECK(plan.status == PlanStatus::Feasible);
    REQUIRE(plan.figures.has_value());
    CHECK(plan.figures->objective == 812.4);
    CHECK(plan.bound == 815.0);
    REQUIRE(plan.deployments.size() == 1);
    CHECK(formatDate(plan.deployments[0].date) == "2026-12-07");
    CHECK(plan.deployments[0].crew.at(1).role == "operator");
    CHECK(readPlan(writePlan(plan)) == plan);
}

TEST_CASE("an infeasible plan has null numbers and a reason", "[plan-io]")
{
    Plan plan;
    plan.scenario = "Small week";
    plan.status = PlanStatus::Infeasible;
    plan.reason = "Pin 1 (Brixton, 2026-12-09 day): the window is not allowed at Brixton";
    const std::string text = writePlan(plan);
    CHECK(json::parse(text)["objective"].is_null());
    CHECK(readPlan(text) == plan);

    json noReason = json::parse(text);
    noReason.erase("reason");
    CHECK(refusedAt(noReason) == "reason");
    json withDeployments = json::parse(text);
    withDeployments["deployments"] = samplePlan()["deployments"];
    CHECK(refusedAt(withDeployments) == "deployments");
}

TEST_CASE("bad plans are refused with their path", "[plan-io]")
{
    json j = samplePlan();
    j["status"] = "great";
    CHECK(refusedAt(j) == "status");
    j = samplePlan();
    j.erase("bound");
    CHECK(refusedAt(j) == "bound");
    j = samplePlan();
    j["deployments"][0]["date"] = "2026-12-32";
    CHECK(refusedAt(j) == "deployments[0].date");
    j = samplePlan();
    j["deployments"][0]["crew"][1].erase("role");
    CHECK(refusedAt(j) == "deployments[0].crew[1].role");
    j = samplePlan();
    j["objective"] = "812";
    CHECK(refusedAt(j) == "objective");
    j = samplePlan();
    j["status"] = "optimal";
    j["bound"] = nullptr;
    CHECK(refusedAt(j) == "bound");
    j = samplePlan();
    j["format"] = "lfrplan-scenario/1";
    CHECK(refusedAt(j) == "format");
}
