// Reading and writing lfrplan-scenario/1 (docs/planning-problem.md section 1).
// Reading is strict: the first fault throws InputError naming its JSON path.
#pragma once

#include "lfrplan/file_io.h"
#include "lfrplan/input_limits.h"
#include "lfrplan/model.h"

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lfr {

inline constexpr std::string_view kScenarioFormat = "lfrplan-scenario/1";

// Parses and checks a whole scenario; throws InputError on the first fault.
Scenario readScenario(std::string_view text);
// Reads a file (InputError names the file when it cannot be read).
Scenario readScenarioFile(const std::filesystem::path &path);

// Every default written out explicitly, ids in model order.
nlohmann::json scenarioToJson(const Scenario &scenario);
std::string writeScenario(const Scenario &scenario);

} // namespace lfr
