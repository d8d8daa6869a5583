// Reading a scenario and its plan back from the schema (either database) (private to
// core). Both run inside the caller's read transaction.
#pragma once

#include "lfrplan/model.h"

#include "sql_connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr::sql {

// The scenario stored under row id `scenarioId`, lists in their stored order.
Scenario readScenario(Connection &db, std::int64_t scenarioId);

// The plan of a scenario, or nullopt when none was saved. `name` is the
// scenario's current name, which the plan carries.
std::optional<Plan> readPlan(Connection &db, std::int64_t scenarioId, std::string_view name);

// Deletes every row of one scenario, children first so that each foreign
// key check meets an empty range, then the scenario itself. Runs inside
// the caller's transaction.
void deleteScenarioRows(Connection &db, std::int64_t scenarioId);
// Deletes the scenario's data and plan but keeps the scenarios row, its
// notes and its authorisation records (a Replace import).
void deleteScenarioData(Connection &db, std::int64_t scenarioId);

// The tables that hold a scenario's rows, children before their parents
// (scenarios itself not included).
const std::vector<std::string_view> &scenarioTablesChildrenFirst();

} // namespace lfr::sql
