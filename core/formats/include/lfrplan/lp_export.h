// The planning problem of docs/planning-problem.md as a mixed-integer linear
// program, written in CPLEX LP format for an exact reference solver (Debian's
// `cbc model.lp solve solu out.txt`), and cbc's solution read back as a plan.
//
// The model is exact: its optimum is the OBJECTIVE of section 4 over the
// plans that keep every hard constraint of section 3, and every integer
// solution decodes into such a plan. Variables (all binary unless noted; a
// slot is a hotspot, date and window the hotspot allows, on a date it allows,
// with at least one van available):
//   y.H.D.W        the slot is deployed (one deployment per slot at most);
//   x.H.D.W.V      ... with van V (V available on D); y = sum over V of x;
//   z.O.H.D.W.R    officer O is in that crew in role R, only where O
//                  qualifies for R and is rostered on a shift covering W on D
//                  (the van is chosen independently of the crew, so crews
//                  need not be repeated per van);
//   u.D            date D has a deployment (only when max_days binds);
//   p.H.D.W.kK     continuous in [0,1]: the slot's deployment is the K-th
//                  most valuable at H (only when repeat_decay != 1 and more
//                  than one deployment can be made there).
// Repeat decay: every chosen slot of H takes exactly one position K in
// 1..min(max_per_horizon, slots of H) and every position holds at most one
// deployment; position K earns decay^(K-1) * v. The weights are
// non-increasing, so by the rearrangement inequality the best assignment puts
// the K-th largest v in position K, which is exactly section 4's sorted sum;
// a maximising solver finds that assignment. For fixed y the positions form a
// transportation polytope, whose vertices are integral, so p may be continuous.
// Travel: each z costs travel_weight * haversine(team base, hotspot).
// Rows, named after what they keep: slot_van, crew (exactly crew[r] per role
// of a deployed slot), max_deployments, day_used + max_days, max_per_date,
// max_per_horizon, min_gap (every run of min_gap_days consecutive calendar
// days holds at most one deployment of the hotspot), van_max_per_date,
// van_overlap (for every window start, the van's windows containing it hold
// at most one deployment: the maximal cliques of an interval graph),
// officer_date (one deployment a date, hence once per crew), max_duties,
// release (team staffing limit: ScenarioIndex::teamReleasable), and pins
// (pinN_slot / pinN_van / pinN_crewM forced to 1; a pin that has no such
// variable, or shares its slot with an earlier pin, makes the model
// infeasible through the row pinN_unmet on a variable fixed at 0).
// Rows that can never bind are left out. Names use ids with every character
// outside [A-Za-z0-9_] replaced by '_' (shortened to 24 characters, suffixed
// with the index when two ids would collide) and dates as YYYYMMDD.
#pragma once

#include "lfrplan/model.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lfr {

struct LpVariable {
    enum class Kind : std::uint8_t { Slot, Van, Crew, DayUsed, Position, Never };
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

    std::string name;
    Kind kind = Kind::Slot;
    bool binary = true;
    double upper = 1.0;     // the lower bound is always 0
    double objective = 0.0; // coefficient in the maximised objective
    // Indices into the scenario's vectors (date: into scenario.dates); kNone when not part of the variable.
    std::size_t hotspot = kNone, date = kNone, window = kNone, van = kNone, officer = kNone, role = kNone;
    std::size_t position = 0; // Kind::Position: K, from 1
};

struct LpTerm {
    std::size_t variable = 0;
    double coefficient = 0.0;
};

struct LpRow {
    std::string name;
    std::vector<LpTerm> terms;
    char sense = '<'; // '<' (<=), '>' (>=) or '=' (=)
    double rhs = 0.0;
};

struct LpModel {
    std::string scenario; // the scenario's name
    std::vector<LpVariable> variables;
    std::vector<LpRow> rows;

    std::size_t count(LpVariable::Kind kind) const;
};

// The model of the scenario, variables and rows in a deterministic order
// (hotspots, dates, windows, vans, officers and roles in scenario order).
LpModel buildLpModel(const Scenario &scenario);

// The re-plan of docs/planning-problem.md section 6 as the same model, one
// level of its order at a time (an exact reference for lfrplan replan): the
// slots other than the published version's and the pins' are held at 0;
// KEPT is the sum of the x variables of each published deployment's slot
// and van, CHANGED the sum of the z variables not in the published crew of
// their slot. Stage Kept maximises KEPT; Changed maximises -CHANGED with
// KEPT >= keptAtLeast; Objective maximises OBJECTIVE with KEPT >= keptAtLeast
// and CHANGED <= changedAtMost (rows replan_kept and replan_changed).
enum class ReplanLpStage : std::uint8_t { Kept, Changed, Objective };
LpModel buildReplanLpModel(const Scenario &scenario, const std::vector<Deployment> &published, ReplanLpStage stage,
                           std::size_t keptAtLeast = 0, std::size_t changedAtMost = 0);

// The model in CPLEX LP format, maximising OBJECTIVE. The same scenario always
// gives the same text; numbers are written in their shortest exact form.
std::string writeLp(const LpModel &model);
std::string writeLp(const Scenario &scenario);

// cbc's solution file ("solu FILE"): a status line "Optimal - objective value
// 812.4", then one line per non-zero variable "index name value reduced-cost".
enum class CbcStatus : std::uint8_t {
    Optimal,    // proven optimal
    Infeasible, // no integer solution exists
    Stopped,    // a limit stopped it (time, nodes, ...); values are the best solution found, if any
    Unbounded,
    Unknown,
};

struct CbcSolution {
    CbcStatus status = CbcStatus::Unknown;
    std::string statusLine;                             // cbc's first line, as written
    std::optional<double> objective;                    // the value after "objective value", when given
    std::vector<std::pair<std::string, double>> values; // variable name -> value, in file order
};

// Throws std::runtime_error when the text is not a cbc solution file.
CbcSolution parseCbcSolution(std::string_view text);

// The plan encoded by cbc's solution of writeLp(scenario): deployments (date,
// window, hotspot order) with their van and crew (roles in id order, officers
// in scenario order), and the figures of evaluate(). Optimal: status optimal
// with bound max(cbc's objective, the plan's) when the two tie, else feasible
// without a bound. Infeasible: an infeasible plan whose reason quotes cbc.
// Stopped with a solution: feasible, no bound. Throws std::runtime_error when
// the solution is not one of this scenario's model (an unknown variable, a
// fractional binary, a slot without exactly one van) or has no plan at all
// (stopped before any solution, unbounded, unknown status).
Plan planFromLpSolution(const Scenario &scenario, std::string_view cbcSolutionText);

} // namespace lfr
