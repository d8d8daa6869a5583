// Reading and writing lfrplan-plan/1 (docs/planning-problem.md section 2).
#pragma once

#include "lfrplan/model.h"

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lfr {

inline constexpr std::string_view kPlanFormat = "lfrplan-plan/1";

// Parses a plan and checks its format (types, required keys, strict dates,
// status rules); throws InputError naming the JSON path of the first fault.
// References to the scenario (hotspots, vans, officers...) are checked by the
// validator, since an unknown van or a date outside the horizon breaks a hard
// constraint (section 3) rather than the format. Keys the format does not
// define are allowed and ignored, as section 2 says.
Plan readPlan(std::string_view text);
Plan readPlanFile(const std::filesystem::path &path);

nlohmann::json planToJson(const Plan &plan);
std::string writePlan(const Plan &plan);

} // namespace lfr
