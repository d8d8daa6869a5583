// Reading a scenario and its plan back from the SQLite schema (private to
// core). Both run inside the caller's read transaction.
#pragma once

#include "lfrplan/model.h"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lfr::sqlite {

// The scenario stored under row id `scenarioId`, lists in their stored order.
Scenario readScenario(sqlite3 *db, const std::string &location, std::int64_t scenarioId);

// The plan of a scenario, or nullopt when none was saved. `name` is the
// scenario's current name, which the plan carries.
std::optional<Plan> readPlan(sqlite3 *db, const std::string &location, std::int64_t scenarioId, std::string_view name);

} // namespace lfr::sqlite
