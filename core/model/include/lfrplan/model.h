// The domain model of lfrplan: the planning problem of
// docs/planning-problem.md, section 1 (scenario) and section 2 (plan).
// Plain value types, no behaviour beyond comparison; rules live in
// validator.h, formats in scenario_io.h / plan_io.h.
#pragma once

#include "lfrplan/dates.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr {

// Ranks, lowest first, fixed by the format.
enum class Rank : std::uint8_t { PC, PS, Insp, CI, Supt, CS, Cmdr };
inline constexpr std::array<std::string_view, 7> kRankNames = {"PC", "PS", "Insp", "CI", "Supt", "CS", "Cmdr"};
std::optional<Rank> parseRank(std::string_view text);
std::string_view rankName(Rank rank);

struct GeoPoint {
    double lat = 0.0;
    double lon = 0.0;
    bool operator==(const GeoPoint &) const = default;
};

// A deployment window within one day: [start, end), start < end.
struct Window {
    std::string id;
    Clock start;
    Clock end;
    bool operator==(const Window &) const = default;
};

// A duty shift. end <= start means the shift ends the next day
// (end == start: 24 hours).
struct Shift {
    std::string id;
    Clock start;
    Clock end;
    bool operator==(const Shift &) const = default;
};

struct Role {
    std::string id;
    std::optional<Rank> minRank;
    std::optional<std::string> skill;
    bool operator==(const Role &) const = default;
};

// role id -> number of officers in that role. Roles absent count 0.
using CrewMap = std::map<std::string, int>;

struct Team {
    std::string id;
    std::string name;
    GeoPoint base;
    int minOnDuty = 0;
    std::optional<int> maxAbstracted;
    bool operator==(const Team &) const = default;
};

struct Officer {
    std::string id; // collar number
    std::string name;
    Rank rank = Rank::PC;
    std::string team;
    std::vector<std::string> skills;
    std::map<Date, std::string> roster; // date -> shift id; no entry: off duty
    std::optional<int> maxDuties;       // overrides policy.max_duties_per_officer
    bool operator==(const Officer &) const = default;
};

// Weekday factors indexed Monday = 0 .. Sunday = 6.
using WeekdayFactors = std::array<double, 7>;
inline constexpr std::array<std::string_view, 7> kWeekdayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

struct Hotspot {
    std::string id;
    std::string name;
    std::string borough;
    GeoPoint location;
    double value = 0.0;
    std::map<std::string, double> windows; // allowed window id -> multiplier
    WeekdayFactors weekdayFactor = {1, 1, 1, 1, 1, 1, 1};
    std::optional<std::vector<Date>> dates; // only these dates when given
    int maxPerHorizon = 2;
    int minGapDays = 1;
    double repeatDecay = 0.5;
    std::optional<CrewMap> crew; // replaces the policy crew when given
    bool operator==(const Hotspot &) const = default;
};

struct Van {
    std::string id;
    std::optional<std::string> name;
    std::vector<Date> unavailable;
    int maxPerDate = 1;
    bool operator==(const Van &) const = default;
};

struct Policy {
    int maxDeployments = 10;
    int maxDays = 5;
    std::optional<int> maxPerDate;
    int maxDutiesPerOfficer = 2;
    double travelWeight = 0.1;
    bool operator==(const Policy &) const = default;
};

struct CrewAssignment {
    std::string officer;
    std::string role;
    bool operator==(const CrewAssignment &) const = default;
};

struct Pin {
    std::string hotspot;
    Date date;
    std::string window;
    std::optional<std::string> van;
    std::vector<CrewAssignment> crew;
    bool operator==(const Pin &) const = default;
};

struct Scenario {
    std::string name;
    std::vector<Date> dates;
    Policy policy;
    std::vector<Window> windows;
    std::vector<Shift> shifts;
    std::vector<Role> roles;
    CrewMap crew;
    std::vector<Team> teams;
    std::vector<Officer> officers;
    std::vector<Hotspot> hotspots;
    std::vector<Van> vans;
    std::vector<Pin> pinned;
    bool operator==(const Scenario &) const = default;
};

struct Deployment {
    Date date;
    std::string window;
    std::string hotspot;
    std::string van;
    std::vector<CrewAssignment> crew;
    bool operator==(const Deployment &) const = default;
};

enum class PlanStatus : std::uint8_t { Optimal, Feasible, Infeasible };
std::string_view planStatusName(PlanStatus status);
std::optional<PlanStatus> parsePlanStatus(std::string_view text);

// VALUE, TRAVEL and OBJECTIVE = VALUE - TRAVEL of section 4: the one
// breakdown a plan, an evaluation (objective.h) and a comparison carry.
struct ObjectiveFigures {
    double value = 0.0;         // VALUE
    double travelPenalty = 0.0; // TRAVEL
    double objective = 0.0;     // OBJECTIVE
    bool operator==(const ObjectiveFigures &) const = default;
};

// A re-plan's stability against the published version it started from
// (docs/planning-problem.md section 6): what lfrplan replan maximises first
// (kept) and minimises next (crewPlacesChanged).
struct Stability {
    int fromVersion = 0;               // the published version re-planned from
    std::size_t published = 0;         // its deployments
    std::size_t kept = 0;              // of those, kept: same date, window, hotspot and van
    std::size_t crewPlacesChanged = 0; // (officer, role) places not in the published crew
    // Proven the best re-plan (section 6's order) rather than the best
    // found within the time limit. The plan's own status stays "feasible":
    // it is not the best plan of the scenario by OBJECTIVE alone.
    bool proven = false;
    bool operator==(const Stability &) const = default;
};

// The one record of a plan, from the solver through the document, the
// stores, the comparison and every export (section 2 of the contract).
struct Plan {
    std::string scenario; // the scenario's name
    PlanStatus status = PlanStatus::Feasible;
    std::optional<ObjectiveFigures> figures; // none for an infeasible plan
    std::optional<double> bound;             // proven upper bound on OBJECTIVE, or none
    std::vector<Deployment> deployments;
    std::optional<std::string> reason;
    // A re-plan's figures against the published version (lfrplan replan);
    // none for a plan solved from scratch or edited by hand.
    std::optional<Stability> stability;
    bool operator==(const Plan &) const = default;
};

} // namespace lfr
