// Checking a plan against every hard constraint of docs/planning-problem.md
// section 3. validatePlan() never fails on bad input: unknown references in
// the deployments are violations like any other.
//
// Messages speak a planner's language and number deployments and pins from 1
// ("Deployment 3" is deployments[2]); the index fields count from 0.
#pragma once

#include "lfrplan/model.h"
#include "lfrplan/objective.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr {

class ScenarioIndex;

// The rules of section 3, plus references a deployment makes to things the
// scenario does not have.
enum class Rule : std::uint8_t {
    Counts,           // 1: max_deployments, max_days, max_per_date, dates in the horizon
    Hotspot,          // 2: windows, dates, max_per_horizon, min_gap_days, one per hotspot/date/window
    Van,              // 3: exists, available, max_per_date, windows do not overlap
    Crew,             // 4: crew counts, qualification, duty, one crew a date, max_duties
    StaffingLimit,    // 5: team max_abstracted and min_on_duty
    Pin,              // 6: every pin met by its own deployment
    UnknownReference, // hotspot, window, officer or role id the scenario does not have
};

// The exact check that failed; each belongs to one Rule (ruleOf).
enum class Check : std::uint8_t {
    // Rule::Counts
    MaxDeployments,
    MaxDays,
    MaxPerDate,
    DateOutsideHorizon,
    // Rule::Hotspot
    WindowNotAllowed,
    DateNotAllowed,
    MaxPerHorizon,
    MinGapDays,
    DuplicateSlot,
    // Rule::Van
    UnknownVan,
    VanUnavailable,
    VanMaxPerDate,
    VanWindowsOverlap,
    // Rule::Crew
    CrewCount,
    RankTooLow,
    MissingSkill,
    OffDuty,          // no roster entry on the deployment's date
    ShiftNotCovering, // rostered, but the shift does not cover the window
    OfficerTwiceInCrew,
    OfficerTwiceOnDate,
    MaxDuties,
    // Rule::StaffingLimit
    MaxAbstracted,
    MinOnDuty,
    // Rule::Pin
    PinNoDeployment, // no deployment at the pin's hotspot, date and window
    PinVanMismatch,  // deployments there, none with the pinned van
    PinCrewMismatch, // deployments there with the van, none with the pinned crew
    PinContention,   // a deployment would meet it, but each is another pin's
    // Rule::UnknownReference
    UnknownHotspot,
    UnknownWindow,
    UnknownOfficer,
    UnknownRole,
};

Rule ruleOf(Check check);
std::string_view ruleName(Rule rule);

struct Violation {
    Rule rule = Rule::Counts;
    Check check = Check::MaxDeployments;
    std::optional<std::size_t> deployment; // the deployment at fault, when one is
    std::vector<std::size_t> deployments;  // every deployment involved, ascending
    std::optional<std::size_t> pin;        // index into scenario.pinned
    std::optional<std::string> officer;    // officer id
    std::optional<std::string> team;       // team id
    std::optional<Date> date;
    std::string message;
};

struct ValidationReport {
    // In the order checked: unknown hotspots, windows, officers and roles
    // first, then rules 1 to 6 (an unknown van under rule 3).
    std::vector<Violation> violations;
    Evaluation evaluation; // the plan's figures (objective.h)

    bool valid() const { return violations.empty(); }
    std::size_t count(Check check) const;
    std::size_t count(Rule rule) const;
};

ValidationReport validatePlan(const Scenario &scenario, const std::vector<Deployment> &deployments);
ValidationReport validatePlan(const ScenarioIndex &index, const std::vector<Deployment> &deployments);

// The violations pin number `pin` has on its own, whatever else a plan
// holds: its window or date not allowed at the hotspot, its van
// unavailable, a pinned officer off duty, outranked, unqualified or named
// twice. validate and solve both report a pin that can never be met with
// these, in the same words.
std::vector<Violation> pinAloneViolations(const ScenarioIndex &index, std::size_t pin);

} // namespace lfr
