// What-if scenarios and their comparison (issue 5), for commanders: a
// scenario changed in one step ("van 2 in the garage", "4 a week on 2
// days", "the West End team loses 20 officers"), and the figures that tell
// two to four plans apart.
#pragma once

#include "lfrplan/model.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr {

class Storage;

// --- Changes ------------------------------------------------------------------

// The van is unavailable on `date`, or on every date of the horizon.
// Throws InputError for an unknown van or a date outside the horizon.
void takeVanOut(Scenario &scenario, const std::string &van, std::optional<Date> date = std::nullopt);

// The team loses `count` officers: the last ones in scenario order that no
// pin names (pins stay valid). Their crew places in the plan are not this
// function's business. Throws InputError for an unknown team, or when the
// team has fewer unpinned officers than that.
void removeOfficers(Scenario &scenario, const std::string &team, int count);

// Every change a clone can make in one step; unset members change nothing.
struct WhatIf {
    std::optional<int> maxDeployments; // policy counts (>= 0)
    std::optional<int> maxDays;
    std::optional<int> maxPerDate;
    std::optional<int> maxDutiesPerOfficer;
    std::optional<double> travelWeight; // >= 0
    std::optional<std::string> vanOut;  // a van in the garage...
    std::optional<Date> vanOutDate;     // ...on this date, or all week
    std::optional<std::string> team;    // a team that loses...
    int teamLoses = 0;                  // ...this many officers (removeOfficers)
    bool changesAnything() const;
    // The changes in words: "max_days 2; van LFR-2 out all week; team
    // west-end loses 20 officers"; empty when none.
    std::string describe() const;
};

// Applies the changes in the order listed; throws InputError naming the
// first one that cannot be made (a negative count, an unknown van or team).
void applyWhatIf(Scenario &scenario, const WhatIf &change);

// Stores a copy of scenario `from` as `to` with the changes applied, in one
// step: the copy keeps the saved plan only when nothing changed (a changed
// scenario starts without a plan, to be solved). Its notes are the
// original's, then a line saying what it was cloned from and with which
// changes. Throws InputError when
// `from` is missing, `to` exists or is blank, or a change cannot be made;
// nothing is stored then.
void cloneScenario(Storage &store, std::string_view from, std::string_view to, const WhatIf &change = {});

// --- Figures ------------------------------------------------------------------

struct PlanFigures : ObjectiveFigures {
    int deployments = 0;
    int days = 0;
    std::map<std::string, double> officerHours; // team id -> hours of its officers in crews
    std::map<std::string, int> hotspotVisits;   // hotspot id -> deployments there
    bool valid = false;                         // the plan passes the validator
    std::vector<std::string> bindingLimits;     // solver.h bindingLimits()
};

PlanFigures planFigures(const Scenario &scenario, const std::vector<Deployment> &deployments);

struct ComparedPlan {
    std::string label; // the scenario's name
    const Scenario *scenario = nullptr;
    PlanFigures figures;
    std::string notes; // the scenario's notes, shown under the table
};

// A side-by-side table in plain text (one column per plan): deployments,
// days, VALUE, TRAVEL, OBJECTIVE and their change from the first plan,
// officer-hours per team, and how often each hotspot is visited; then each
// plan's binding limits, then each scenario's notes.
std::string comparisonTable(const std::vector<ComparedPlan> &plans);

// The same table as cells: a header row (an empty cell, then the labels),
// then one row per figure (its name, then a cell per plan); a section
// heading is a row of one cell. Names of team and hotspot rows start with
// two spaces.
std::vector<std::vector<std::string>> comparisonRows(const std::vector<ComparedPlan> &plans);

} // namespace lfr
