// Reading and writing lfrplan-plan/1 (docs/planning-problem.md section 2).
#pragma once

#include "lfrplan/model.h"

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lfr {

inline constexpr std::string_view kPlanFormat = "lfrplan-plan/1";

// Parses a plan; when a scenario is given, every reference (hotspot, window,
// van, officer, role, date) must exist in it. Throws InputError naming the
// JSON path of the first fault.
Plan readPlan(std::string_view text, const Scenario *scenario = nullptr);
Plan readPlanFile(const std::filesystem::path &path, const Scenario *scenario = nullptr);

nlohmann::json planToJson(const Plan &plan);
std::string writePlan(const Plan &plan);

} // namespace lfr
