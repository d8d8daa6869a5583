// Golden cases: one folder per case under tests/golden/, holding a plan and
// the expected verdict (whose figures were computed independently of the
// C++ code). One test walks them all; figures compare with the spec's
// objective tolerance, not byte for byte.
#include "lfrplan/objective.h"
#include "lfrplan/plan_io.h"
#include "lfrplan/scenario_io.h"
#include "lfrplan/validator.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

using namespace lfr;

TEST_CASE("golden cases: validator verdicts and figures", "[golden]")
{
    const std::filesystem::path root = std::filesystem::path(LFRPLAN_TEST_DATA_DIR).parent_path();
    std::vector<std::filesystem::path> cases;
    for (const auto &entry : std::filesystem::directory_iterator(root / "golden"))
        if (entry.is_directory())
            cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 4);
    for (const auto &dir : cases) {
        SECTION(dir.filename().string())
        {
            const auto expected = nlohmann::json::parse(readTextFile(dir / "expected.json"));
            const Scenario scenario = readScenarioFile(root.parent_path() / expected.at("scenario").get<std::string>());
            const Plan plan = readPlanFile(dir / "plan.json");
            const ValidationReport report = validatePlan(scenario, plan.deployments);
            for (const Violation &v : report.violations)
                UNSCOPED_INFO(v.message);
            CHECK(report.valid() == expected.at("valid").get<bool>());
            std::map<std::string, std::size_t> byRule;
            for (const Violation &v : report.violations)
                ++byRule[std::string(ruleName(v.rule))];
            std::map<std::string, std::size_t> expectedByRule;
            for (const auto &[rule, count] : expected.at("violations").items())
                expectedByRule[rule] = count.get<std::size_t>();
            CHECK(byRule == expectedByRule);
            CHECK(objectivesTie(report.evaluation.value, expected.at("value").get<double>()));
            CHECK(objectivesTie(report.evaluation.travelPenalty, expected.at("travel_penalty").get<double>()));
            CHECK(objectivesTie(report.evaluation.objective, expected.at("objective").get<double>()));
        }
    }
}
